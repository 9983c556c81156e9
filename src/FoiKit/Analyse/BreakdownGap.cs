using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Analyse;

/// <summary>
/// How much of one force's year a printed breakdown (offence types, 1a, or outcomes, 1b) accounts for.
/// The year's offences are a known figure, or only a range when its yearly figures were not printed
/// (see <see cref="Findings.YearBounds"/>); what the breakdown leaves out is then a range too.
/// </summary>
/// <param name="ForceId">The force.</param>
/// <param name="Measure">Offences (1a) or outcomes (1b).</param>
/// <param name="Year">The year the breakdown covers.</param>
/// <param name="Parts">The printed category figures (<see cref="Findings.Breakdown"/>).</param>
/// <param name="PartsSum">Their sum (figures with no printed value count as unknown, not zero): the most they can cover together.</param>
/// <param name="UnknownParts">Parts printed without a value (suppressed, cut off).</param>
/// <param name="PrintedTotal">The breakdown's own printed total, when there is one.</param>
/// <param name="YearOffences">The year's offences: one value when printed, a range when only bounded; null when neither.</param>
/// <param name="YearOffencesBasis">Where <paramref name="YearOffences"/> comes from.</param>
public sealed record BreakdownGap(
    string ForceId,
    Measure Measure,
    FinancialYear Year,
    IReadOnlyList<Figure> Parts,
    long PartsSum,
    int UnknownParts,
    long? PrintedTotal,
    CountRange? YearOffences,
    string YearOffencesBasis)
{
    /// <summary>
    /// The fewest offences the parts can cover together: their sum, less what may be counted twice where
    /// categories may overlap (a label that is no Home Office category may lie inside the others).
    /// </summary>
    public long PartsMin { get; init; } = PartsSum;

    /// <summary>Which parts may overlap and what that allows ("'violent crimes' is not a Home Office category and may overlap …"); empty when none may.</summary>
    public string OverlapNote { get; init; } = "";

    /// <summary>
    /// Offences of the year the breakdown does not account for (a range when the year's figure is, or when parts may
    /// overlap): from the fewest year less the most the parts cover, to the most year less the fewest; null when the year's figure is unknown.
    /// </summary>
    public CountRange? Unaccounted => YearOffences is { } y ? Analyse.YearSplits.Unaccounted(y, PartsMin, PartsSum) : null;

    /// <summary>True when even the fewest the parts can cover is more than the year can have had (periods differ, or figures are wrong).</summary>
    public bool PartsExceedYear => YearOffences is { } y && PartsMin > y.Max;

    /// <summary>
    /// One sentence: "the 4 printed offence types for 2023/24 add up to 158, or as few as 126 where they overlap ('violent crimes' …);
    /// 2023/24 had between 201 and 237 offences (…), so 43-111 are not accounted for".
    /// </summary>
    public string Describe()
    {
        // The parts printed with a figure are summed; those printed without one (suppressed, cut off) are counted apart.
        var withFigure = Parts.Count - UnknownParts;
        var what = Measure == Measure.Offences ? (withFigure == 1 ? "offence type" : "offence types") : (withFigure == 1 ? "outcome" : "outcomes");
        if (Parts.Count == 0 && UnknownParts == 0)
            return $"no {(Measure == Measure.Offences ? "offence types" : "outcomes")} are printed for {Year.Label}, so there is no breakdown to account for the year";
        var sum = withFigure == 1
            ? string.Create(CultureInfo.InvariantCulture, $"the one printed {what} for {Year.Label} is {PartsSum}")
            : string.Create(CultureInfo.InvariantCulture, $"the {withFigure} printed {what} for {Year.Label} add up to {PartsSum}");
        if (PartsMin < PartsSum)
            sum += string.Create(CultureInfo.InvariantCulture, $", or cover as few as {PartsMin} if they overlap ({OverlapNote})");
        if (UnknownParts > 0) sum += string.Create(CultureInfo.InvariantCulture, $" (plus {UnknownParts} printed without a figure)");
        if (YearOffences is not { } y) return sum + $"; the year's offences are not known, so what they leave out cannot be said";
        var year = y.Min == y.Max ? $"{Year.Label} had {y} offences" : $"{Year.Label} had between {y.Min} and {y.Max} offences ({YearOffencesBasis})";
        if (PartsExceedYear) return $"{sum}, more than the {y.Max} offences {Year.Label} can have had: the categories cover other periods or the figures disagree";
        var gap = Unaccounted!.Value;
        return gap.Max == 0
            ? $"{sum}; {year}, so the breakdown accounts for all of them"
            : $"{sum}; {year}, so {gap} {(gap.Min == gap.Max && gap.Min == 1 ? "is" : "are")} not accounted for";
    }
}
