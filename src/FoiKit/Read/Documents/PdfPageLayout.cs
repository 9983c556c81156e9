using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FoiKit.Read.Documents;

/// <summary>One word of a PDF page with its box in points (origin bottom left, as PDF has it).</summary>
/// <param name="Size">Font size in points.</param>
/// <param name="Bold">The font's name says bold.</param>
internal readonly record struct PdfWord(string Text, double Left, double Right, double Bottom, double Top, double Size, bool Bold);

/// <summary>A drawn straight line (a table rule): horizontal when <c>Y1 == Y2</c>, vertical when <c>X1 == X2</c>; X1 ≤ X2, Y1 ≤ Y2.</summary>
internal readonly record struct PdfRule(double X1, double Y1, double X2, double Y2)
{
    public bool IsHorizontal => Math.Abs(Y2 - Y1) < 0.01;

    public bool IsVertical => Math.Abs(X2 - X1) < 0.01;
}

/// <summary>One page's words and rules: what <see cref="PdfLayout"/> needs of a page, and all it keeps of it.</summary>
internal sealed record PdfPageWords(int Number, double Width, double Height, IReadOnlyList<PdfWord> Words, IReadOnlyList<PdfRule> Rules);

/// <summary>
/// Rebuilds a PDF letter's paragraphs and tables from positioned words, one page at a time.
/// <list type="bullet">
/// <item>Words are grouped into lines by their baseline; a line splits into cells where the gap
/// between two words is wider than about a letter-width (0.9 em): prose has one cell a line.</item>
/// <item>Ruled tables: where drawn rules make a grid (three or more vertical rules crossing
/// horizontal ones), each cell is the words inside it, however many lines they take; a vertical
/// rule missing in a row means a merged cell.</item>
/// <item>Unruled tables: two or more consecutive lines of two or more cells whose cells line up
/// (each cell overlaps a column of the lines above). The table ends where the alignment ends: a
/// line of one cell across the columns (the next paragraph), or cells that do not line up.</item>
/// <item>A table that ends a page and one that starts the next with the same columns are one
/// table; the next page's copy of the header row is dropped.</item>
/// <item>Page furniture: page numbers in the top or bottom margin, and margin lines repeated from
/// the page before (a running header or footer), are not read.</item>
/// </list>
/// Only the current page's words are held, plus the table still open at the foot of the previous page.
/// </summary>
internal sealed partial class PdfLayout
{
    private readonly DocumentFacts _facts;
    private TableBuild? _open;          // a table at the foot of the last page, that the next page may continue
    private List<DocumentBlock> _heldAfterOpen = []; // furniture-free blocks seen after the open table (none, or "continued")
    private HashSet<string> _previousMargins = [];

    public PdfLayout(DocumentFacts facts) => _facts = facts;

    /// <summary>Reads pages as they come and gives blocks as soon as they are known; one page is held at a time.</summary>
    public static IEnumerable<DocumentBlock> Blocks(IEnumerable<PdfPageWords> pages, DocumentFacts facts)
    {
        var layout = new PdfLayout(facts);
        foreach (var page in pages)
            foreach (var block in layout.Page(page))
                yield return block;
        foreach (var block in layout.End()) yield return block;
    }

    /// <summary>The blocks one page completes (a table open at its foot waits for the next page).</summary>
    public IEnumerable<DocumentBlock> Page(PdfPageWords page)
    {
        _facts.Pages++;
        if (page.Words.Count == 0)
        {
            _facts.PagesWithoutText.Add(page.Number);
            return [];
        }
        var where = string.Create(CultureInfo.InvariantCulture, $"page {page.Number}");
        var items = Items(page, where);
        var output = new List<DocumentBlock>();
        var first = true;
        foreach (var item in items)
        {
            if (item is TableBuild t)
            {
                if (first && _open is not null && _open.Continues(t))
                {
                    _open.Append(t, output, where);
                    _heldAfterOpen.Clear();
                    first = false;
                    continue;
                }
                FlushOpen(output);
                _open = t;
            }
            else if (item is TextBlock text)
            {
                if (_open is not null && IsContinuedNote(text.Text))
                {
                    _heldAfterOpen.Add(new NoticeBlock($"'{text.Text}' read as a note that the table goes on, not as text", where));
                    continue;
                }
                FlushOpen(output);
                output.Add(text);
            }
            first = false;
        }
        // A table still open at the foot of this page may go on over the page.
        return output;
    }

