using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read.Spreadsheets;

/// <summary>A table found on a sheet: its header row, data rows and the columns it spans.</summary>
/// <param name="Caption">Title rows above it, joined.</param>
/// <param name="TitleQuestion">The question its title names ("Question 1a" gives "1a"), or "".</param>
/// <param name="Header">The header row; null when the figures have no header.</param>
/// <param name="Rows">Data rows (total rows included; notes below excluded).</param>
/// <param name="FirstColumn">0-based first sheet column of the table.</param>
/// <param name="LastColumn">0-based last sheet column with a header.</param>
internal sealed record FoundTable(string Caption, string TitleQuestion, GridRow Header, List<GridRow> Rows, int FirstColumn, int LastColumn);

/// <summary>
/// Finds the tables on a sheet as FOI officers lay them out: title and metadata rows above the
/// header, notes and footnotes below, blank rows and columns, several tables stacked on one sheet.
/// Whatever is not read as a table is reported (row numbers and text), never dropped silently.
/// </summary>
internal static partial class TableFinder
{
    /// <summary>Finds tables in <paramref name="grid"/>, from its row index <paramref name="start"/> on.</summary>
    /// <param name="grid">The sheet.</param>
    /// <param name="start">Rows before this index (a metadata block) are not part of any table.</param>
    /// <param name="warn">Receives (row number, message) for everything skipped or read by a rule worth knowing.</param>
    /// <param name="notes">Receives the text of the rows read as notes (a note may say what the figures are, such as their year basis).</param>
    public static List<FoundTable> Find(Grid grid, int start, Action<int, string> warn, Action<PrintedText>? notes = null)
    {
        void Note(IReadOnlyCollection<GridRow> rows)
        {
            if (notes is null || rows.Count == 0) return;
            var where = $"note in row(s) {CellRef.Rows(rows.Select(r => r.Number))}{(grid.Name.Length > 0 ? $" of sheet '{grid.Name}'" : "")}";
            notes(new PrintedText(where, string.Join(" ", rows.SelectMany(r => r.Cells).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()))));
        }

        var regions = new List<List<GridRow>>();
        foreach (var row in grid.Rows.Skip(start))
        {
            if (regions.Count == 0 || row.Number != regions[^1][^1].Number + 1) regions.Add([]);
            regions[^1].Add(row);
        }

        var tables = new List<FoundTable>();
        var pending = new List<GridRow>();

        void FlushPending(string where)
        {
            if (pending.Count == 0) return;
            warn(pending[0].Number, $"row(s) {CellRef.Rows(pending.Select(r => r.Number))} {where} were read as notes, not figures: '{Quote(pending)}'");
            Note(pending);
            pending = [];
        }

