using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read.Documents;

/// <summary>A table of figures as it goes into the transcript: header, rows, and what was set aside.</summary>
/// <param name="Columns">One header text per column (empty when the table printed no header).</param>
/// <param name="Rows">Data rows, cells as printed.</param>
/// <param name="Titles">Title rows printed inside the table above its header (one text across the table).</param>
/// <param name="SetAside">Rows read as text, not figures (notes below the table, headings across it), as printed.</param>
/// <param name="Notices">What the person checking the draft should know about how the table was read.</param>
internal sealed record FigureTable(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, IReadOnlyList<string> Titles,
    IReadOnlyList<string> SetAside, IReadOnlyList<string> Notices);

/// <summary>
/// Decides which tables of a document hold figures, and reads their header. Only a table that
/// passes every rule becomes figures; any other table is read as text (documents lay letters out
/// with tables: letterheads, contact blocks, whole pages). The rules, in order (docs/formats.md):
/// <list type="number">
/// <item>blank rows and columns blank from top to bottom are layout and are left out;</item>
/// <item>a table needs two rows and two columns: one row or one column is layout;</item>
/// <item>a table whose every row is a "label: value" line (<c>Our ref: | 01/FIN/…</c>, <c>Tel | …</c>) is a letterhead or contact block;</item>
/// <item>rows of one text across the whole table at its top are titles (its caption);</item>
/// <item>the header is the rows the markup marks as header (<c>th</c>, <c>thead</c>, Word's repeating
/// header rows), else the rows above the first row holding a figure; a table whose
/// first row holds figures printed no header: it is read, and its figures go to the rejects ledger;</item>
/// <item>a table needs at least one figure: a cell right of the first column, below the header,
/// holding a count or a suppression or not-available marker (<c>*</c>, <c>&lt;5</c>, <c>-</c>,
/// <c>[x]</c>, …); blank cells do not count. Years in a header are not figures.</item>
/// </list>
/// Within a table of figures: a row that repeats the header (a header printed again after a page
/// break) is read once; a row of one text across the table is a heading inside it, not figures;
/// one-cell rows at its foot that read as notes ("Note…", "Source…", "*…", long text) are notes; a
/// label merged down over several rows applies to each, a figure merged down is read once.
/// </summary>
internal static class TableRules
{
    private static readonly string[] KeyWords =
    [
        "ref", "reference", "our ref", "your ref", "our reference", "your reference", "foi ref", "foi reference", "request ref", "request reference",
        "request number", "date", "tel", "telephone", "phone", "fax", "email", "e mail", "web", "website", "address", "post", "contact",
        "direct line", "mobile", "from", "to", "subject", "re", "name", "department", "unit", "dept",
    ];

    /// <summary>A table of figures, or the reason it is read as text.</summary>
    public static Parsed<FigureTable> Judge(TableBlock block)
    {
        // Rule 1: blank rows and all-blank columns are layout.
        var rows = block.Rows.Where(r => r.Any(c => !c.IsBlank)).ToList();
        var headerRows = block.HeaderRows;
        if (headerRows > 0) headerRows -= block.Rows.Take(headerRows).Count(r => r.All(c => c.IsBlank));
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var keep = Enumerable.Range(0, width).Where(c => rows.Any(r => c < r.Length && !r[c].IsBlank)).ToList();
        rows = rows.Select(r => keep.Select(c => c < r.Length ? r[c] : new DocumentCell("")).ToArray()).ToList();
        width = keep.Count;

        // Rule 2.
        if (rows.Count < 2 || width < 2) return Parsed<FigureTable>.Fail(rows.Count < 2 ? "it has one row" : "it has one column");
        // Rule 3.
        if (rows.All(IsKeyValueLine)) return Parsed<FigureTable>.Fail("its rows are 'label: value' lines (a letterhead or contact block)");

        // Rule 4: titles across the table at its top.
        var titles = new List<string>();
        while (rows.Count > 2 && OneTextAcross(rows[0]) is { } title)
        {
            titles.Add(title);
            rows.RemoveAt(0);
            if (headerRows > 0) headerRows--;
        }

        // Rule 5: the header.
        int h;
        if (headerRows > 0)
        {
            h = Math.Min(headerRows, rows.Count - 1);
        }
        else
        {
            h = 0;
            while (h < rows.Count && !IsFigureRow(rows[h])) h++;
            if (h == rows.Count) return Parsed<FigureTable>.Fail("no row of it holds a count or a suppression marker under a header");
        }

        // Rule 6: figures below the header.
        var data = rows.Skip(h).ToList();
        var figures = data.Sum(r => r.Skip(1).Count(c => IsFigure(c.Text)));
        if (figures == 0) return Parsed<FigureTable>.Fail("no cell below its header holds a count or a suppression marker");

        var notices = new List<string>();
        var setAside = new List<string>();
        var header = Header(rows.Take(h).ToList(), width, notices);
        if (h == 0) notices.Add("its first row holds figures, so it printed no header: its figures go to the rejects ledger unless you add the header in the draft");

        var result = new List<string[]>();
        for (var i = 0; i < data.Count; i++)
        {
            var row = data[i];
            if (h > 0 && rows.Take(h).Any(hr => SameText(hr, row)))
            {
                notices.Add($"a row repeating the header ('{Show(string.Join(" | ", row.Select(c => c.Text)))}') was read as the header printed again, not figures");
                continue;
            }
            if (OneTextAcross(row) is { } across)
            {
                notices.Add($"a row of one text across the table ('{Show(across)}') was read as a heading inside it, not figures");
                setAside.Add(across);
                continue;
            }
            var cells = new string[width];
            for (var c = 0; c < width; c++)
            {
                var cell = row[c];
                cells[c] = cell.Span switch
                {
                    CellSpan.FromLeft => "",
                    CellSpan.FromAbove when IsFigure(cell.Text) && !cell.IsBlank => "",
                    _ => cell.Text,
                };
                if (cell.Span == CellSpan.FromAbove && IsFigure(cell.Text) && !cell.IsBlank && c > 0)
                    notices.Add($"the figure '{Show(cell.Text)}' is one cell merged down over several rows: it was read once, in its first row");
            }
            result.Add(cells);
        }

        // Notes at the foot: one-cell rows under the label column that read as notes.
        while (result.Count > 1 && result[^1].Skip(1).All(string.IsNullOrWhiteSpace) && LooksLikeNote(result[^1][0]))
        {
            setAside.Insert(0, result[^1][0]);
            notices.Add($"the row '{Show(result[^1][0])}' at its foot was read as a note, not figures");
            result.RemoveAt(result.Count - 1);
        }
        return Parsed<FigureTable>.Success(new FigureTable(header, result, titles, setAside, notices.Distinct().ToList()));
    }

