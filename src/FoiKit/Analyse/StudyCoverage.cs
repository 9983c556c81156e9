using System.Collections;
using System.Globalization;
using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Analyse;

/// <summary>What a study holds about one force.</summary>
public enum ForceHolding
{
    /// <summary>Nothing: no answer, no article, no claim.</summary>
    Nothing,
    /// <summary>Only what newspapers printed (an article transcript or claims), not the force's own answer.</summary>
    ArticleOnly,
    /// <summary>The force's own FOI answer (perhaps besides articles).</summary>
    OwnAnswer,
}

/// <summary>One force of forces.csv and what the study holds about it, with its sources.</summary>
/// <param name="Force">The force.</param>
/// <param name="Holds">Its own answer, an article only, or nothing.</param>
/// <param name="Sources">Every source document about it (answers and article transcripts), one row each.</param>
/// <param name="Articles">The articles with claims about it (ids, in order).</param>
/// <param name="Total">Its offences over the request's years, when the study gives them (yearly figures summed, else a printed total).</param>
/// <param name="TotalSource">Whose figures the total is: "own response" or "article figures"; empty without a total.</param>
public sealed record ForceCoverage(Force Force, ForceHolding Holds, IReadOnlyList<CoverageRow> Sources, IReadOnlyList<string> Articles,
    long? Total, string TotalSource)
{
    public string ForceId => Force.Id;

    public string ForceName => Force.OfficialName;

    /// <summary>True when the study gives the force's total over the request's years.</summary>
    public bool IsKnown => Total is not null;

    /// <summary>"the force's own answer", "an article only" or "nothing".</summary>
    public string HoldsText => Describe(Holds);

    /// <summary>The source files, in order (answers and article transcripts).</summary>
    public IReadOnlyList<string> SourceFiles => Sources.Select(s => s.SourceFile).ToList();

    public static string Describe(ForceHolding holding) => holding switch
    {
        ForceHolding.OwnAnswer => "the force's own answer",
        ForceHolding.ArticleOnly => "an article only",
        _ => "nothing",
    };
}

/// <summary>
/// What a study holds, for every force of forces.csv: the force's own answer, an article only, or
/// nothing, with the sources (<see cref="Forces"/>), and which forces' totals over the request's years
/// are known (<see cref="Known"/>), which is what a national figure can be checked against. Enumerated,
/// it is one <see cref="CoverageRow"/> per source document (which parts of the request each answers).
/// </summary>
public sealed class StudyCoverage : IReadOnlyList<CoverageRow>
{
    private readonly IReadOnlyList<CoverageRow> _sources;
    private readonly Dictionary<string, ForceCoverage> _byId;

    internal StudyCoverage(IReadOnlyList<CoverageRow> sources, IReadOnlyList<ForceCoverage> forces)
    {
        _sources = sources;
        Forces = forces;
        _byId = forces.ToDictionary(f => f.ForceId, StringComparer.Ordinal);
        TerritorialForces = forces.Count(f => f.Force.IsTerritorial);
    }

    /// <summary>Every force of forces.csv, in its id order, with what the study holds about it.</summary>
    public IReadOnlyList<ForceCoverage> Forces { get; }

    /// <summary>How many territorial forces forces.csv lists (43 for England and Wales).</summary>
    public int TerritorialForces { get; }

    /// <summary>The forces whose total over the request's years the study gives, in id order.</summary>
    public IReadOnlyList<ForceCoverage> Known => Forces.Where(f => f.IsKnown).ToList();

    /// <summary>The forces the study holds anything about.</summary>
    public IReadOnlyList<ForceCoverage> WithMaterial => Forces.Where(f => f.Holds != ForceHolding.Nothing).ToList();

    /// <summary>How many forces the study holds this about.</summary>
    public int CountOf(ForceHolding holding) => Forces.Count(f => f.Holds == holding);

    /// <summary>One force's coverage, by id.</summary>
    /// <exception cref="KeyNotFoundException">The id is not in forces.csv.</exception>
    public ForceCoverage Of(string forceId) =>
        _byId.TryGetValue(forceId, out var f) ? f : throw new KeyNotFoundException($"'{forceId}' is not a force id in forces.csv");

    /// <summary>One sentence: how many forces are known, and what the study holds for the rest.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Known.Count} of {TerritorialForces} territorial forces known (a total over the request's years); the study holds " +
        $"the force's own answer for {CountOf(ForceHolding.OwnAnswer)}, an article only for {CountOf(ForceHolding.ArticleOnly)} " +
        $"and nothing for {CountOf(ForceHolding.Nothing)} of the {Forces.Count} forces in forces.csv");

    /// <summary>How many source documents the study holds (the rows it enumerates).</summary>
    public int Count => _sources.Count;

    public CoverageRow this[int index] => _sources[index];

    public IEnumerator<CoverageRow> GetEnumerator() => _sources.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Builds the coverage from a study's documents, figures and claims. A force's total is worked out as the
    /// national note always has: from its own answer when there is one, else from its articles' figures; the
    /// yearly figures summed when all are printed, else a printed total over the request's years.
    /// </summary>
    internal static StudyCoverage Build(KitData kit, TidyDataset data, IReadOnlyList<Figure> figures, IReadOnlyList<Claim> claims,
        IReadOnlyList<FinancialYear> years)
    {
        var sources = ForceProfiles.Coverage(data);
        var forces = kit.Reference.Forces;
        var claimArticles = claims.Where(c => !c.IsNational)
            .Select(c => (Force: forces.Resolve(c.Force), c.ArticleId))
            .Where(x => x.Force.Ok)
            .GroupBy(x => x.Force.Value!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.ArticleId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var rows = new List<ForceCoverage>();
        foreach (var force in forces.All.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            var docs = sources.Where(s => s.ForceId == force.Id).ToList();
            var articles = claimArticles.GetValueOrDefault(force.Id) ?? [];
            var holds = docs.Any(d => d.Kind == SourceKind.ForceResponse) ? ForceHolding.OwnAnswer
                : docs.Count > 0 || articles.Count > 0 ? ForceHolding.ArticleOnly
                : ForceHolding.Nothing;
            var (total, source) = TotalOf(figures.Where(f => f.ForceId == force.Id).ToList(), years);
            rows.Add(new ForceCoverage(force, holds, docs, articles, total, source));
        }
        return new StudyCoverage(sources, rows);
    }

    private static (long? Total, string Source) TotalOf(IReadOnlyList<Figure> forceFigures, IReadOnlyList<FinancialYear> years)
    {
        var yearlyFigures = forceFigures.Where(f => f.Category.IsNone && f.Measure == Measure.Offences).ToList();
        if (yearlyFigures.Count == 0) return (null, "");
        var kind = yearlyFigures.Any(f => f.Kind == SourceKind.ForceResponse) ? SourceKind.ForceResponse : SourceKind.PublishedArticle;
        var figs = yearlyFigures.Where(f => f.Kind == kind).ToList();
        var yearly = years.Select(y => figs.FirstOrDefault(f => f.Covers(y) && !f.IsTotal && f.Value is not null)).ToList();
        long? total = yearly.All(f => f is not null) ? yearly.Sum(f => f!.Value!.Value)
            : figs.FirstOrDefault(f => f.IsTotal && f.Years.SequenceEqual(years) && f.Value is not null)?.Value;
        return total is null ? (null, "") : (total, kind == SourceKind.ForceResponse ? "own response" : "article figures");
    }
}
