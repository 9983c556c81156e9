using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Normalise;

/// <summary>
/// Checks printed totals against their parts while rows stream past: a "Total" row against the
/// rows above it since the previous total row (a subtotal) or, failing that, against every row
/// above it since the table began or the last grand total (a grand total printed after subtotals),
/// and a "Total" column against the other figures of its row. A mismatch is a warning; the printed
/// figures are kept, never corrected.
/// </summary>
internal sealed class TotalsCheck(SourceTable table, string file, Action<Diagnostic> warn)
{
    // Running parts per column index (every cell passes here: arrays, not dictionaries): the rows since
    // the previous total row, and all rows since the table began or the last grand total.
    private Parts[] _columns = new Parts[Math.Max(4, table.Columns.Count)];
    private Parts[] _all = new Parts[Math.Max(4, table.Columns.Count)];
    private Parts _row;
    private (TableColumn Column, int Row, CellValue Value)? _rowTotal;

    private struct Parts
    {
        public long Sum;
        public int Known;
        public int Unknown;
        public int FirstRow;
        public int LastRow;

        public void Add(CellValue v, int row)
        {
            if (Known + Unknown == 0) FirstRow = row;
            LastRow = row;
            if (v.Value is { } n) { Sum += n; Known++; }
            else Unknown++;
        }

        public readonly bool IsEmpty => Known + Unknown == 0;

        /// <summary>Whether a printed total can be the sum of these parts (at least their known sum when some are suppressed).</summary>
        public readonly bool Fit(long printed) => Unknown == 0 ? Sum == printed : Sum <= printed;
    }

    public void Add(int row, TableColumn column, bool totalRow, bool totalColumn, CellValue value)
    {
        if (totalRow)
        {
            ref var since = ref Column(column.Index);
            ref var all = ref _all[column.Index];
            if (since.IsEmpty || value.Value is not { } printed || since.Fit(printed))
            {
                // A total straight after another total can only be a grand total of everything above.
                Compare(value, since.IsEmpty ? all : since, column, null, row);
                if (since.IsEmpty) all = default;
            }
            else if (all.Known + all.Unknown > since.Known + since.Unknown && all.Fit(printed))
            {
                all = default; // a grand total after subtotals: it adds up to every row above it
            }
            else
            {
                Compare(value, since, column, null, row);
            }
            since = default;
            return;
        }
        Column(column.Index).Add(value, row);
        _all[column.Index].Add(value, row);
        if (totalColumn) _rowTotal = (column, row, value);
        else _row.Add(value, row);
    }

    private ref Parts Column(int index)
    {
        if (index >= _columns.Length)
        {
            var size = Math.Max(index + 1, _columns.Length * 2);
            Array.Resize(ref _columns, size);
            Array.Resize(ref _all, size);
        }
        return ref _columns[index];
    }

    private static string Rows(Parts parts) => $"rows {parts.FirstRow}-{parts.LastRow}";

    public void EndRow(int row)
    {
        if (_rowTotal is { } t)
            Compare(t.Value, _row, t.Column, "the other figures of the row", row);
        _row = default;
        _rowTotal = null;
    }

    /// <summary>
    /// Warns when a printed total cannot be the sum of its parts. The texts naming the total and its
    /// parts (<paramref name="partsWhere"/>, or the parts' rows when null) are made only for a warning:
    /// this runs for every row with a total column.
    /// </summary>
    private void Compare(CellValue total, Parts parts, TableColumn column, string? partsWhere, int row)
    {
        if (total.Value is not { } printed || parts.Known + parts.Unknown == 0) return;
        if (parts.Fit(printed)) return;
        var where = $"column '{column.Header}', row {row}";
        partsWhere ??= Rows(parts);
        if (parts.Unknown == 0 && parts.Sum != printed)
        {
            warn(new Diagnostic(Severity.Warning, file, string.Create(CultureInfo.InvariantCulture,
                $"the printed total {printed} ({where}) does not equal the sum of its parts, {parts.Sum} ({partsWhere}); both are kept as printed"),
                table.Index, row, table.Location));
        }
        else if (parts.Unknown > 0 && parts.Sum > printed)
        {
            warn(new Diagnostic(Severity.Warning, file, string.Create(CultureInfo.InvariantCulture,
                $"the printed total {printed} ({where}) is smaller than its known parts, {parts.Sum}, with {parts.Unknown} more part(s) suppressed or not available"),
                table.Index, row, table.Location));
        }
    }
}
