using System.Collections;
using System.Globalization;
using System.Reflection;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Present;
using Microsoft.Data.Analysis;

namespace FoiKit.Notebooks;

/// <summary>
/// The kit's typed records as DataFrames: typed columns built from the records themselves (whole
/// numbers stay whole, missing figures stay missing), never from CSV text. Notebooks display them as
/// tables; scripts print them with <c>ToString()</c>.
/// </summary>
public static class Frames
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The tidy observations with the tidy CSV's columns (<see cref="TidyColumns"/>, in its order) and real types:
    /// value is a nullable whole number, period dates are dates, table positions are numbers.
    /// </summary>
    public static DataFrame Tidy(IEnumerable<Observation> observations)
    {
        var o = observations.ToList();
        return new DataFrame(TidyColumns.All.Select(column => column switch
        {
            TidyColumn<DateOnly?> date => new DateTimeDataFrameColumn(column.Name, o.Select(x => date.ValueOf(x)?.ToDateTime(TimeOnly.MinValue))),
            TidyColumn<long?> count => new Int64DataFrameColumn(column.Name, o.Select(count.ValueOf)),
            TidyColumn<int> position => new Int32DataFrameColumn(column.Name, o.Select(x => (int?)position.ValueOf(x))),
            TidyColumn<int?> position => new Int32DataFrameColumn(column.Name, o.Select(position.ValueOf)),
            _ => (DataFrameColumn)Text(column.Name, o.Select(column.TextOf)),
        }));
    }

    /// <summary>One row per force: yearly figures, total, growth, rate and charges, with where each comes from.</summary>
    public static DataFrame Profiles(Study study)
    {
        var p = study.Profiles;
        var columns = new List<DataFrameColumn>
        {
            Text("force", p.Select(x => x.Force.OfficialName)),
            Text("source", p.Select(x => x.SourceLabel)),
        };
        foreach (var year in study.Periods.Years)
            columns.Add(new Int64DataFrameColumn(year.Label, p.Select(x => x.Years.FirstOrDefault(y => y.Year == year)?.Value)));
        columns.AddRange(
        [
            new Int64DataFrameColumn("total", p.Select(x => x.Total)),
            Text("total_basis", p.Select(x => x.TotalBasis)),
            new DecimalDataFrameColumn("growth_pct", p.Select(x => x.GrowthPct)),
            new BooleanDataFrameColumn("rising", p.Select(x => x.Rising)),
            new Int64DataFrameColumn("population", p.Select(x => x.Population)),
            new DecimalDataFrameColumn("rate_per_100k", p.Select(x => x.RatePer100k)),
            new Int64DataFrameColumn("charges", p.Select(x => x.Charges)),
            new DecimalDataFrameColumn("charge_rate_pct", p.Select(x => x.ChargeRatePct)),
            Text("charges_basis", p.Select(x => x.ChargesBasis)),
        ]);
        return new DataFrame(columns);
    }

    /// <summary>One force's yearly figures with their basis and how loose wording was read.</summary>
    public static DataFrame Years(ForceProfile profile) => new(
        Text("year", profile.Years.Select(y => y.Year.Label)),
        new Int64DataFrameColumn("offences", profile.Years.Select(y => y.Value)),
        Text("printed_in", profile.Years.Select(y => y.Basis.Length == 0 ? "not printed" : y.Basis)),
        Text("note", profile.Years.Select(y => y.Note)));

    /// <summary>An article's claims with their verdicts, in order.</summary>
    public static DataFrame Claims(Study study, string articleId)
    {
        var rows = study.ClaimsOf(articleId);
        return new DataFrame(
            Text("claim", rows.Select(r => r.Claim.ClaimId)),
            Text("kind", rows.Select(r => r.Claim.Kind.ToContract())),
            Text("claimed", rows.Select(r => r.Verdict.Claimed)),
            Text("verdict", rows.Select(r => r.Verdict.Kind.ToContract())),
            Text("computed", rows.Select(r => r.Verdict.Computed)),
            Text("basis", rows.Select(r => r.Verdict.Basis)),
            Text("text", rows.Select(r => r.Claim.Text)),
            Text("note", rows.Select(r => r.Verdict.Note)));
    }

    /// <summary>Printed category figures (a breakdown) with the Home Office category each was read as, and its source.</summary>
    public static DataFrame Breakdown(IEnumerable<Figure> figures)
    {
        var f = figures.ToList();
        return new DataFrame(
            Text("as_printed", f.Select(x => x.Category.Label)),
            new Int64DataFrameColumn("value", f.Select(x => x.Value)),
            Text("read_as", f.Select(x => x.Category.Level == CategoryLevel.Unresolved ? "not a Home Office category (kept as printed)"
                : x.Category.Name.Length > 0 ? $"{x.Category.Level.ToContract()}: {x.Category.Name}" : $"{x.Category.Level.ToContract()}: {x.Category.Subgroup}")),
            Text("group", f.Select(x => x.Category.Group)),
            Text("printed_in", f.Select(x => x.Basis)),
            Text("period_note", f.Select(x => x.Note)));
    }

    /// <summary>The range each year can take (possible values, not data).</summary>
    public static DataFrame Bounds(SplitBounds bounds, IReadOnlyList<FinancialYear> years) => new(
        Text("year", years.Take(bounds.PerYear.Count).Select(y => y.Label)),
        new Int64DataFrameColumn("lowest_possible", bounds.PerYear.Select(r => (long?)r.Min)),
        new Int64DataFrameColumn("highest_possible", bounds.PerYear.Select(r => (long?)r.Max)));

    /// <summary>
    /// Every force of forces.csv with what the study holds about it (its own answer, an article only, or nothing), the
    /// source files, the articles whose claims name it, and its three-year total where the study gives one: a
    /// force it holds nothing about has no total, which is unknown, not zero.
    /// </summary>
    public static DataFrame Coverage(StudyCoverage coverage) => new(
        Text("force_id", coverage.Forces.Select(f => f.ForceId)),
        Text("force", coverage.Forces.Select(f => f.ForceName)),
        Text("holds", coverage.Forces.Select(f => f.HoldsText)),
        Text("sources", coverage.Forces.Select(f => string.Join("; ", f.SourceFiles))),
        Text("articles", coverage.Forces.Select(f => string.Join("; ", f.Articles))),
        new Int64DataFrameColumn("three_year_total", coverage.Forces.Select(f => f.Total)),
        Text("total_from", coverage.Forces.Select(f => f.TotalSource)));

    /// <summary>A table exactly as printed: every cell as text, the header as column names.</summary>
    public static DataFrame Printed(SourceTable table)
    {
        var rows = table.Rows.ToList();
        var names = table.Columns.Select((c, i) => c.Length > 0 ? c : $"(column {i + 1}, no header)").ToList();
        return new DataFrame(names.Select((name, i) => (DataFrameColumn)Text(name, rows.Select(r => i < r.Cells.Count ? r.Cells[i] ?? "" : ""))));
    }

    /// <summary>
    /// Any list of records as a table: one column per public property, typed (whole numbers, decimals,
    /// yes/no stay typed and nullable); enums, years and other values as their text.
    /// </summary>
    public static DataFrame Of<T>(IEnumerable<T> rows)
    {
        var list = rows.ToList();
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => Column(p.Name, p.PropertyType, list.Select(r => r is null ? null : p.GetValue(r))));
        return new DataFrame(columns);
    }

    /// <summary>
    /// A DataFrame as an aligned plain-text table for the console (the script twins print these): one
    /// line per row, cells cut to <paramref name="maxWidth"/> characters with "…", missing values blank.
    /// </summary>
    /// <param name="frame">The table.</param>
    /// <param name="columns">The columns to print, in order; all when none are given.</param>
    public static string Text(DataFrame frame, int maxWidth = 40, params string[] columns)
    {
        var cols = (columns.Length > 0 ? columns.Select(c => frame.Columns[c]) : frame.Columns).ToList();
        var cells = cols.Select(c => new[] { c.Name }.Concat(Enumerable.Range(0, (int)frame.Rows.Count).Select(i => Cut(AsText(c[i]), maxWidth))).ToList()).ToList();
        var widths = cells.Select(c => c.Max(v => v.Length)).ToList();
        var sb = new System.Text.StringBuilder();
        for (var row = 0; row <= frame.Rows.Count; row++)
        {
            sb.AppendJoin("  ", cells.Select((c, i) => i == cells.Count - 1 ? c[row] : c[row].PadRight(widths[i])).ToArray()).Append('\n');
            if (row == 0) sb.AppendJoin("  ", widths.Select(w => new string('-', w)).ToArray()).Append('\n');
        }
        return sb.ToString();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static DataFrameColumn Column(string name, Type type, IEnumerable<object?> values)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(long)) return new Int64DataFrameColumn(name, values.Select(v => (long?)v));
        if (t == typeof(int)) return new Int32DataFrameColumn(name, values.Select(v => (int?)v));
        if (t == typeof(decimal)) return new DecimalDataFrameColumn(name, values.Select(v => (decimal?)v));
        if (t == typeof(double)) return new DoubleDataFrameColumn(name, values.Select(v => (double?)v));
        if (t == typeof(bool)) return new BooleanDataFrameColumn(name, values.Select(v => (bool?)v));
        return Text(name, values.Select(AsText));
    }

    private static string AsText(object? value) => value switch
    {
        null => "",
        string s => s,
        SourceKind k => k.ToContract(),
        Measure m => m.ToContract(),
        VerdictKind v => v.ToContract(),
        ClaimKind c => c.ToContract(),
        Force f => f.OfficialName,
        IFormattable f => f.ToString(null, Inv),
        IEnumerable e => string.Join("; ", e.Cast<object?>().Select(AsText)),
        _ => value.ToString() ?? "",
    };

    private static StringDataFrameColumn Text(string name, IEnumerable<string?> values) => new(name, values.Select(v => v ?? ""));
}
