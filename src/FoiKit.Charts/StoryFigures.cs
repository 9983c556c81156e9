using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Pipeline;
using Plotly.NET;

namespace FoiKit.Charts;

/// <summary>Where a figure belongs in the story (and in report.html).</summary>
public enum FigureSection
{
    /// <summary>The seed article's force: what its printed figures allow.</summary>
    Article,
    /// <summary>Forces side by side.</summary>
    Comparison,
    /// <summary>One force's own section.</summary>
    Force,
    /// <summary>The verdicts on every article.</summary>
    Verdicts,
}

/// <summary>One figure of the story: a stable file/element name, the chart and a caption saying what it shows.</summary>
/// <param name="Name">Lower-case file and element name, e.g. <c>cambridgeshire-year-bounds</c> (figures/NAME.png, div id fig-NAME).</param>
/// <param name="Section">Where it belongs.</param>
/// <param name="ForceId">The force, for force figures; null otherwise.</param>
/// <param name="Chart">The chart.</param>
/// <param name="Caption">One or two sentences for readers: what it shows and what it does not.</param>
public sealed record StoryFigure(string Name, FigureSection Section, string? ForceId, GenericChart Chart, string Caption)
{
    /// <summary>The HTML element id of its chart in report.html.</summary>
    public string ElementId => "fig-" + Name;
}

/// <summary>
/// The ONE list of the story's figures, so notebooks, scripts, report.html and figures/*.png|svg show the
/// same charts with the same names.
/// </summary>
public static partial class StoryFigures
{
    /// <summary>The seed article the kit's own story starts from (Peterborough Today on Cambridgeshire).</summary>
    public const string SeedArticleId = "peterborough-today-cambridgeshire";

    /// <summary>The force the kit's own story is about.</summary>
    public const string SeedForceId = "cambridgeshire";

    /// <summary>
    /// Every figure, in report order: the seed force's possible yearly range, offence mix and outcome mix;
    /// offences by year for all forces; rates per 100,000; each force's offences by year (and its mixes where
    /// printed); verdicts by article.
    /// </summary>
    /// <param name="study">The loaded study.</param>
    /// <param name="seedArticleId">The article the story follows (empty: none).</param>
    /// <param name="forceId">The force the story is about (default: the article's force); its figures lead.</param>
    public static IReadOnlyList<StoryFigure> All(Study study, string seedArticleId = SeedArticleId, string? forceId = null)
    {
        var figures = new List<StoryFigure>();
        var seed = LeadForce(study, seedArticleId, forceId);

        if (seed is not null)
        {
            var profile = study.Profile(seed);
            var name = profile.Force.OfficialName;
            if (StoryCharts.BoundsFor(study, seed) is { } bounds)
            {
                figures.Add(new(seed + "-year-bounds", FigureSection.Article, seed, StoryCharts.YearBounds(profile, bounds),
                    $"What {name}'s printed total, rise and \"rising\" allow for each year: a possible range, not data. " +
                    "The yearly figures behind the article's graphic were not printed in its text."));
            }
            AddMixes(figures, study, seed, FigureSection.Article);
        }

        figures.Add(new("offences-by-year", FigureSection.Comparison, null, StoryCharts.OffencesByYear(study),
            "Recorded TikTok-linked offences by request year for every force with printed yearly figures. " +
            "Years without a printed figure are left out, not drawn as zero. Read with each force's method notes and caveats."));
        figures.Add(new("rates-per-100k", FigureSection.Comparison, null, StoryCharts.RatesPer100k(study),
            $"Three-year offences per 100,000 residents (derived from each force's total and the ONS mid-{study.National.PopulationYear} " +
            "population). The sources differ in kind and method: a sense of scale, not a ranking."));

        foreach (var p in study.Profiles)
        {
            var id = p.Force.Id;
            figures.Add(new(id + "-offences-by-year", FigureSection.Force, id, StoryCharts.OffencesByYear(p),
                p.Years.All(y => y.Value is null)
                    ? $"{p.Force.OfficialName}: no yearly figure was printed, so no bar is drawn."
                    : $"{p.Force.OfficialName}: recorded offences by request year ({p.SourceLabel})."));
            if (id != seed) AddMixes(figures, study, id, FigureSection.Force);
        }

        figures.Add(new("verdicts-by-article", FigureSection.Verdicts, null, StoryCharts.VerdictsByArticle(study),
            "How many of each article's claims the data reproduce, are consistent with, contradict, cannot check, or find ambiguous."));

        foreach (var f in figures)
            if (!NamePattern().IsMatch(f.Name)) throw new InvalidOperationException($"figure name '{f.Name}' is not [a-z0-9-]+");
        return figures;
    }

    /// <summary>
    /// The force whose figures lead the story: <paramref name="forceId"/> (any spelling forces.csv knows) when the study
    /// has figures for it, else the article's force (<see cref="SeedForce"/>); null when the study has figures for neither.
    /// </summary>
    public static string? LeadForce(Study study, string articleId, string? forceId) =>
        forceId is null ? SeedForce(study, articleId) : study.TryProfile(forceId)?.Force.Id;

    /// <summary>The force an article is about (its first claim that names a force with figures in the study), or null.</summary>
    public static string? SeedForce(Study study, string articleId) =>
        study.Claims.Where(c => c.ArticleId == articleId && !c.IsNational)
            .Select(c => study.Kit.Reference.Forces.Resolve(c.Force))
            .Where(r => r.Ok && study.Profiles.Any(p => p.Force.Id == r.Value!.Id))
            .Select(r => r.Value!.Id)
            .FirstOrDefault();

    private static void AddMixes(List<StoryFigure> figures, Study study, string forceId, FigureSection section)
    {
        var name = study.Profile(forceId).Force.OfficialName;
        foreach (var measure in new[] { Measure.Offences, Measure.Outcomes })
        {
            var year = StoryCharts.BreakdownYear(study, measure);
            if (!study.Breakdown(forceId, measure, year).Any(f => f.Value is not null)) continue;
            var offences = measure == Measure.Offences;
            figures.Add(new($"{forceId}-{(offences ? "offence" : "outcome")}-mix", section, forceId, StoryCharts.Mix(study, forceId, measure, year),
                $"{name}: {(offences ? "offences by type" : "police outcomes")} in {year.Label}, with the labels as printed. " +
                "Hover for the Home Office category each was read as; a breakdown without a printed total may be partial."));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