        foreach (var region in regions)
        {
            if (region.All(r => r.Filled <= 1))
            {
                FlushPending(tables.Count == 0 ? "above the first table" : $"below table {tables.Count}");
                pending = region;
                continue;
            }
            // The header is the first row of two or more cells; "Reference: | 01/FIN/24/2153" lines
            // followed by another such row are headings above it, not the header.
            var headerIndex = region.FindIndex(r => r.Filled >= 2);
            for (var i = headerIndex + 1; i < region.Count && IsKeyValueLine(region[headerIndex]); i++)
                if (region[i].Filled >= 2) headerIndex = i;
            var current = tables.Count > 0 ? tables[^1] : null;
            var titled = region.Take(headerIndex).Any() || pending.Count > 0;
            if (!titled && current?.Header is not null && IsDataLike(region[headerIndex]) && Continues(current, region[headerIndex]))
            {
                current.Rows.AddRange(region);
                TrimNotes(current.Rows, current.FirstColumn, warn, tables.Count, Note);
                warn(region[0].Number, $"row(s) {CellRef.Rows(region.Select(r => r.Number))} follow a blank row but were read as more rows of table {tables.Count} (same columns, figures, no new header)");
                continue;
            }
            if (!region.Skip(headerIndex + 1).Any(r => Figures(r, out _) > 0))
            {
                FlushPending(tables.Count == 0 ? "above the first table" : $"below table {tables.Count}");
                warn(region[0].Number, $"row(s) {CellRef.Rows(region.Select(r => r.Number))} hold no figures (no counts or suppression markers under a header), so they were read as notes: '{Quote(region)}'");
                Note(region);
                continue;
            }

            var above = region.Take(headerIndex).ToList();
            var titles = above.Where(r => r.Filled <= 1).ToList();
            var preamble = above.Where(r => r.Filled >= 2).ToList();
            if (preamble.Count > 0)
                warn(preamble[0].Number, $"row(s) {CellRef.Rows(preamble.Select(r => r.Number))} above the table's header were read as headings, not figures: '{Quote(preamble)}'");
            if (titles.Count > 0) FlushPending(tables.Count == 0 ? "above the first table" : $"below table {tables.Count}");
            var captionRows = titles.Count > 0 ? titles : pending;
            pending = [];

            var header = region[headerIndex];
            var data = region.Skip(headerIndex + 1).ToList();
            if (IsDataLike(header))
            {
                // Figures where the header belongs: the header is missing. Its row is data, and its
                // figures go to the rejects ledger because no column says what they count.
                warn(header.Number, $"table {tables.Count + 1} starting at row {header.Number} has no header row (its first row holds figures): its figures go to the rejects ledger");
                data.Insert(0, header);
                header = new GridRow(header.Number, []);
            }
            var first = data.Append(header).Where(r => r.Filled > 0).Min(r => r.FirstFilled);
            var last = header.Filled > 0 ? header.LastFilled : data.Max(r => r.LastFilled);
            TrimNotes(data, first, warn, tables.Count + 1, Note);
            var caption = string.Join(" ", captionRows.Select(r => r.Cell(r.FirstFilled).Trim()));
            var question = captionRows.Select(r => QuestionInTitle(r.Cell(r.FirstFilled))).LastOrDefault(q => q.Length > 0) ?? "";
            tables.Add(new FoundTable(caption, question, header, data, first, last));
        }
        FlushPending(tables.Count == 0 ? "on the sheet" : $"below table {tables.Count}");
        return tables;
    }

    /// <summary>A row of figures right of its first cell (counts, markers, numbers), not a header of years ("Offence | 2021 | 2022").</summary>
    public static bool IsDataLike(GridRow row)
    {
        var figures = Figures(row, out var years);
        return figures > 0 && years < figures;
    }

    /// <summary>How many cells right of the row's first cell hold a figure; <paramref name="years"/> of them look like years.</summary>
    public static int Figures(GridRow row, out int years)
    {
        var first = row.FirstFilled;
        var figures = 0;
        years = 0;
        for (var i = first + 1; i < row.Cells.Length; i++)
        {
            var c = row.Cells[i];
            if (string.IsNullOrWhiteSpace(c)) continue;
            var parsed = CellValueParser.Parse(c);
            if (!parsed.Ok)
            {
                // A number the normaliser will reject (negative, decimal, percentage) is still a figure of the table.
                if (Numberish().IsMatch(c)) figures++;
                continue;
            }
            figures++;
            if (parsed.Value.Value is >= 1990 and <= 2099 && c.Trim().Length == 4) years++;
        }
        return figures;
    }

    /// <summary>A "Reference: | 01/FIN/24/2153" line: two cells, the first a label ending in a colon or a metadata key.</summary>
    private static bool IsKeyValueLine(GridRow row) =>
        row.Filled == 2 && row.Cell(row.FirstFilled).Trim() is var first && (first.EndsWith(':') || ResponseMetadata.KeyOf(first) is not null);

    /// <summary>The question a title names: "Question 1a", "Q1b:", "1a) Offences" give "1a"; "" when none.</summary>
    public static string QuestionInTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return "";
        var m = TitleQuestion().Match(title);
        return m.Success ? Normalise(m.Groups["q"].Value) : "";
    }

    /// <summary>The question a sheet name names: "1", "1a", "Q1a", "Question 1b"; "" when none.</summary>
    public static string QuestionInSheetName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var m = SheetQuestion().Match(name.Trim());
        return m.Success ? Normalise(m.Groups["q"].Value) : "";
    }

    private static string Normalise(string q) => q.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static bool Continues(FoundTable table, GridRow row)
    {
        if (row.FirstFilled < table.FirstColumn || row.LastFilled > Math.Max(table.LastColumn, table.Rows.Count > 0 ? table.Rows.Max(r => r.LastFilled) : 0)) return false;
        var header = table.Header!;
        var same = true;
        for (var i = table.FirstColumn; i <= table.LastColumn && same; i++) same = header.Cell(i).Trim() == row.Cell(i).Trim();
        return !same;
    }

    private static void TrimNotes(List<GridRow> data, int firstColumn, Action<int, string> warn, int tableNumber, Action<IReadOnlyCollection<GridRow>> note)
    {
        var notes = new List<GridRow>();
        while (data.Count > 1 && data[^1].Filled <= 1 && LooksLikeNote(data[^1], firstColumn))
        {
            notes.Insert(0, data[^1]);
            data.RemoveAt(data.Count - 1);
        }
        if (notes.Count > 0)
        {
            warn(notes[0].Number, $"row(s) {CellRef.Rows(notes.Select(r => r.Number))} below table {tableNumber} were read as notes, not figures: '{Quote(notes)}'");
            note(notes);
        }
    }

    private static bool LooksLikeNote(GridRow row, int firstColumn)
    {
        var i = row.FirstFilled;
        if (i != firstColumn) return false; // a lone figure under a value column is data
        var t = row.Cell(i).Trim();
        if (t.Length > 60) return true;
        if (t.Length > 0 && "*†‡¹²³⁴⁵^#".Contains(t[0], StringComparison.Ordinal)) return true;
        var lower = t.ToLowerInvariant();
        string[] starts = ["note", "source", "please ", "figures ", "data source", "data is", "data are", "data was", "data were", "the ", "these ",
            "this ", "nb ", "nb:", "n.b", "key:", "information ", "caveat", "disclaimer", "[note", "excludes", "includes", "correct as", "extracted "];
        return starts.Any(s => lower.StartsWith(s, StringComparison.Ordinal));
    }

    private static string Quote(IEnumerable<GridRow> rows)
    {
        var text = string.Join(" ", rows.Select(r => string.Join(" ", r.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()))));
        return CellValueParser.Show(text.Replace('\n', ' ').Replace('\r', ' '));
    }

    [GeneratedRegex(@"^\s*[-\u2212(]?\s*[£$€]?\s*[0-9][0-9,. ]*%?\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Numberish();

    [GeneratedRegex(@"^\s*(?:(?:question|q)\s*\.?\s*(?<q>\d{1,2}\s?[a-z]?)(?![a-z0-9])|(?<q>\d{1,2}[a-z]?)\s*[).:]\s+\D)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleQuestion();

    [GeneratedRegex(@"^(?:(?:question|q)[\s._-]*)?(?<q>\d{1,2}\s?[a-z]?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SheetQuestion();
}
