using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;
using Figure = FoiKit.Analyse.Figure;

namespace FoiKit.Charts;

/// <summary>
/// The story's charts, built from the library's typed results (never from numbers typed by hand) as
/// Plotly.NET charts in the kit's house style. Every bar's hover names where its figure is printed;
/// unknown figures are never drawn as zero but named as "not printed"; what is bounded rather than
/// known is drawn as a hatched "possible range, not data".
/// <para>
/// From a notebook or script: <c>var study = Study.Load();</c> then e.g.
/// <c>StoryCharts.OffencesByYear(study, "dorset")</c>, <c>StoryCharts.YearBounds(study, "cambridgeshire")</c>;
/// <c>ChartJson.ToJson(chart)</c> gives the plotly.js JSON.
/// </para>
/// </summary>
public static class StoryCharts
{
    /// <summary>Colours of the verdicts, the same everywhere.</summary>
    public static readonly IReadOnlyDictionary<VerdictKind, string> VerdictColors = new Dictionary<VerdictKind, string>
    {
        [VerdictKind.Reproduced] = "#009E73",
        [VerdictKind.Consistent] = "#56B4E9",
        [VerdictKind.Contradicted] = "#D55E00",
        [VerdictKind.NotCheckable] = ChartStyle.NotDataColor,
        [VerdictKind.Ambiguous] = "#E69F00",
    };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // ---------------------------------------------------------------- (a) offences by year

    /// <summary>One force's recorded offences by request year (see <see cref="OffencesByYear(ForceProfile)"/>).</summary>
    /// <exception cref="KeyNotFoundException">The data has no figures for the force.</exception>
    public static GenericChart OffencesByYear(Study study, string forceId) => OffencesByYear(study.Profile(forceId));

    /// <summary>
    /// One force's recorded offences by request year: one bar per year whose figure is known. A year whose
    /// figure was not printed gets an empty slot marked "not printed" (never a zero bar), and the title says so.
    /// Hover: the source kind, where the figure is printed (basis) and how its period wording was read.
    /// </summary>
    public static GenericChart OffencesByYear(ForceProfile profile)
    {
        var known = profile.Years.Where(y => y.Value is not null).ToList();
        var missing = profile.Years.Where(y => y.Value is null).Select(y => y.Year.Label).ToList();
        var chart = CsChart.Column<long, string, string>(
            values: known.Select(y => y.Value!.Value).ToArray(),
            Keys: known.Select(y => y.Year.Label).ToArray(),
            Name: profile.Force.OfficialName,
            ShowLegend: false,
            UseDefaults: false);
        chart = ChartStyle.WithHover(chart, known.Select(y => YearHover(profile, y)).ToArray());
        chart = ValueLabelsOutside(chart);
        chart = ChartStyle.Apply(chart);
        chart = ChartStyle.CategoryAxis(chart, "xaxis", "Request year (April to April)", profile.Years.Select(y => y.Year.Label).ToArray());
        chart = ChartStyle.CountAxis(chart, "yaxis", "Offences recorded", known.Select(y => y.Value!.Value).DefaultIfEmpty(0).Max());
        if (known.Count == 0) chart = ChartStyle.WithAxis(chart, "yaxis", ("range", new[] { 0, 1 }), ("showticklabels", false));

        var subtitle = profile.SourceLabel;
        if (missing.Count > 0)
        {
            subtitle += missing.Count == profile.Years.Count ? "; yearly figures not printed" : $"; {string.Join(", ", missing)} not printed";
            if (profile.Total is { } t && known.Count == 0) subtitle += $", only the three-year total: {ChartStyle.Number(t)}";
        }
        // An empty category axis would collapse onto its end points: keep one slot per year.
        chart = ChartStyle.WithAxis(chart, "xaxis", ("range", new[] { -0.5, profile.Years.Count - 0.5 }));
        chart = ChartStyle.WithTitle(chart, $"{profile.Force.OfficialName}: TikTok-linked offences recorded, by year", subtitle);
        var notes = missing.Select(m => ChartStyle.AtCategory("not printed", m, known.Count == 0 ? 0.45 : 0.02));
        return ChartStyle.WithNotes(chart, notes, profile.Caveats.Count > 0 ? "Caveats: " + string.Join("; ", profile.Caveats) + "." : null);
    }