    /// <summary>A cell holding a count or a marker the normaliser reads (blank cells are not figures).</summary>
    public static bool IsFigure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        return CellValueParser.Parse(text).Ok;
    }

    /// <summary>A row with a figure right of its first column that is not a year ("Offence | 2021 | 2022" is a header).</summary>
    public static bool IsFigureRow(DocumentCell[] row)
    {
        var figures = 0;
        var years = 0;
        for (var i = 1; i < row.Length; i++)
        {
            var t = row[i].Text.Trim();
            if (!IsFigure(t)) continue;
            figures++;
            if (t.Length == 4 && int.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2099) years++;
        }
        return figures > 0 && years < figures;
    }

    /// <summary>The one text of a row printed across the whole table (one merged cell, or one cell and blanks), else null.</summary>
    private static string? OneTextAcross(DocumentCell[] row)
    {
        var own = row.Where(c => c.Span == CellSpan.Own && !c.IsBlank).ToList();
        if (own.Count != 1) return null;
        var merged = row.All(c => c.IsBlank || c.Text == own[0].Text);
        if (!merged) return null;
        var spansAll = row.Skip(1).All(c => c.Span == CellSpan.FromLeft);
        // A lone label with blank cells is a row with blank figures unless it is merged across.
        return spansAll ? own[0].Text : null;
    }

    private static bool IsKeyValueLine(DocumentCell[] row)
    {
        var filled = row.Where(c => !c.IsBlank && c.Span == CellSpan.Own).ToList();
        if (filled.Count == 0) return true;
        if (filled.Count > 2) return false;
        var first = filled[0].Text.Trim();
        if (first.EndsWith(':')) return true;
        var key = LabelKey.Of(first);
        return KeyWords.Contains(key) && (filled.Count == 1 || !IsFigure(filled[1].Text) || key is "tel" or "telephone" or "phone" or "fax" or "mobile" or "direct line");
    }

    /// <summary>One label per column from one or more header rows: the lowest row's own text, else the nearest above.</summary>
    private static List<string> Header(List<DocumentCell[]> rows, int width, List<string> notices)
    {
        var header = new List<string>(width);
        for (var c = 0; c < width; c++)
        {
            var label = "";
            for (var k = rows.Count - 1; k >= 0 && label.Length == 0; k--)
                if (!rows[k][c].IsBlank) label = rows[k][c].Text;
            header.Add(label);
        }
        // Upper rows that group several columns under one label: said, since the label is not kept per column.
        for (var k = 0; k < rows.Count - 1; k++)
        {
            for (var c = 0; c < width; c++)
            {
                if (rows[k][c].Span != CellSpan.Own || rows[k][c].IsBlank) continue;
                var end = c;
                while (end + 1 < width && rows[k][end + 1].Span == CellSpan.FromLeft) end++;
                if (end > c && Enumerable.Range(c, end - c + 1).Any(j => header[j] != rows[k][c].Text))
                    notices.Add($"the header groups columns {c + 1}-{end + 1} under '{Show(rows[k][c].Text)}'; each column keeps its own label below it");
            }
        }
        return header;
    }

    private static bool SameText(DocumentCell[] a, DocumentCell[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => LabelKey.Of(p.First.Text) == LabelKey.Of(p.Second.Text));

    private static bool LooksLikeNote(string text)
    {
        var t = text.Trim();
        if (t.Length > 60) return true;
        if (t.Length > 0 && "*†‡¹²³⁴⁵^#".Contains(t[0], StringComparison.Ordinal)) return true;
        var lower = t.ToLowerInvariant();
        string[] starts = ["note", "source", "please ", "figures ", "data ", "nb ", "nb:", "n.b", "key:", "information ", "caveat", "excludes", "includes", "correct as", "extracted "];
        return starts.Any(s => lower.StartsWith(s, StringComparison.Ordinal));
    }

    internal static string Show(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
