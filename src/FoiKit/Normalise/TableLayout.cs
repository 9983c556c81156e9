using System.Buffers;
using System.Text;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Normalise;

/// <summary>What one column of a printed table holds.</summary>
internal enum ColumnRole
{
    /// <summary>Row labels (periods or categories).</summary>
    Label,
    /// <summary>A column naming each row's period ("Period as printed").</summary>
    PeriodDimension,
    /// <summary>A column naming each row's category ("Offence", "Outcome").</summary>
    CategoryDimension,
    /// <summary>Figures.</summary>
    Value,
    /// <summary>No header: a spacer, or figures nobody labelled.</summary>
    Unlabelled,
}

/// <summary>One column and what the kit read from its header.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="Header">As printed.</param>
/// <param name="Role">What it holds.</param>
/// <param name="Period">The period its header names (wide tables), if any.</param>
/// <param name="IsTotal">A printed "Total" column.</param>
internal sealed record TableColumn(int Index, string Header, ColumnRole Role, Period? Period, bool IsTotal);

/// <summary>
/// How a printed table is laid out, read from its header alone so that rows can be streamed:
/// long (label | value), wide (periods as column headers), with dimension columns named by their
/// header, spacer columns, and total columns.
/// </summary>
internal sealed class TableLayout
{
    private static readonly HashSet<string> PeriodHeaders = new(StringComparer.Ordinal)
    {
        "period", "time period", "period as printed", "year", "years", "financial year", "date range", "dates", "date", "reporting period",
        "fy", "calendar year", "period printed",
    };

    private static readonly HashSet<string> CategoryHeaders = new(StringComparer.Ordinal)
    {
        "category", "category as printed", "offence", "offences as printed", "offence as printed", "offence type", "offence category", "crime",
        "crime type", "crime description", "crime category", "offence description", "nature of offence", "outcome", "outcome as printed",
        "outcome type", "outcome description", "outcome category", "police action", "action taken", "category label", "ho offence", "home office offence",
    };

    // Headers that name a column of figures, never of labels ("Count | Offence | Period").
    private static readonly HashSet<string> FigureHeaders = new(StringComparer.Ordinal)
    {
        "count", "counts", "number", "no", "number of offences", "number of crimes", "number of outcomes", "no of offences",
        "no of crimes", "figure", "figures", "value", "frequency", "volume",
    };

    // The layout is read once per table and asked about on every row: what it says is worked out here, once.
    private TableLayout(IReadOnlyList<TableColumn> columns)
    {
        Columns = columns;
        LabelColumn = columns.FirstOrDefault(c => c.Role == ColumnRole.Label);
        var label = LabelColumn;
        PeriodColumn = columns.FirstOrDefault(c => c.Role == ColumnRole.PeriodDimension)
            ?? (label is not null && IsPeriodHeader(label.Header) ? label : null);
        CategoryColumn = columns.FirstOrDefault(c => c.Role == ColumnRole.CategoryDimension)
            ?? (label is not null && IsCategoryHeader(label.Header) ? label : null);
        DataColumns = columns.Where(c => c.Role is ColumnRole.Value or ColumnRole.Unlabelled).ToArray();
        IsWide = columns.Any(c => c.Role == ColumnRole.Value && c.Period is not null);
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public TableColumn? LabelColumn { get; }

    public TableColumn? PeriodColumn { get; }

    public TableColumn? CategoryColumn { get; }

    /// <summary>Columns whose cells are figures (value columns, and unlabelled ones that may hold stray figures).</summary>
    public IReadOnlyList<TableColumn> DataColumns { get; }

    /// <summary>True when some column header names a period (a wide table).</summary>
    public bool IsWide { get; }

    private static readonly SearchValues<string> TotalWords = SearchValues.Create(["total", "sum", "all"], StringComparison.OrdinalIgnoreCase);

    public static bool IsTotalLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return false;
        // Asked of every printed row, and almost always "no". Every total key holds "total", "sum"
        // or "all"; in an ASCII label without apostrophes (which join letters in the key) those
        // letters are then printed side by side, so a label without them is answered at once.
        // (One multi-word search, not three passes: this runs for every row's label cells.)
        if (Ascii.IsValid(label) && !label.Contains('\'') && !label.AsSpan().ContainsAny(TotalWords))
            return false;
        return IsTotalKey(LabelKey.Of(label));
    }