    /// <summary>All forces' recorded offences by request year (see <see cref="OffencesByYear(IReadOnlyList{ForceProfile})"/>).</summary>
    public static GenericChart OffencesByYear(Study study) => OffencesByYear(study.Profiles);

    /// <summary>
    /// Every force's recorded offences by request year, as grouped bars (one trace per force, named with its
    /// source kind). Only known years are drawn; forces whose yearly figures were not printed are named
    /// in the title as "not printed by year" rather than drawn. Hover: source kind, basis, period note, caveats.
    /// </summary>
    public static GenericChart OffencesByYear(IReadOnlyList<ForceProfile> profiles)
    {
        var years = profiles.SelectMany(p => p.Years.Select(y => y.Year)).Distinct().Order().Select(y => y.Label).ToArray();
        var drawn = profiles.Where(p => p.Years.Any(y => y.Value is not null)).ToList();
        var notDrawn = profiles.Except(drawn).ToList();
        var traces = new List<GenericChart>();
        foreach (var p in drawn)
        {
            var known = p.Years.Where(y => y.Value is not null).ToList();
            var trace = CsChart.Column<long, string, string>(
                values: known.Select(y => y.Value!.Value).ToArray(),
                Keys: known.Select(y => y.Year.Label).ToArray(),
                Name: $"{p.Force.OfficialName} ({ShortSource(p.Source)})",
                UseDefaults: false);
            traces.Add(ChartStyle.WithHover(trace, known.Select(y => YearHover(p, y, withForce: true)).ToArray()));
        }
        var chart = traces.Count > 0 ? CsChart.Combine(traces.ToArray()) : EmptyColumn();
        chart = ChartStyle.Apply(chart);
        chart = ChartStyle.WithLayoutProperty(chart, "barmode", StyleParam.BarMode.Group.Convert());
        chart = ChartStyle.CategoryAxis(chart, "xaxis", "Request year (April to April)", years);
        chart = ChartStyle.CountAxis(chart, "yaxis", "Offences recorded",
            drawn.SelectMany(p => p.Years).Select(y => y.Value ?? 0).DefaultIfEmpty(0).Max());
        var subtitle = notDrawn.Count == 0
            ? "Only years whose figure is printed are drawn"
            : "Not printed by year: " + string.Join(", ", notDrawn.Select(p =>
                p.Total is { } t ? $"{p.Force.OfficialName} (only a three-year total, {ChartStyle.Number(t)})" : p.Force.OfficialName));
        chart = ChartStyle.WithTitle(chart, "TikTok-linked offences recorded by year, by force", subtitle);
        return ChartStyle.WithNotes(chart, [], "Caveat: " + ComparisonCaveat);
    }

    // ---------------------------------------------------------------- (b) year bounds

    /// <summary>The possible yearly range of a force whose yearly figures were not printed (see <see cref="YearBounds(ForceProfile, SplitBounds)"/>).</summary>
    /// <exception cref="ArgumentException">Nothing printed bounds the force's years (its yearly figures are known, or no total was printed).</exception>
    public static GenericChart YearBounds(Study study, string forceId) =>
        YearBounds(study.Profile(forceId), BoundsFor(study, forceId)
            ?? throw new ArgumentException($"no year bounds for '{forceId}': its yearly figures are printed, or no total was", nameof(forceId)));

    /// <summary>
    /// The bounds on a force's yearly figures when some were not printed but a total was (<see cref="Findings.YearBounds"/>);
    /// null when every yearly figure is printed (nothing to bound) or nothing bounds them.
    /// </summary>
    public static SplitBounds? BoundsFor(Study study, string forceId) =>
        study.Profile(forceId).Years.All(y => y.Value is not null) ? null : study.YearBounds(forceId);

