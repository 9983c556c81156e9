using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>What a period's wording refers to among the request's years.</summary>
/// <param name="Years">The request years it covers (one, several, or none when unknown).</param>
/// <param name="Note">Loose wording named for the reader ("'2021' printed for 2021/22"); empty when exact.</param>
/// <param name="Problem">Why it could not be resolved to one thing; null when it was.</param>
internal sealed record ResolvedPeriod(IReadOnlyList<FinancialYear> Years, string Note, string? Problem)
{
    public bool Ok => Problem is null && Years.Count > 0;

    public bool IsSingle => Ok && Years.Count == 1;

    public string Label => Years.Count switch
    {
        0 => "",
        1 => Years[0].Label,
        _ => $"{Years[0].Label} to {Years[^1].Label}",
    };
}

/// <summary>
/// Reads press period wording relative to the request's April-to-April years: for a request about
/// 2021/22–2023/24, "2021", "the following year" and "this year so far", "since 2021", "in the last
/// three years" (the number of years is the request's own). Loose wording is resolved and named in a note; wording that fits two
/// things is a problem, never a guess.
/// </summary>
public sealed class RequestPeriods
{
    private static readonly HashSet<string> LatestYear = new(StringComparer.Ordinal)
    {
        "this year", "this year so far", "so far this year", "in the last year", "the last year", "last year", "in the past year",
        "the past year", "the latest year", "this year alone", "in the last year alone", "in the latest year", "the most recent year",
    };

    private static readonly HashSet<string> NextYear = new(StringComparer.Ordinal)
    {
        "the following year", "the year after", "the next year", "a year later", "following year", "the year after that",
    };

    // Wording for all of the request's years, with {n} its number of years in words or digits:
    // "in the last three years" for 2021/22 to 2023/24, "over the past four years" for a four-year request.
    private static readonly string[] AllYearsWording =
    [
        "in the last {n} years", "the last {n} years", "across {n} years", "over {n} years", "in {n} years", "{n} years",
        "over the last {n} years", "in the past {n} years", "the past {n} years", "over the past {n} years",
        "across the {n} years", "{n} year", "{n} year total",
    ];

    // The exact wording of "every year asked for", which needs no note ("in the last three years").
    private static readonly string[] ExactAllYearsWording = ["in the last {n} years", "the last {n} years"];

    private static readonly HashSet<string> NotStated = new(StringComparer.Ordinal) { "", "not stated", "no period", "unknown" };

    private readonly HashSet<string> _allYears;
    private readonly HashSet<string> _exactAllYears;

    public RequestPeriods(IReadOnlyList<FinancialYear> years, PeriodBasis? basis)
    {
        if (years.Count == 0) throw new ArgumentException("a request with no years", nameof(years));
        Years = years.Order().ToList();
        Basis = basis;
        var count = Years.Count;
        string[] counts = [NumberWords.Of(count), count.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        _allYears = new HashSet<string>(AllYearsWording.SelectMany(w => counts.Select(n => w.Replace("{n}", n, StringComparison.Ordinal))), StringComparer.Ordinal);
        _exactAllYears = new HashSet<string>(ExactAllYearsWording.Select(w => w.Replace("{n}", counts[0], StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    public IReadOnlyList<FinancialYear> Years { get; }

    public PeriodBasis? Basis { get; }

    public FinancialYear Latest => Years[^1];

    public static RequestPeriods Of(RequestDefinition request) => new(request.AllYears, request.RequestedBasis);

    /// <summary>True when the wording names no period.</summary>
    internal static bool IsUnstated(string label) => NotStated.Contains(LabelKey.Of(label));

    /// <summary>Resolves one label.</summary>
    /// <param name="label">As printed.</param>
    /// <param name="previous">The year of the figure printed just before (for "the following year").</param>
    internal ResolvedPeriod Resolve(string label, FinancialYear? previous = null)
    {
        var key = LabelKey.Of(label);
        if (NotStated.Contains(key)) return new ResolvedPeriod([], "", "no period printed");
        if (LatestYear.Contains(key))
        {
            var note = key.Contains("so far", StringComparison.Ordinal)
                ? $"'{label}' printed for {Latest.Label}, a year that had ended ({Latest.End(Basis ?? PeriodBasis.FinancialYear):d MMMM yyyy}) before publication"
                : $"'{label}' printed for {Latest.Label}, the request's latest year";
            return new ResolvedPeriod([Latest], note, null);
        }
        if (NextYear.Contains(key))
        {
            if (previous is not { } p) return new ResolvedPeriod([], "", $"'{label}' follows no dated figure, so which year it means is unknown");
            var next = p.Next;
            return Years.Contains(next)
                ? new ResolvedPeriod([next], $"'{label}' printed for {next.Label} (the year after {p.Label})", null)
                : new ResolvedPeriod([], "", $"'{label}' after {p.Label} falls outside the request's years");
        }
        // "since 2021" is every request year when the first one starts in 2021.
        if (_allYears.Contains(key) || key.StartsWith("since ", StringComparison.Ordinal) && Years[0].StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture) == key[6..])
        {
            return new ResolvedPeriod(Years, _exactAllYears.Contains(key) ? "" : $"'{label}' read as the request's years {Years[0].Label} to {Latest.Label}", null);
        }

        var parsed = PeriodParser.Parse(label, Basis);
        if (parsed.FinancialYear is { } fy)
        {
            return Years.Contains(fy)
                ? new ResolvedPeriod([fy], "", null)
                : new ResolvedPeriod([], "", $"'{label}' is {fy.Label}, outside the request's years {Years[0].Label} to {Latest.Label}");
        }
        if (parsed.Basis == PeriodBasis.CalendarYear && parsed.Start is { } s)
        {
            // Articles about this request call 2021/22 "2021": a bare year is the request year starting in it.
            var starting = Years.Where(y => y.StartYear == s.Year).ToList();
            if (starting.Count == 1)
                return new ResolvedPeriod(starting, $"'{label}' printed for {starting[0].Label} (the request's April-to-April year starting in {s.Year}), not calendar {s.Year}", null);
            var ending = Years.Where(y => y.StartYear + 1 == s.Year).ToList();
            return new ResolvedPeriod([], "", ending.Count == 1
                ? $"'{label}' is not a request year: calendar {s.Year} overlaps {ending[0].Label}"
                : $"'{label}' is outside the request's years");
        }
        if (parsed.Start is { } a && parsed.End is { } b)
        {
            var covered = Years.Where(y => y.Start(Basis ?? PeriodBasis.FinancialYear) >= a.AddDays(-6) && y.End(Basis ?? PeriodBasis.FinancialYear) <= b.AddDays(6)).ToList();
            if (covered.Count > 0) return new ResolvedPeriod(covered, "", null);
        }
        return new ResolvedPeriod([], "", $"the wording '{label}' cannot be matched to the request's years");
    }
}
