using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Notebooks;

/// <summary>One claim of an article with its verdict.</summary>
public sealed record ClaimVerdict(Claim Claim, Verdict Verdict);

/// <summary>
/// What notebook 01 (and its twin) follow: one force and one article of a study, the notebooks'
/// <c>force</c> and <c>article</c> parameters. Everything it says is read from the study, so the notebook
/// stays true for any force and article; a figure the sources do not print is null, never zero.
/// </summary>
public sealed class ArticleFocus
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private ArticleFocus(Study study, Force force, string articleId, IReadOnlyList<ClaimVerdict> claims)
    {
        Study = study;
        Force = force;
        ArticleId = articleId;
        Claims = claims;
        Profile = study.Profiles.FirstOrDefault(p => p.Force.Id == force.Id);
    }

    public Study Study { get; }

    public Force Force { get; }

    public string ArticleId { get; }

    /// <summary>The article's claims with their verdicts, in the claims file's order.</summary>
    public IReadOnlyList<ClaimVerdict> Claims { get; }

    /// <summary>The force's yearly figures and totals; null when its sources print no whole-number offence figure.</summary>
    public ForceProfile? Profile { get; }

    /// <summary>
    /// What the printed total, rise and "rising" allow for each year; null without a total, and null when every yearly
    /// figure is printed (there is nothing to bound: the figures are known), as the year-bounds chart sees it.
    /// </summary>
    public SplitBounds? Bounds => Profile?.Total is not null ? StoryCharts.BoundsFor(Study, Force.Id) : null;

    /// <summary>
    /// The focus on a force (any spelling forces.csv knows) and an article of the study; with no article (an empty id,
    /// as reproduce passes for a study without claims) the focus is the force's own figures, with no claims.
    /// </summary>
    /// <exception cref="ArgumentException">The force is unknown, or an article is named that has no claims in the study.</exception>
    public static ArticleFocus Of(Study study, string force, string articleId)
    {
        var resolved = study.Kit.Reference.Forces.Resolve(force);
        if (!resolved.Ok) throw new ArgumentException($"force '{force}': {resolved.Error}", nameof(force));
        var claims = study.ClaimsOf(articleId).Select(c => new ClaimVerdict(c.Claim, c.Verdict)).ToList();
        if (claims.Count == 0 && articleId.Length > 0)
        {
            var known = string.Join(", ", study.Claims.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            throw new ArgumentException($"article '{articleId}': no claims in the study's claims/ folder (articles with claims: {(known.Length > 0 ? known : "none")})", nameof(articleId));
        }
        return new ArticleFocus(study, resolved.Value!, articleId, claims);
    }

    /// <summary>The article's first claim of a kind (a rise, "rising", "most common"…), or null when it makes none.</summary>
    public ClaimVerdict? First(ClaimKind kind) => Claims.FirstOrDefault(c => c.Claim.Kind == kind);

    /// <summary>The last claim of a kind (an article may say "most common" twice: the last is the one about this force).</summary>
    public ClaimVerdict? Last(ClaimKind kind) => Claims.LastOrDefault(c => c.Claim.Kind == kind);

    /// <summary>The article's source document(s) in the study: where its figures are transcribed.</summary>
    public IReadOnlyList<SourceDocument> Documents =>
        Study.Data.Documents.Where(d => d.Kind == SourceKind.PublishedArticle && Evidence.ArticleIdOf(d) == ArticleId).ToList();

    /// <summary>Who and what: the article, its force, how many claims and their verdicts, and what can check them.</summary>
    public string Summary()
    {
        var counts = Claims.GroupBy(c => c.Verdict.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToContract()}");
        var docs = Documents;
        var own = Study.Data.Documents.Any(d => d.Force.Id == Force.Id && d.Kind == SourceKind.ForceResponse);
        if (ArticleId.Length == 0)
            return $"No article: the study holds no claims, so what follows is {Force.OfficialName}'s figures alone, with no claim to judge.";
        var lines = new List<string>
        {
            $"Article {ArticleId}, about {Force.OfficialName}: {Claims.Count} claim(s) in the study: {string.Join(", ", counts)}.",
            docs.Count > 0 ? $"Its figures are transcribed in {string.Join(", ", docs.Select(d => d.SourceFile))} ({string.Join(", ", docs.Select(d => d.SourceUrl).Distinct())})."
                : "No transcript of its figures is in the study: only its claims file.",
            own ? $"{Force.OfficialName}'s own FOI answer is in the study: figures it prints can reproduce or contradict a claim."
                : $"{Force.OfficialName}'s own FOI answer is not in the study: no claim can be reproduced, only found consistent with the article's own figures, contradicted by them, or left not checkable.",
        };
        return string.Join("\n", lines);
    }

    /// <summary>
    /// What can be said, one line per verdict: each claim's paraphrase grouped under what the verdict allows.
    /// Printed by the notebook at its end (never written by hand, so it follows the data).
    /// </summary>
    public IReadOnlyList<string> WhatCanBeSaid()
    {
        string Lead(VerdictKind kind) => kind switch
        {
            VerdictKind.Reproduced => "Reproduced from the force's own answer",
            VerdictKind.Consistent => "Consistent with the figures in the study, which do not pin them down exactly (the article's own figures, or a range the force's answer allows)",
            VerdictKind.Contradicted => "Contradicted by the figures",
            VerdictKind.NotCheckable => "Not checkable from the material in the study",
            _ => "Ambiguous (the period, category or force cannot be pinned down)",
        };
        return Claims.GroupBy(c => c.Verdict.Kind).OrderBy(g => g.Key)
            .Select(g => $"{Lead(g.Key)}: {string.Join("; ", g.Select(c => c.Claim.Text.TrimEnd('.')))}.")
            .ToList();
    }

    /// <summary>The sum of the figures that are printed, and how many parts have none (they are not counted as zero).</summary>
    public static (long Sum, int Printed, int WithoutFigure) SumOfPrinted(IEnumerable<Figure> figures)
    {
        var list = figures.ToList();
        var known = list.Where(f => f.Value is not null).ToList();
        return (known.Sum(f => f.Value!.Value), known.Count, list.Count - known.Count);
    }

    internal static string Number(long n) => n.ToString("#,0", Inv);
}
