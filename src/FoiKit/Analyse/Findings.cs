using FoiKit.Model;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>
/// Everything the kit works out from one request's tidy data and claims, held in memory: every
/// claim with its verdict, the per-force profiles, the coverage and totals tables and the
/// national picture. <see cref="Pipeline.Study"/> is one of these loaded from a data folder; the
/// analyses that read a whole study (<see cref="MethodReview"/>, <see cref="StudyQuestions"/>)
/// take this type, so they never depend on how the data was found.
/// </summary>
public class Findings
{
    /// <summary>Works everything out from data and claims already in memory.</summary>
    /// <param name="kit">Reference data and request definitions.</param>
    /// <param name="data">The tidy data of the responses and articles.</param>
    /// <param name="claims">The claims to check against it.</param>
    /// <param name="claimProblems">Claims files or rows that could not be read (reported, not checked).</param>
    public Findings(KitData kit, TidyDataset data, IReadOnlyList<Claim> claims, IReadOnlyList<Diagnostic>? claimProblems = null)
    {
        Kit = kit;
        Data = data;
        Claims = claims;
        Checker = new ClaimChecker(kit, data, claims);
        Verdicts = Checker.CheckAll();
        ClaimProblems = claimProblems ?? [];
        Profiles = ForceProfiles.Build(Checker, data, kit);
        Coverage = Checker.Coverage;
        Totals = ForceProfiles.AuditTotals(data);
        National = ForceProfiles.National(Profiles, Coverage, claims, kit, Checker.Request);
        Periods = RequestPeriods.Of(Checker.Request);
    }

    public KitData Kit { get; }

    public TidyDataset Data { get; }

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<Verdict> Verdicts { get; }

    public ClaimChecker Checker { get; }

    /// <summary>Claims files or rows that could not be read.</summary>
    public IReadOnlyList<Diagnostic> ClaimProblems { get; }

    public IReadOnlyList<ForceProfile> Profiles { get; }

    /// <summary>
    /// What the study holds for every force of forces.csv (<see cref="StudyCoverage.Forces"/>: the force's own
    /// answer, an article only, or nothing, with sources) and whose totals are known; enumerated, one row per source document.
    /// </summary>
    public StudyCoverage Coverage { get; }

    public IReadOnlyList<TotalAudit> Totals { get; }

    public NationalPicture National { get; }

    public RequestPeriods Periods { get; }

    public RequestDefinition Request => Checker.Request;

    public ForceProfile Profile(string force) =>
        TryProfile(force) ?? throw new KeyNotFoundException($"no figures for '{force}' in the data");

    /// <summary>A force's profile (by id or any spelling forces.csv knows), or null when the study has no figures for it.</summary>
    public ForceProfile? TryProfile(string force) =>
        Profiles.FirstOrDefault(p => p.Force.Id == force)
        ?? Profiles.FirstOrDefault(p => Kit.Reference.Forces.Resolve(force) is { Ok: true } f && p.Force.Id == f.Value!.Id);

    /// <summary>The ids of the articles the claims come from, in order.</summary>
    public IReadOnlyList<string> Articles => Claims.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when the claims hold the article.</summary>
    public bool HasArticle(string articleId) => Claims.Any(c => c.ArticleId == articleId);

    /// <summary>The id of the force an article is about (the force of its first claim that names one), or null.</summary>
    public string? ForceOfArticle(string articleId) =>
        Claims.Where(c => c.ArticleId == articleId && !c.IsNational)
            .Select(c => Kit.Reference.Forces.Resolve(c.Force))
            .Where(r => r.Ok)
            .Select(r => r.Value!.Id)
            .FirstOrDefault();

    /// <summary>The claims of one article with their verdicts, in order.</summary>
    public IReadOnlyList<(Claim Claim, Verdict Verdict)> ClaimsOf(string articleId) =>
        Claims.Zip(Verdicts).Where(p => p.First.ArticleId == articleId).ToList();

    /// <summary>
    /// The category figures (1a/1b style) one force's sources printed for a year. A figure printed twice
    /// (by two articles, or in a table and a claim) is kept once: same value and same label, or same
    /// value and the same Home Office code ("charges" and "charges or summons" are both outcome 1).
    /// </summary>
    public IReadOnlyList<Figure> Breakdown(string forceId, Measure measure, FinancialYear year) =>
        Checker.Figures.Where(f => f.ForceId == forceId && f.Measure == measure && !f.Category.IsNone && !f.IsTotal && f.Covers(year))
            .GroupBy(f => (Key: f.Category.Level == CategoryLevel.Code ? "code " + f.Category.Code : LabelKey.Of(f.Category.Label), f.Value))
            .Select(g => g.First()).ToList();

    /// <summary>Bounds on a force's yearly figures from its printed total, rise and "rising" (no figures invented).</summary>
    public SplitBounds? YearBounds(string forceId)
    {
        var profile = Profile(forceId);
        return profile.Total is { } total ? Checker.YearBounds(profile.Force.Id, total) : null;
    }
}