    /// <summary>
    /// What a printed total, rise and "rising" allow for each year, as floating range bars (base = lowest,
    /// top = highest whole-number value that year takes among the splits that fit). Titled "possible range,
    /// not data", hatched grey; the figures themselves remain unknown. customdata holds [min, max] per year.
    /// </summary>
    public static GenericChart YearBounds(ForceProfile profile, SplitBounds bounds)
    {
        var labels = profile.Years.Select(y => y.Year.Label).ToArray();
        if (bounds.PerYear.Count != labels.Length && bounds.Solutions > 0)
            throw new ArgumentException($"the bounds have {bounds.PerYear.Count} years, the profile {labels.Length}", nameof(bounds));
        var ranges = bounds.PerYear;
        var chart = CsChart.Column<long, string, string>(
            values: ranges.Select(r => r.Max - r.Min).ToArray(),
            Keys: labels.Take(ranges.Count).ToArray(),
            Name: "possible range (not data)",
            ShowLegend: false,
            UseDefaults: false);
        var pattern = new DynamicObj.DynamicObj();
        pattern.SetProperty("shape", "/");
        pattern.SetProperty("fgcolor", "#616161");
        pattern.SetProperty("bgcolor", "#eeeeee");
        var marker = new DynamicObj.DynamicObj();
        marker.SetProperty("color", "#eeeeee");
        marker.SetProperty("pattern", pattern);
        var line = new DynamicObj.DynamicObj();
        line.SetProperty("color", "#616161");
        line.SetProperty("width", 1);
        marker.SetProperty("line", line);
        var hover = ranges.Select((r, i) => PlotlyText.Lines([
            $"possible range, not data: {r.Min}–{r.Max}",
            $"the {labels[i]} figure was not printed",
            What(bounds),
        ])).ToArray();
        chart = ChartStyle.WithTraceProperties(chart,
            ("base", ranges.Select(r => r.Min).ToArray()),
            ("customdata", ranges.Select(r => new[] { r.Min, r.Max }).ToArray()),
            ("marker", marker),
            ("text", ranges.Select(r => r.ToString().Replace("-", "–", StringComparison.Ordinal)).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("hovertext", hover.Select(PlotlyText.EncodeLines).ToArray()),
            ("hovertemplate", "%{x}: %{customdata[0]}–%{customdata[1]}<br>%{hovertext}<extra></extra>"));
        chart = ChartStyle.Apply(chart);
        chart = ChartStyle.CategoryAxis(chart, "xaxis", "Request year (April to April)", labels);
        chart = ChartStyle.CountAxis(chart, "yaxis", "Offences (possible range)", ranges.Select(r => r.Max).DefaultIfEmpty(0).Max());
        var subtitle = bounds.Solutions == 0
            ? "No whole-number split fits all the printed figures"
            : $"What {What(bounds)} allow: {bounds.Solutions} whole-number splits fit";
        chart = ChartStyle.WithTitle(chart, $"{profile.Force.OfficialName}: possible range per year, not data", subtitle);
        return ChartStyle.WithNotes(chart, [],
            "The yearly figures were not printed. Each bar spans the lowest to the highest value that year takes " +
            "among the whole-number splits that fit; the figures themselves are unknown.");
    }

    // ---------------------------------------------------------------- (c), (d) offence and outcome mix

    /// <summary>A force's offences by type for a year (default: the year of the request's offences breakdown).</summary>
    public static GenericChart OffenceMix(Study study, string forceId, FinancialYear? year = null) =>
        Mix(study, forceId, Measure.Offences, year);

    /// <summary>A force's police outcomes for a year (default: the year of the request's outcomes breakdown).</summary>
    public static GenericChart OutcomeMix(Study study, string forceId, FinancialYear? year = null) =>
        Mix(study, forceId, Measure.Outcomes, year);

    /// <summary>A force's breakdown (offence types or outcomes) for a year, from <see cref="Findings.Breakdown"/>.</summary>
    public static GenericChart Mix(Study study, string forceId, Measure measure, FinancialYear? year = null)
    {
        var profile = study.Profile(forceId);
        var y = year ?? BreakdownYear(study, measure);
        var figures = study.Breakdown(profile.Force.Id, measure, y);
        var printedTotal = study.Checker.Figures.FirstOrDefault(f => f.ForceId == profile.Force.Id && f.Measure == measure
            && f.IsTotal && !f.Category.IsNone && f.Covers(y) && f.Value is not null)?.Value;
        return Mix(profile.Force, measure, y, figures, printedTotal);
    }

    /// <summary>
    /// Horizontal bars, largest at the top: one per printed category, labelled as printed, with the Home
    /// Office category it was read as (or "not a Home Office category") in the hover, plus basis and
    /// period note. Figures with no printed value are named in a note, not drawn. Without a printed
    /// total the chart says the breakdown may be partial.
    /// </summary>
    /// <param name="force">The force.</param>
    /// <param name="measure">Offences (1a) or outcomes (1b).</param>
    /// <param name="year">The year the figures cover.</param>
    /// <param name="figures">The printed category figures (e.g. <see cref="Findings.Breakdown"/>).</param>
    /// <param name="printedTotal">The breakdown's printed total, when there is one.</param>
    public static GenericChart Mix(Force force, Measure measure, FinancialYear year, IReadOnlyList<Figure> figures, long? printedTotal = null)
    {
        var drawn = figures.Where(f => f.Value is not null).OrderByDescending(f => f.Value).ToList();   // stable: ties keep print order
        var withheld = figures.Where(f => f.Value is null).Select(f => f.Category.Label).ToList();
        var labels = UniqueLabels(drawn.Select(f => PlotlyText.Encode(f.Category.Label)).ToList());
        // plotly draws the first category at the bottom: reverse so the list reads top-down.
        drawn.Reverse();
        labels.Reverse();
        var chart = CsChart.Bar<long, string, string>(
            values: drawn.Select(f => f.Value!.Value).ToArray(),
            Keys: labels.ToArray(),
            Name: measure == Measure.Offences ? "offences" : "outcomes",
            ShowLegend: false,
            UseDefaults: false);
        chart = ChartStyle.WithHover(chart, drawn.Select(f => PlotlyText.Lines([
            HomeOfficeCategory(f.Category, f.Measure),
            $"source: {SourceLabel(f.Kind)}" + (f.ArticleId.Length > 0 ? $" ({f.ArticleId})" : ""),
            $"basis: {f.Basis}",
            f.Note,
        ])).ToArray(), valueOnX: true);
        chart = ChartStyle.WithTraceProperties(chart, ("texttemplate", "%{x:,}"), ("textposition", "outside"), ("cliponaxis", false));
        chart = ChartStyle.Apply(chart);
        chart = ChartStyle.CategoryAxis(chart, "yaxis", "", labels);
        chart = ChartStyle.CountAxis(chart, "xaxis", measure == Measure.Offences ? "Offences recorded" : "Offences with this outcome",
            drawn.Select(f => f.Value!.Value).DefaultIfEmpty(0).Max());
        chart = ChartStyle.WithAxis(chart, "xaxis", ("showgrid", true));
        var what = measure == Measure.Offences ? "offences by type" : "police outcomes";
        var kinds = drawn.Select(f => SourceLabel(f.Kind)).Distinct().ToList();
        var subtitle = drawn.Count == 0
            ? $"No {(measure == Measure.Offences ? "offence-type" : "outcome")} figures printed for {year.Label}"
            : $"Labels as printed ({string.Join(", ", kinds)}); hover for the Home Office category";
        chart = ChartStyle.WithTitle(chart, $"{force.OfficialName}: {what}, {year.Label}", subtitle);
        var notes = new List<string>();
        if (drawn.Count > 0)
        {
            notes.Add(printedTotal is { } t
                ? $"Printed total: {ChartStyle.Number(t)}."
                : "No printed total: the breakdown may be partial, and its figures need not add up to the year's offences.");
        }
        var articles = drawn.Where(f => f.ArticleId.Length > 0).Select(f => f.ArticleId).Distinct().Order(StringComparer.Ordinal).ToList();
        if (articles.Count > 1)
            notes.Add($"Printed by {articles.Count} articles ({string.Join(", ", articles)}): the same offences may appear in more than one bar.");
        var inferred = drawn.Count(f => f.Note.Length > 0);
        if (inferred > 0)
            notes.Add($"{inferred} of {drawn.Count} figures were printed with loose or no period wording, read as {year.Label} (hover says how).");
        if (withheld.Count > 0) notes.Add($"No figure printed for: {string.Join(", ", withheld)}.");
        return ChartStyle.WithNotes(chart, [], notes.Count == 0 ? null : string.Join(" ", notes));
    }

    // ---------------------------------------------------------------- (e) rates

    /// <summary>Offences per 100,000 residents by force (see <see cref="RatesPer100k(IReadOnlyList{ForceProfile})"/>).</summary>
    public static GenericChart RatesPer100k(Study study) => RatesPer100k(study.Profiles);

    /// <summary>
    /// Three-year offences per 100,000 residents for every force with a known total and population, as
    /// horizontal bars, highest at the top (y = force names, x = rates); one trace per source kind (the legend says whether a figure is the force's own answer or a
    /// newspaper's). Hover: rate, total and its basis, population year, source kind and the force's caveats.
    /// A note says the rates are derived and not like-for-like.
    /// </summary>
    public static GenericChart RatesPer100k(IReadOnlyList<ForceProfile> profiles)
    {
        var withRate = profiles.Where(p => p.RatePer100k is not null)
            .OrderByDescending(p => p.RatePer100k).ThenBy(p => p.Force.Id, StringComparer.Ordinal).ToList();
        // Horizontal bars, highest at the top: plotly draws the first category at the bottom.
        var order = withRate.Select(p => PlotlyText.Encode(p.Force.OfficialName)).Reverse().ToArray();
        var traces = new List<GenericChart>();
        foreach (var kind in new[] { SourceKind.ForceResponse, SourceKind.PublishedArticle })
        {
            var group = withRate.Where(p => p.Source == kind).ToList();
            if (group.Count == 0) continue;
            var trace = CsChart.Bar<decimal, string, string>(
                values: group.Select(p => p.RatePer100k!.Value).ToArray(),
                Keys: group.Select(p => PlotlyText.Encode(p.Force.OfficialName)).ToArray(),
                Name: SourceLabel(kind),
                UseDefaults: false);
            trace = ChartStyle.WithHover(trace, group.Select(p => PlotlyText.Lines([
                $"per 100,000 residents over {YearSpan(p)} (derived)",
                $"three-year total {ChartStyle.Number(p.Total!.Value)}: {p.TotalBasis}",
                $"population {ChartStyle.Number(p.Population!.Value)} (ONS mid-{p.PopulationYear})",
                $"source: {p.SourceLabel}",
                p.Caveats.Count > 0 ? "caveats: " + string.Join("; ", p.Caveats) : "",
            ])).ToArray(), valueOnX: true);
            trace = ChartStyle.WithTraceProperties(trace, ("texttemplate", "%{x:.1f}"), ("textposition", "outside"), ("cliponaxis", false),
                ("marker", Marker(kind == SourceKind.ForceResponse ? "#0072B2" : "#56B4E9")));
            traces.Add(trace);
        }
        var chart = traces.Count > 0 ? CsChart.Combine(traces.ToArray()) : EmptyColumn();
        chart = ChartStyle.Apply(chart);
        chart = ChartStyle.WithLayoutProperty(chart, "barmode", "relative");
        chart = ChartStyle.CategoryAxis(chart, "yaxis", "", order);
        chart = ChartStyle.WithAxis(chart, "xaxis", ("title", ChartStyle.AxisTitle("Offences per 100,000 residents, three years")), ("rangemode", "tozero"));
        var span = withRate.Count > 0 ? YearSpan(withRate[0]) : "the request's years";
        // Every profile of a request has the same population year (ForceProfiles.PopulationYearFor).
        var populationYears = profiles.Select(p => p.PopulationYear).Distinct().ToList();
        var population = populationYears.Count == 1 ? $"ONS mid-{populationYears[0]}" : "ONS mid-year";
        chart = ChartStyle.WithTitle(chart, $"TikTok-linked offences per 100,000 residents, {span}",
            $"Derived: three-year total ÷ {population} population; the legend says whose figures they are");
        return ChartStyle.WithNotes(chart, [], "Not like-for-like: " + ComparisonCaveat);
    }

    // ---------------------------------------------------------------- (f) verdicts

    /// <summary>Verdict counts by article (see <see cref="VerdictsByArticle(IReadOnlyList{Claim}, IReadOnlyList{Verdict})"/>).</summary>
    public static GenericChart VerdictsByArticle(Study study) => VerdictsByArticle(study.Claims, study.Verdicts);

    /// <summary>
    /// Stacked bars: one bar per article, one trace per verdict kind present (contract names: reproduced,
    /// consistent, contradicted, not_checkable, ambiguous), in the kit's verdict colours. Hover lists the claim ids.
    /// Claims and verdicts are matched by claim id.
    /// </summary>
    public static GenericChart VerdictsByArticle(IReadOnlyList<Claim> claims, IReadOnlyList<Verdict> verdicts)
    {
        var byId = verdicts.GroupBy(v => v.ClaimId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = claims.Where(c => byId.ContainsKey(c.ClaimId)).Select(c => (c.ArticleId, c.ClaimId, byId[c.ClaimId].Kind)).ToList();
        var articles = rows.Select(r => r.ArticleId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var traces = new List<GenericChart>();
        foreach (var kind in Enum.GetValues<VerdictKind>())
        {
            if (!rows.Any(r => r.Kind == kind)) continue;
            var counts = articles.Select(a => rows.Count(r => r.ArticleId == a && r.Kind == kind)).ToArray();
            var trace = CsChart.Column<int, string, string>(values: counts, Keys: articles, Name: kind.ToContract(), UseDefaults: false);
            trace = ChartStyle.WithHover(trace, articles.Select(a => PlotlyText.Lines([
                kind.ToContract(),
                PlotlyText.Wrap(string.Join(", ", rows.Where(r => r.ArticleId == a && r.Kind == kind).Select(r => r.ClaimId)), 60),
            ])).ToArray());
            traces.Add(ChartStyle.WithTraceProperties(trace, ("marker", Marker(VerdictColors[kind]))));
        }
        var chart = traces.Count > 0 ? CsChart.Combine(traces.ToArray()) : EmptyColumn();
        chart = ChartStyle.Apply(chart);
        chart = ChartStyle.WithLayoutProperty(chart, "barmode", StyleParam.BarMode.Stack.Convert());
        chart = ChartStyle.CategoryAxis(chart, "xaxis", "Article", articles);
        chart = ChartStyle.WithAxis(chart, "xaxis", ("tickangle", -20));
        chart = ChartStyle.CountAxis(chart, "yaxis", "Claims", articles.Select(a => rows.Count(r => r.ArticleId == a)).DefaultIfEmpty(0).Max());
        return ChartStyle.WithTitle(chart, "Verdicts on each article's claims",
            "reproduced and contradicted need the force's own answer; an article's own figures can only make a claim consistent");
    }

    // ---------------------------------------------------------------- shared wording and helpers

    /// <summary>The caveat every comparison of forces carries.</summary>
    public const string ComparisonCaveat =
        "forces searched their own records for the word TikTok in their own ways, and most figures here are as newspapers printed them, " +
        "not the forces' own answers. See each force's method notes and caveats.";

    /// <summary>"force's own response" or "newspaper article figures".</summary>
    public static string SourceLabel(SourceKind kind) => kind == SourceKind.ForceResponse ? "force's own response" : "newspaper article figures";

    /// <summary>What a printed category was read as, in Home Office terms (or why it is none).</summary>
    public static string HomeOfficeCategory(Category c, Measure measure)
    {
        if (measure == Measure.Offences)
        {
            return c.Level switch
            {
                CategoryLevel.Code => $"Home Office offence {c.Code}: {c.Name} (subgroup {c.Subgroup}; group {c.Group})",
                CategoryLevel.Subgroup => $"Home Office offence subgroup: {c.Subgroup} (group {c.Group})",
                CategoryLevel.Group => $"Home Office offence group: {c.Group}",
                _ => "not a Home Office offence category (kept as printed)",
            };
        }
        return c.Level switch
        {
            CategoryLevel.Code => $"Home Office outcome {c.Code}: {c.Name}",
            CategoryLevel.Subgroup => $"Home Office outcome group: {c.Subgroup} (broad group {c.Group})",
            CategoryLevel.Group => $"broad outcome group (the kit's, not the Home Office's): {c.Group}",
            _ => "not matched to a Home Office outcome (kept as printed)",
        };
    }

    /// <summary>The year of the request's by-category question for a measure (2023/24 here), else the latest year.</summary>
    public static FinancialYear BreakdownYear(Study study, Measure measure) =>
        study.Request.Questions.Values.Where(q => q.Measure == measure && q.Period is not null).Select(q => q.Period!.Value).FirstOrDefault(
            study.Request.Questions.Values.Where(q => q.Period is not null).Select(q => q.Period!.Value).FirstOrDefault(study.Periods.Latest));

    private static string YearHover(ForceProfile p, YearFigure y, bool withForce = false) => PlotlyText.Lines([
        withForce ? p.Force.OfficialName : "",
        $"source: {p.SourceLabel}",
        $"basis: {y.Basis}",
        y.Note,
        withForce && p.Caveats.Count > 0 ? "caveats: " + string.Join("; ", p.Caveats) : "",
    ]);

    private static string What(SplitBounds b)
    {
        var parts = new List<string> { $"the printed total {ChartStyle.Number(b.Total)}" };
        if (b.GrowthPct is { } g) parts.Add($"the {g.ToString(Inv)}% rise");
        if (b.Rising) parts.Add("\"rising every year\"");
        return parts.Count switch
        {
            1 => parts[0],
            2 => $"{parts[0]} and {parts[1]}",
            _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
        };
    }

    private static string YearSpan(ForceProfile p) =>
        p.Years.Count == 0 ? "the request's years" : $"{p.Years[0].Year.Label} to {p.Years[^1].Year.Label}";

    private static string ShortSource(SourceKind kind) => kind == SourceKind.ForceResponse ? "own response" : "newspaper figures";

    private static GenericChart ValueLabelsOutside(GenericChart chart) =>
        ChartStyle.WithTraceProperties(chart, ("texttemplate", "%{y:,}"), ("textposition", "outside"), ("cliponaxis", false));

    private static DynamicObj.DynamicObj Marker(string color)
    {
        var m = new DynamicObj.DynamicObj();
        m.SetProperty("color", color);
        return m;
    }

    private static GenericChart EmptyColumn() =>
        CsChart.Column<long, string, string>(values: Array.Empty<long>(), Keys: Array.Empty<string>(), ShowLegend: false, UseDefaults: false);

    /// <summary>Category axes merge equal labels: keep each bar by numbering repeats ("harassment (2)").</summary>
    private static List<string> UniqueLabels(IReadOnlyList<string> labels)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>(labels.Count);
        foreach (var l in labels)
        {
            seen[l] = seen.GetValueOrDefault(l) + 1;
            result.Add(seen[l] == 1 ? l : $"{l} ({seen[l]})");
        }
        return result;
    }
}