    /// <summary>The last page has been read: the table still open is complete.</summary>
    public IEnumerable<DocumentBlock> End()
    {
        var output = new List<DocumentBlock>();
        FlushOpen(output);
        return output;
    }

    private void FlushOpen(List<DocumentBlock> output)
    {
        if (_open is null) return;
        output.Add(_open.ToBlock());
        output.AddRange(_heldAfterOpen);
        _heldAfterOpen = [];
        _open = null;
    }

    private static bool IsContinuedNote(string text) => ContinuedNote().IsMatch(text);

    /// <summary>A page as text blocks and tables, top to bottom.</summary>
    private List<object> Items(PdfPageWords page, string where)
    {
        var size = Median(page.Words.Select(w => w.Size).Where(s => s > 0)) is var m && m > 0 ? m : 10;
        var grids = RuledGrids(page.Rules, size);
        var inGrid = new List<PdfWord>[grids.Count];
        for (var i = 0; i < grids.Count; i++) inGrid[i] = [];
        var free = new List<PdfWord>(page.Words.Count);
        foreach (var w in page.Words)
        {
            var cx = (w.Left + w.Right) / 2;
            var cy = (w.Bottom + w.Top) / 2;
            var g = grids.FindIndex(r => cx > r.Left && cx < r.Right && cy > r.Bottom && cy < r.Top);
            if (g >= 0) inGrid[g].Add(w);
            else free.Add(w);
        }

        var lines = Lines(free, size);
        lines = DropFurniture(lines, page, size);

        // Lines and ruled grids in top-to-bottom order.
        var items = new List<(double Top, object Item)>();
        for (var i = 0; i < grids.Count; i++)
            if (grids[i].ToTable(inGrid[i], size, where) is { } t) items.Add((grids[i].Top, t));
        var regions = Regions(lines, size, where);
        items.AddRange(regions);
        return items.OrderByDescending(i => i.Top).Select(i => i.Item).ToList();
    }

    // ---- lines -------------------------------------------------------------------------------

    /// <summary>A line of words sharing a baseline, split into cells at wide gaps.</summary>
    private sealed class Line
    {
        public required List<PdfWord> Words { get; init; }
        public required List<Cell> Cells { get; init; }
        public double Top => Words.Max(w => w.Top);
        public double Bottom => Words.Min(w => w.Bottom);
        public double Left => Words[0].Left;
        public double Right => Words[^1].Right;
        public double Size => Words.Max(w => w.Size);
        public bool Bold => Words.All(w => w.Bold);
        public string Text => string.Join(" ", Cells.Select(c => c.Text));
    }

    private readonly record struct Cell(string Text, double Left, double Right);

    private static List<Line> Lines(List<PdfWord> words, double size)
    {
        var sorted = words.OrderByDescending(w => w.Bottom).ThenBy(w => w.Left).ToList();
        var groups = new List<List<PdfWord>>();
        foreach (var w in sorted)
        {
            // Same line: baselines within a third of the font size.
            if (groups.Count > 0 && Math.Abs(groups[^1][0].Bottom - w.Bottom) <= Math.Max(w.Size, size) * 0.35) groups[^1].Add(w);
            else groups.Add([w]);
        }
        var lines = new List<Line>(groups.Count);
        foreach (var g in groups)
        {
            g.Sort((a, b) => a.Left.CompareTo(b.Left));
            var cells = new List<Cell>();
            var text = new StringBuilder(g[0].Text);
            double left = g[0].Left, right = g[0].Right;
            for (var i = 1; i < g.Count; i++)
            {
                var gap = g[i].Left - g[i - 1].Right;
                if (gap > 0.9 * Math.Max(g[i].Size, g[i - 1].Size))
                {
                    cells.Add(new Cell(text.ToString(), left, right));
                    text.Clear();
                    left = g[i].Left;
                }
                else
                {
                    text.Append(' ');
                }
                text.Append(g[i].Text);
                right = g[i].Right;
            }
            cells.Add(new Cell(text.ToString(), left, right));
            lines.Add(new Line { Words = g, Cells = cells });
        }
        return lines;
    }

