using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Pipeline;

/// <summary>
/// Everything the kit knows about a request, loaded once: the tidy data of every response and
/// article in the data folder, every claim with its verdict, and the per-force profiles. The one
/// entry point for notebooks, file-based scripts and the report, so they cannot drift apart.
/// </summary>
public sealed class Study
{
    private Study(KitData kit, TidyDataset data, IReadOnlyList<Claim> claims, IReadOnlyList<Verdict> verdicts, ClaimChecker checker,
        IReadOnlyList<Diagnostic> claimProblems)
    {
        Kit = kit;
        Data = data;
        Claims = claims;
        Verdicts = verdicts;
        Checker = checker;
        ClaimProblems = claimProblems;
        Profiles = ForceProfiles.Build(checker, data, kit);
        Coverage = ForceProfiles.Coverage(data);
        Totals = ForceProfiles.AuditTotals(data);
        National = ForceProfiles.National(Profiles, claims, kit);
        Periods = RequestPeriods.Of(checker.Request);
    }

    public KitData Kit { get; }

    public TidyDataset Data { get; }

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<Verdict> Verdicts { get; }

    public ClaimChecker Checker { get; }

    /// <summary>Claims files or rows that could not be read.</summary>
    public IReadOnlyList<Diagnostic> ClaimProblems { get; }

    public IReadOnlyList<ForceProfile> Profiles { get; }

    public IReadOnlyList<CoverageRow> Coverage { get; }

    public IReadOnlyList<TotalAudit> Totals { get; }

    public NationalPicture National { get; }

    public RequestPeriods Periods { get; }

    public RequestDefinition Request => Checker.Request;

    /// <summary>Loads the kit's data folder (found as <see cref="KitData.LocateDataFolder"/> does) or the one given.</summary>
    public static Study Load(string? dataFolder = null)
    {
        var kit = dataFolder is null ? KitData.LoadDefault() : KitData.Load(dataFolder);
        var problems = new List<Diagnostic>();
        // Sources are named relative to where the study is loaded ("data/articles/…" from the repository
        // root, "../data/…" from notebooks/), so notebooks and reports read the same on every machine.
        var folder = Path.GetRelativePath(Environment.CurrentDirectory, kit.DataFolder);
        var claimsFolder = Path.Combine(folder, "claims");
        var claims = Directory.Exists(claimsFolder) ? ClaimsRun.LoadClaims([claimsFolder], problems.Add) : [];
        var data = NormaliseRun.Load(kit, folder);
        var checker = new ClaimChecker(kit, data, claims);
        return new Study(kit, data, claims, checker.CheckAll(), checker, problems);
    }

    public ForceProfile Profile(string force) =>
        Profiles.FirstOrDefault(p => p.Force.Id == force)
        ?? Profiles.FirstOrDefault(p => Kit.Reference.Forces.Resolve(force) is { Ok: true } f && p.Force.Id == f.Value!.Id)
        ?? throw new KeyNotFoundException($"no figures for '{force}' in the data");

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
