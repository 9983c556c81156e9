using FoiKit.Model;

namespace FoiKit.Notebooks;

/// <summary>
/// The printed figures of one source for one period and one category group, added up as far as they are printed.
/// </summary>
/// <param name="ForceId">The force.</param>
/// <param name="SourceFile">The one source the figures come from.</param>
/// <param name="SourceKind"><c>force_response</c> or <c>published_article</c>.</param>
/// <param name="Period">The period as printed (with the request year in brackets where the kit could date it).</param>
/// <param name="Group">The category key (e.g. the Home Office offence group; empty when the label is not a Home Office category).</param>
/// <param name="Figures">How many figures are printed with a value.</param>
/// <param name="WithoutFigure">How many parts are printed without one (suppressed, not available): unknown, not zero.</param>
/// <param name="KnownPart">The sum of the printed values.</param>
public sealed record SourceSum(string ForceId, string SourceFile, string SourceKind, string Period, string Group, int Figures, int WithoutFigure, long KnownPart)
{
    /// <summary>The sum when every part has a figure; null when any is unknown (then only <see cref="KnownPart"/> is a lower bound).</summary>
    public long? Total => WithoutFigure == 0 ? KnownPart : null;

    /// <summary>The sum as it may be written: "168", or "at least 12 (2 parts without a figure)".</summary>
    public string Reads => Total is { } t ? ArticleFocus.Number(t) : $"at least {ArticleFocus.Number(KnownPart)} ({WithoutFigure} part(s) without a figure)";
}

/// <summary>
/// Sums that are safe to publish: figures are added only within one source and one period (never across
/// two articles that may print the same offences twice, never across periods printed differently), printed
/// totals are never added to their parts, and a figure that is not printed is never taken as zero.
/// </summary>
public static class SourceSums
{
    /// <summary>The figures grouped by force, source, period as printed and <paramref name="by"/>, each group summed as far as printed.</summary>
    /// <param name="observations">Tidy rows (printed totals among them are left out).</param>
    /// <param name="by">The category key, e.g. <c>o =&gt; o.Category.Group</c>.</param>
    public static IReadOnlyList<SourceSum> Within(IEnumerable<Observation> observations, Func<Observation, string> by) =>
        observations.Where(o => o.Value.Status != ValueStatus.PrintedTotal)
            .GroupBy(o => (o.Force.Id, o.Source.SourceFile, Kind: o.SourceKind.ToContract(), Period: PeriodOf(o), Key: by(o) ?? ""))
            .Select(g => new SourceSum(g.Key.Id, g.Key.SourceFile, g.Key.Kind, g.Key.Period, g.Key.Key,
                g.Count(o => o.Value.Value is not null), g.Count(o => o.Value.Value is null), g.Where(o => o.Value.Value is not null).Sum(o => o.Value.Value!.Value)))
            .OrderBy(s => s.ForceId, StringComparer.Ordinal).ThenBy(s => s.SourceFile, StringComparer.Ordinal)
            .ThenBy(s => s.Period, StringComparer.Ordinal).ThenByDescending(s => s.KnownPart).ToList();

    private static string PeriodOf(Observation o) =>
        o.Period.FinancialYear is { } year && year.Label != o.Period.Label ? $"{o.Period.Label} ({year.Label})" : o.Period.Label;
}