    /// <summary>Page numbers in the margins, and margin lines the page before had too (running headers and footers).</summary>
    private List<Line> DropFurniture(List<Line> lines, PdfPageWords page, double size)
    {
        // Running headers and footers sit about half an inch from the edge; the body starts about an inch in.
        var margin = Math.Max(page.Height * 0.06, size * 2);
        var margins = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Line>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var inMargin = line.Top > page.Height - margin || line.Bottom < margin;
            if (!inMargin)
            {
                kept.Add(line);
                continue;
            }
            var text = line.Text;
            var key = Digits().Replace(text, "#");
            margins.Add(key);
            // A table's header at the top of a page lines up with the rows below it: it is not a running header.
            var headsTable = line.Cells.Count >= 2 && i + 1 < lines.Count && lines[i + 1].Cells.Count >= 2
                && Aligned(lines[i + 1], line.Cells.Select(c => (c.Left, c.Right)).ToList());
            if (PageNumber().IsMatch(text) || (page.Number > 1 && !headsTable && _previousMargins.Contains(key))) continue;
            kept.Add(line);
        }
        _previousMargins = margins;
        return kept;
    }

    // ---- unruled regions ---------------------------------------------------------------------

    /// <summary>Paragraphs and unruled tables from the lines outside ruled grids, each with its top.</summary>
    private static List<(double Top, object Item)> Regions(List<Line> lines, double size, string where)
    {
        var items = new List<(double, object)>();
        var paragraph = new List<Line>();
        void EndParagraph()
        {
            if (paragraph.Count == 0) return;
            var role = paragraph.All(l => l.Bold) || paragraph[0].Size > size * 1.15 ? TextRole.Heading : TextRole.Paragraph;
            items.Add((paragraph[0].Top, new TextBlock(DocumentText.Collapse(string.Join(" ", paragraph.Select(l => l.Text))), role, where)));
            paragraph.Clear();
        }

        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (line.Cells.Count >= 2 && TryTable(lines, i, size, where, out var table, out var used))
            {
                EndParagraph();
                items.Add((line.Top, table));
                i += used;
                continue;
            }
            // A heading stands alone; other lines join the paragraph when close below the one before.
            var heading = line.Bold || line.Size > size * 1.15;
            if (paragraph.Count > 0)
            {
                var previous = paragraph[^1];
                var gap = previous.Bottom - line.Top;
                var sameKind = heading == (previous.Bold || previous.Size > size * 1.15);
                if (gap > line.Size * 0.9 || !sameKind || heading) EndParagraph();
            }
            paragraph.Add(line);
            i++;
        }
        EndParagraph();
        return items;
    }

    /// <summary>Consecutive lines from <paramref name="start"/> whose cells line up in two or more columns.</summary>
    private static bool TryTable(List<Line> lines, int start, double size, string where, out TableBuild table, out int used)
    {
        table = null!;
        used = 0;
        var columns = lines[start].Cells.Select(c => (c.Left, c.Right)).ToList();
        var rows = new List<Line> { lines[start] };
        var pitch = 0.0;
        var i = start + 1;
        while (i < lines.Count)
        {
            var line = lines[i];
            var gap = rows[^1].Bottom - line.Top;
            if (gap > Math.Max(size * 2.5, pitch * 2.2)) break; // a wide space: the table has ended
            if (line.Cells.Count >= 2 && Aligned(line, columns))
            {
                Widen(columns, line);
                pitch = rows.Count == 1 ? rows[0].Bottom - line.Bottom : pitch;
                rows.Add(line);
                i++;
                continue;
            }
            // One cell inside a column: a label wrapped onto a second line (close below), or a row whose
            // other cells are blank (the next line carries on the columns).
            if (line.Cells.Count == 1 && rows.Count >= 2 && WithinOneColumn(line.Cells[0], columns) >= 0)
            {
                var next = i + 1 < lines.Count ? lines[i + 1] : null;
                var closeBelow = pitch > 0 && rows[^1].Bottom - line.Bottom < pitch * 0.75;
                if (closeBelow || (next is not null && next.Cells.Count >= 2 && Aligned(next, columns)))
                {
                    rows.Add(line);
                    i++;
                    continue;
                }
            }
            break;
        }
        if (rows.Count < 2) return false;
        used = rows.Count;
        table = TableBuild.FromLines(rows, columns, pitch, where);
        return true;
    }

    /// <summary>Every cell of the line overlaps one column, no two the same.</summary>
    private static bool Aligned(Line line, List<(double Left, double Right)> columns)
    {
        var seen = new HashSet<int>();
        foreach (var c in line.Cells)
        {
            var k = columns.FindIndex(col => c.Left <= col.Right + 1 && c.Right >= col.Left - 1);
            if (k < 0)
            {
                // A cell in a gap between columns still lines up when it is the only one there (a new column printed late is not).
                return false;
            }
            if (!seen.Add(k)) return false;
        }
        return true;
    }

    private static int WithinOneColumn(Cell c, List<(double Left, double Right)> columns)
    {
        var hits = columns.Select((col, k) => (col, k)).Where(x => c.Left <= x.col.Right + 1 && c.Right >= x.col.Left - 1).ToList();
        return hits.Count == 1 ? hits[0].k : -1;
    }

    private static void Widen(List<(double Left, double Right)> columns, Line line)
    {
        foreach (var c in line.Cells)
        {
            var k = columns.FindIndex(col => c.Left <= col.Right + 1 && c.Right >= col.Left - 1);
            columns[k] = (Math.Min(columns[k].Left, c.Left), Math.Max(columns[k].Right, c.Right));
        }
    }

    // ---- tables being built ------------------------------------------------------------------

    /// <summary>A table's rows and column positions, kept open at a page's foot in case the next page continues it.</summary>
    private sealed class TableBuild
    {
        public required List<DocumentCell[]> Rows { get; init; }
        public required List<(double Left, double Right)> Columns { get; init; }
        public required string Where { get; set; }
        public bool Ruled { get; init; }
        public int HeaderRows { get; init; } = -1;
        public List<string> Notes { get; } = [];

        public static TableBuild FromLines(List<Line> lines, List<(double Left, double Right)> columns, double pitch, string where)
        {
            var rows = new List<DocumentCell[]>();
            Line? previous = null;
            foreach (var line in lines)
            {
                if (line.Cells.Count == 1 && previous is not null && pitch > 0 && previous.Bottom - line.Bottom < pitch * 0.75 && rows.Count > 0)
                {
                    // A wrapped label: its second line joins the cell above.
                    var k = WithinOneColumn(line.Cells[0], columns);
                    var cell = rows[^1][k];
                    rows[^1][k] = new DocumentCell(DocumentText.Collapse(cell.Text + " " + line.Cells[0].Text), cell.Span);
                    previous = line;
                    continue;
                }
                var cells = new DocumentCell[columns.Count];
                for (var k = 0; k < cells.Length; k++) cells[k] = new DocumentCell("");
                foreach (var c in line.Cells)
                {
                    var k = columns.FindIndex(col => c.Left <= col.Right + 1 && c.Right >= col.Left - 1);
                    cells[k] = new DocumentCell(cells[k].IsBlank ? c.Text : cells[k].Text + " " + c.Text);
                }
                rows.Add(cells);
                previous = line;
            }
            return new TableBuild { Rows = rows, Columns = columns, Where = where };
        }

        /// <summary>The next page's first table goes on with this one: same number of columns, each overlapping this one's.</summary>
        public bool Continues(TableBuild next)
        {
            if (next.Columns.Count != Columns.Count || next.Ruled != Ruled) return false;
            for (var k = 0; k < Columns.Count; k++)
                if (next.Columns[k].Left > Columns[k].Right + 2 || next.Columns[k].Right < Columns[k].Left - 2) return false;
            return true;
        }

        public void Append(TableBuild next, List<DocumentBlock> output, string where)
        {
            var rows = next.Rows;
            if (rows.Count > 0 && SameText(rows[0], Rows[0]))
            {
                rows = rows.Skip(1).ToList();
                output.Add(new NoticeBlock($"the table from {Where} goes on here; its header row printed again was read once", where));
            }
            else
            {
                output.Add(new NoticeBlock($"the table from {Where} goes on here (same columns), read as one table", where));
            }
            Rows.AddRange(rows);
            Where = $"{Where}-{where.Replace("page ", "", StringComparison.Ordinal)}";
        }

        private static bool SameText(DocumentCell[] a, DocumentCell[] b) => a.Length == b.Length && a.Zip(b).All(p => p.First.Text == p.Second.Text);

        public TableBlock ToBlock() => new(Rows, HeaderRows, "", Where, Ruled);
    }

    // ---- ruled grids ---------------------------------------------------------------------

    private sealed class Grid
    {
        public required List<double> Xs { get; init; }      // column boundaries, left to right
        public required List<double> Ys { get; init; }      // row boundaries, top to bottom
        public required List<PdfRule> Verticals { get; init; }
        public double Left => Xs[0];
        public double Right => Xs[^1];
        public double Top => Ys[0];
        public double Bottom => Ys[^1];

        public TableBuild? ToTable(List<PdfWord> words, double size, string where)
        {
            var rows = new List<DocumentCell[]>();
            for (var r = 0; r + 1 < Ys.Count; r++)
            {
                double top = Ys[r], bottom = Ys[r + 1];
                var mid = (top + bottom) / 2;
                // Which inner boundaries are drawn in this row: a missing one merges two cells.
                var drawn = new bool[Xs.Count];
                drawn[0] = drawn[^1] = true;
                for (var k = 1; k < Xs.Count - 1; k++)
                    drawn[k] = Verticals.Any(v => Math.Abs(v.X1 - Xs[k]) < 1.5 && v.Y1 <= mid && v.Y2 >= mid);
                var cells = new DocumentCell[Xs.Count - 1];
                var start = 0;
                for (var k = 1; k < Xs.Count; k++)
                {
                    if (!drawn[k]) continue;
                    double left = Xs[start], right = Xs[k];
                    var inside = words.Where(w => (w.Left + w.Right) / 2 > left && (w.Left + w.Right) / 2 < right && (w.Bottom + w.Top) / 2 < top && (w.Bottom + w.Top) / 2 > bottom).ToList();
                    var text = string.Join(" ", Lines(inside, size).Select(l => string.Join(" ", l.Words.Select(w => w.Text))));
                    cells[start] = new DocumentCell(DocumentText.Collapse(text));
                    for (var j = start + 1; j < k; j++) cells[j] = new DocumentCell(cells[start].Text, CellSpan.FromLeft);
                    start = k;
                }
                if (cells.All(c => c.IsBlank)) continue;
                rows.Add(cells);
            }
            if (rows.Count == 0) return null;
            var columns = Enumerable.Range(0, Xs.Count - 1).Select(k => (Xs[k], Xs[k + 1])).ToList();
            return new TableBuild { Rows = rows, Columns = columns, Where = where, Ruled = true };
        }
    }

    /// <summary>Grids made by drawn rules: at least three vertical rules (two columns) crossing at least three horizontal ones (two rows).</summary>
    private static List<Grid> RuledGrids(IReadOnlyList<PdfRule> rules, double size)
    {
        // Borders are often drawn cell by cell: touching pieces of one line are one rule.
        var verticals = Join(rules.Where(r => r.IsVertical), vertical: true).Where(r => r.Y2 - r.Y1 > size * 0.8).ToList();
        var horizontals = Join(rules.Where(r => r.IsHorizontal), vertical: false).Where(r => r.X2 - r.X1 > size * 2).ToList();
        if (verticals.Count < 3 || horizontals.Count < 3) return [];

        // Vertical rules that overlap in height belong to one grid.
        var groups = new List<List<PdfRule>>();
        foreach (var v in verticals.OrderByDescending(v => v.Y2))
        {
            var g = groups.FirstOrDefault(g => g.Any(o => v.Y1 <= o.Y2 + 1 && v.Y2 >= o.Y1 - 1));
            if (g is null) groups.Add([v]);
            else g.Add(v);
        }
        var grids = new List<Grid>();
        foreach (var g in groups)
        {
            var xs = Cluster(g.Select(v => v.X1));
            if (xs.Count < 3) continue;
            double bottom = g.Min(v => v.Y1), top = g.Max(v => v.Y2);
            double left = xs[0], right = xs[^1];
            var ys = Cluster(horizontals.Where(h => h.Y1 >= bottom - 1.5 && h.Y1 <= top + 1.5 && h.X1 <= left + 2 && h.X2 >= right - 2).Select(h => h.Y1));
            if (ys.Count < 3) continue;
            ys.Reverse();
            grids.Add(new Grid { Xs = xs, Ys = ys, Verticals = g });
        }
        return grids;
    }

    /// <summary>Collinear rules that touch or overlap, joined into one.</summary>
    private static List<PdfRule> Join(IEnumerable<PdfRule> rules, bool vertical)
    {
        var joined = new List<PdfRule>();
        var ordered = vertical ? rules.OrderBy(r => Math.Round(r.X1 * 2)).ThenBy(r => r.Y1) : rules.OrderBy(r => Math.Round(r.Y1 * 2)).ThenBy(r => r.X1);
        foreach (var r in ordered)
        {
            if (joined.Count > 0)
            {
                var last = joined[^1];
                if (vertical && Math.Abs(last.X1 - r.X1) < 0.75 && r.Y1 <= last.Y2 + 1)
                {
                    joined[^1] = last with { Y2 = Math.Max(last.Y2, r.Y2) };
                    continue;
                }
                if (!vertical && Math.Abs(last.Y1 - r.Y1) < 0.75 && r.X1 <= last.X2 + 1)
                {
                    joined[^1] = last with { X2 = Math.Max(last.X2, r.X2) };
                    continue;
                }
            }
            joined.Add(r);
        }
        return joined;
    }

    /// <summary>Positions within 1.5 pt of each other are one position (their mean), ascending.</summary>
    private static List<double> Cluster(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var result = new List<double>();
        var group = new List<double>();
        foreach (var v in sorted)
        {
            if (group.Count > 0 && v - group[^1] > 1.5)
            {
                result.Add(group.Average());
                group.Clear();
            }
            group.Add(v);
        }
        if (group.Count > 0) result.Add(group.Average());
        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var list = values.Order().ToList();
        return list.Count == 0 ? 0 : list[list.Count / 2];
    }

    [GeneratedRegex(@"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*[(\[]?\s*(?:table\s*\d*\s*)?(?:continued|cont(?:'|’)?d\.?)(?:\s+(?:overleaf|on next page|from previous page|below))?\s*[)\]]?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuedNote();
}