    private static bool IsTotalKey(ReadOnlySpan<char> key) =>
        key is "total" or "totals" or "grand total" or "overall total" or "sum" or "all" or "total offences" or "total outcomes"
            or "total crimes" or "all offences" or "all outcomes" or "total count"
        || key.StartsWith("total ", StringComparison.Ordinal) && !key.Contains(" of ", StringComparison.Ordinal)
        || key.StartsWith("grand total", StringComparison.Ordinal);

    public static bool IsPeriodHeader(string header) => PeriodHeaders.Contains(LabelKey.Of(header));

    public static bool IsCategoryHeader(string header) => CategoryHeaders.Contains(LabelKey.Of(header));

    /// <summary>Reads the layout from the header row; period headers that give no day take the request's basis.</summary>
    public static TableLayout FromHeader(IReadOnlyList<string> headers, PeriodBasis? requestedBasis) =>
        FromHeader(headers, BareLabelBasis.Request(requestedBasis));

    /// <summary>Reads the layout from the header row; period headers that give no day ("2021/2022") take <paramref name="bare"/>'s basis.</summary>
    public static TableLayout FromHeader(IReadOnlyList<string> headers, BareLabelBasis bare)
    {
        var columns = new List<TableColumn>(headers.Count);
        for (var i = 0; i < headers.Count; i++)
        {
            var h = headers[i] ?? "";
            if (i == 0)
            {
                // The first column holds labels, unless its header is itself a period or total
                // (a wide table with no label column: "2021/22 | 2022/23 | Total").
                var p = string.IsNullOrWhiteSpace(h) ? null : PeriodParser.Parse(h, bare);
                if (IsTotalLabel(h)) columns.Add(new TableColumn(i, h, ColumnRole.Value, null, true));
                else if (p is { HasDates: true }) columns.Add(new TableColumn(i, h, ColumnRole.Value, p, false));
                else if (FigureHeaders.Contains(LabelKey.Of(h))) columns.Add(new TableColumn(i, h, ColumnRole.Value, null, false));
                else columns.Add(new TableColumn(i, h, ColumnRole.Label, null, false));
                continue;
            }
            if (string.IsNullOrWhiteSpace(h)) columns.Add(new TableColumn(i, h, ColumnRole.Unlabelled, null, false));
            else if (IsTotalLabel(h)) columns.Add(new TableColumn(i, h, ColumnRole.Value, null, true));
            else if (IsPeriodHeader(h)) columns.Add(new TableColumn(i, h, ColumnRole.PeriodDimension, null, false));
            else if (IsCategoryHeader(h)) columns.Add(new TableColumn(i, h, ColumnRole.CategoryDimension, null, false));
            else
            {
                var p = PeriodParser.Parse(h, bare);
                var isPeriod = p.HasDates || p.Basis == PeriodBasis.MultiYear;
                columns.Add(new TableColumn(i, h, ColumnRole.Value, isPeriod ? p : null, isPeriod && p.Basis == PeriodBasis.MultiYear));
            }
        }
        return new TableLayout(ReadTotals(columns));
    }

    /// <summary>
    /// A total column is the total of the other figure columns of its row. When it is the only
    /// figure column ("Crime type | Total") it is the count itself, not a total. In a wide table a
    /// total column covers the period columns printed beside it, so it takes their span as its period.
    /// </summary>
    private static List<TableColumn> ReadTotals(List<TableColumn> columns)
    {
        var parts = columns.Where(c => c.Role == ColumnRole.Value && !c.IsTotal).ToList();
        if (parts.Count == 0)
            return columns.Select(c => c.IsTotal ? c with { IsTotal = false } : c).ToList();
        var dated = parts.Where(c => c.Period is { HasDates: true }).Select(c => c.Period!).ToList();
        if (dated.Count == 0) return columns;
        var start = dated.Min(p => p.Start!.Value);
        var end = dated.Max(p => p.End!.Value);
        var sources = dated.Select(p => p.BasisSource).Distinct().ToList();
        return columns.Select(c => c.IsTotal && c.Period is null
            ? c with
            {
                Period = new Period(c.Header, start, end, PeriodBasis.MultiYear, "a printed total: its dates are those of the period columns printed beside it")
                {
                    BasisSource = sources.Count == 1 ? sources[0] : "",
                },
            }
            : c).ToList();
    }
}
