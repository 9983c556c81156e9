using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Charts.Tests;

/// <summary>The story charts carry the real data's values, named sources and the house style.</summary>
public class StoryChartsTests
{
    private static readonly string[] Years = ["2021/22", "2022/23", "2023/24"];

    private static Study S => Repo.Study;

    [Fact]
    public void Dorset_by_year_is_one_bar_trace_with_its_printed_figures()
    {
        var c = Json.Of(StoryCharts.OffencesByYear(S, "dorset"));
        Assert.Equal(1, c.TraceCount());
        var t = c.Trace(0);
        Assert.Equal("bar", t.Str("type"));
        Assert.Equal(Years, t.Strings("x"));
        Assert.Equal([14L, 16L, 16L], t.Longs("y"));   // checked by hand against dorset.json
        // ... and the same as the library's profile, not typed again.
        Assert.Equal(S.Profile("dorset").Years.Select(y => y.Value!.Value), t.Longs("y"));
        Assert.Contains("Dorset Police", c.Title());
        Assert.Contains("force_response: dorset 1 row 1", t.Strings("hovertext")[0]);
        Assert.Contains("force's own response", t.Strings("hovertext")[0]);
        Assert.Equal("category", c.Layout().GetProperty("xaxis").Str("type"));
        Assert.DoesNotContain("not printed", c.Annotations());
    }

    [Fact]
    public void Hertfordshire_by_year_shows_the_newspaper_figures_and_how_their_periods_were_read()
    {
        var c = Json.Of(StoryCharts.OffencesByYear(S, "hertfordshire"));
        var t = c.Trace(0);
        Assert.Equal(Years, t.Strings("x"));
        Assert.Equal([37L, 63L, 88L], t.Longs("y"));
        var hover = t.Strings("hovertext");
        Assert.Contains("newspaper article figures", hover[0]);
        Assert.Contains("'2021' printed for 2021/22", hover[0]);
        Assert.Contains("'This year so far' printed for 2023/24", hover[2]);
    }

    [Fact]
    public void Cambridgeshire_by_year_draws_no_bar_and_says_not_printed_rather_than_zero()
    {
        var c = Json.Of(StoryCharts.OffencesByYear(S, "cambridgeshire"));
        var t = c.Trace(0);
        Assert.Empty(t.Strings("x"));
        Assert.Empty(t.Longs("y"));
        Assert.Contains("not printed", c.Title());
        Assert.Contains("513", c.Title());
        Assert.Equal(3, c.Annotations().Count(a => a == "not printed"));
        // Every year still has its slot on the category axis.
        Assert.Equal(Years, c.Layout().GetProperty("xaxis").Strings("categoryarray"));
    }

    [Fact]
    public void All_forces_by_year_are_grouped_bars_of_known_years_only()
    {
        var c = Json.Of(StoryCharts.OffencesByYear(S));
        Assert.Equal("group", c.Layout().Str("barmode"));
        var traces = c.Traces();
        Assert.All(traces, t => Assert.Equal("bar", t.Str("type")));
        var byName = traces.ToDictionary(t => t.Str("name"));
        Assert.Equal([14L, 16L, 16L], byName["Dorset Police (own response)"].Longs("y"));
        Assert.Equal([37L, 63L, 88L], byName["Hertfordshire Constabulary (newspaper figures)"].Longs("y"));
        Assert.Equal([71L, 66L, 98L], byName["Lancashire Constabulary (newspaper figures)"].Longs("y"));
        Assert.Equal([22L, 42L, 42L], byName["Dyfed-Powys Police (newspaper figures)"].Longs("y"));
        // Cambridgeshire printed no yearly figure: not drawn (no zero bars), named in the title instead.
        Assert.DoesNotContain(traces, t => t.Str("name").StartsWith("Cambridgeshire", StringComparison.Ordinal));
        Assert.All(traces, t => Assert.All(t.Longs("y"), v => Assert.True(v > 0)));
        Assert.Contains("Not printed by year: Cambridgeshire Constabulary", c.Title());
        Assert.Contains(c.Annotations(), a => a.Contains("method notes and caveats", StringComparison.Ordinal));
        Assert.Contains(byName["Lancashire Constabulary (newspaper figures)"].Strings("hovertext"), h => h.Contains("published_article: lancashire 1 row 1"));
    }

    [Fact]
    public void Cambridgeshire_year_bounds_are_range_bars_titled_possible_range_not_data()
    {
        var chart = StoryCharts.YearBounds(S, "cambridgeshire");
        var c = Json.Of(chart);
        var t = c.Trace(0);
        Assert.Equal("bar", t.Str("type"));
        Assert.Equal(Years, t.Strings("x"));
        var lo = t.Longs("base");
        var hi = lo.Zip(t.Longs("y"), (b, h) => b + h).ToArray();
        // Checked by hand: 513 in total, +73% first to last year, rising every year.
        Assert.Equal([116L, 139L, 201L], lo);
        Assert.Equal([137L, 196L, 237L], hi);
        var bounds = S.YearBounds("cambridgeshire")!;
        Assert.Equal(bounds.PerYear.Select(r => r.Min), lo);
        Assert.Equal(bounds.PerYear.Select(r => r.Max), hi);
        Assert.Equal([[116L, 137L], [139L, 196L], [201L, 237L]],
            t.GetProperty("customdata").EnumerateArray().Select(p => p.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray());
        Assert.Contains("possible range per year, not data", c.Title());
        Assert.Contains("513", c.Title());
        Assert.Contains("73%", c.Title());
        Assert.Contains("28 whole-number splits", c.Title());
        Assert.Equal("/", t.GetProperty("marker").GetProperty("pattern").Str("shape"));
        Assert.All(t.Strings("hovertext"), h => Assert.Contains("not data", h));
    }

    [Fact]
    public void Year_bounds_of_a_force_whose_years_are_known_is_refused_with_a_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => StoryCharts.YearBounds(S, "dorset"));
        Assert.Contains("dorset", e.Message);
    }

    [Fact]
    public void Offence_mix_is_horizontal_with_labels_as_printed_and_the_home_office_category_in_hover()
    {
        var c = Json.Of(StoryCharts.OffenceMix(S, "cambridgeshire"));
        var t = c.Trace(0);
        Assert.Equal("h", t.Str("orientation"));
        // Largest at the top: plotly draws the first category at the bottom.
        Assert.Equal(["rape", "other sexual offences", "violent crimes", "stalking and harassment"], t.Strings("y"));
        Assert.Equal([5L, 13L, 32L, 108L], t.Longs("x"));
        var printed = S.Breakdown("cambridgeshire", Measure.Offences, new FinancialYear(2023));
        Assert.Equal(printed.Select(f => f.Category.Label).Order(), t.Strings("y").Order());
        var hover = t.Strings("y").Zip(t.Strings("hovertext")).ToDictionary(p => p.First, p => p.Second);
        Assert.Contains("Home Office offence subgroup: Stalking and harassment", hover["stalking and harassment"]);
        Assert.Contains("not a Home Office offence category", hover["violent crimes"]);
        Assert.Contains("published_article: cambridgeshire 1a row 2", hover["violent crimes"]);
        Assert.Equal("category", c.Layout().GetProperty("yaxis").Str("type"));
        Assert.Contains("2023/24", c.Title());
        Assert.Contains(c.Annotations(), a => a.Contains("may be partial", StringComparison.Ordinal));
    }

    [Fact]
    public void Outcome_mix_shows_each_printed_outcome_with_its_home_office_outcome()
    {
        var c = Json.Of(StoryCharts.OutcomeMix(S, "cambridgeshire"));
        var t = c.Trace(0);
        Assert.Equal("h", t.Str("orientation"));
        Assert.Equal([7L, 12L, 12L, 18L, 44L, 55L], t.Longs("x"));
        var hover = t.Strings("y").Zip(t.Strings("hovertext")).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(55, t.Longs("x")[Array.IndexOf(t.Strings("y"), "victim not supporting police action")]);
        Assert.Contains("Home Office outcome 18", hover["failed to identify the suspect"]);
        Assert.Contains("Home Office outcome 1: Charged/Summonsed", hover["charge or summons"]);
        Assert.Contains("no period printed", hover["charge or summons"]);
    }

    [Fact]
    public void Dorset_outcome_mix_says_nothing_was_printed_and_draws_nothing()
    {
        var c = Json.Of(StoryCharts.OutcomeMix(S, "dorset"));
        Assert.Empty(c.Trace(0).Longs("x"));
        Assert.Contains("No outcome figures printed", c.Title());
    }

    [Fact]
    public void Rates_per_100k_are_the_profiles_rates_by_source_kind_with_a_caveat()
    {
        var c = Json.Of(StoryCharts.RatesPer100k(S));
        var traces = c.Traces();
        Assert.Equal(["force's own response", "newspaper article figures"], traces.Select(t => t.Str("name")));
        var drawn = traces.SelectMany(t => t.Strings("y").Zip(t.Decimals("x"))).ToDictionary(p => p.First, p => p.Second);
        foreach (var p in S.Profiles.Where(p => p.RatePer100k is not null))
            Assert.Equal(p.RatePer100k, drawn[p.Force.OfficialName]);
        Assert.Equal(5.8m, drawn["Dorset Police"]);            // 46 / 798,914 residents
        Assert.Equal(54.9m, drawn["Cambridgeshire Constabulary"]); // 513 / 933,972
        Assert.All(traces, t => Assert.Equal("h", t.Str("orientation")));
        var newspaper = traces[1].Strings("hovertext");
        Assert.All(newspaper, h => Assert.Contains("source: newspaper article figures", h));
        Assert.Contains(newspaper, h => h.Contains("printed total (published_article: cambridgeshire 1 row 1)"));
        Assert.Contains(c.Annotations(), a => a.StartsWith("Not like-for-like", StringComparison.Ordinal));
        Assert.Equal("category", c.Layout().GetProperty("yaxis").Str("type"));
        // Highest at the top.
        Assert.Equal("Cambridgeshire Constabulary", c.Layout().GetProperty("yaxis").Strings("categoryarray")[^1]);
    }

    [Fact]
    public void Verdicts_by_article_stack_the_verdict_counts_of_every_article()
    {
        var c = Json.Of(StoryCharts.VerdictsByArticle(S));
        Assert.Equal("stack", c.Layout().Str("barmode"));
        var traces = c.Traces();
        var articles = S.Claims.Select(x => x.ArticleId).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var t in traces)
        {
            Assert.Equal(articles, t.Strings("x"));
            var kind = Enum.GetValues<VerdictKind>().Single(k => k.ToContract() == t.Str("name"));
            var expected = articles.Select(a => (long)S.ClaimsOf(a).Count(p => p.Verdict.Kind == kind));
            Assert.Equal(expected, t.Longs("y"));
        }
        Assert.Equal(S.Verdicts.Count, traces.Sum(t => t.Longs("y").Sum()));
        var notCheckable = traces.Single(t => t.Str("name") == "not_checkable");
        Assert.Equal(12, notCheckable.Longs("y")[Array.IndexOf(articles, "peterborough-today-cambridgeshire")]);
    }

    [Fact]
    public void Every_figure_uses_the_house_style_not_the_plotly_net_template()
    {
        foreach (var f in Repo.Figures)
        {
            var c = Json.Of(f.Chart);
            var layout = c.Layout();
            Assert.False(layout.TryGetProperty("template", out _), f.Name);
            Assert.True(layout.GetProperty("xaxis").GetProperty("automargin").GetBoolean(), f.Name);
            Assert.True(layout.GetProperty("yaxis").GetProperty("automargin").GetBoolean(), f.Name);
            Assert.False(c.GetProperty("config").GetProperty("displaylogo").GetBoolean(), f.Name);
            Assert.Contains(new[] { "xaxis", "yaxis" }, a => layout.GetProperty(a).TryGetProperty("type", out var t) && t.GetString() == "category");
            Assert.False(string.IsNullOrWhiteSpace(c.Title()), f.Name);
        }
    }

    [Fact]
    public void Chart_json_is_the_same_when_built_twice()
    {
        Assert.Equal(ChartJson.ToJson(StoryCharts.OffencesByYear(S)), ChartJson.ToJson(StoryCharts.OffencesByYear(S)));
        Assert.Equal(ChartJson.ToJson(StoryCharts.YearBounds(S, "cambridgeshire")), ChartJson.ToJson(StoryCharts.YearBounds(S, "cambridgeshire")));
    }

    [Fact]
    public void Figure_names_are_unique_and_the_story_figures_are_there()
    {
        var names = Repo.Figures.Select(f => f.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(
            ["cambridgeshire-year-bounds", "cambridgeshire-offence-mix", "cambridgeshire-outcome-mix", "offences-by-year", "rates-per-100k"],
            names.Take(5));
        Assert.Equal("verdicts-by-article", names[^1]);
        Assert.All(S.Profiles, p => Assert.Contains($"{p.Force.Id}-offences-by-year", names));
        Assert.All(Repo.Figures, f => Assert.False(string.IsNullOrWhiteSpace(f.Caption)));
    }

    [Fact]
    public void Plotly_text_is_encoded_so_a_printed_label_cannot_become_markup()
    {
        Assert.Equal("&lt;18s &amp; adults", PlotlyText.Encode("<18s & adults"));
        Assert.Equal("a&lt;b<br>c", PlotlyText.EncodeLines("a<b\nc"));
        Assert.Equal("one two\nthree", PlotlyText.Wrap("one two three", 8));
    }

    [Fact]
    public void A_force_added_to_a_study_in_a_cell_reaches_the_charts_data()
    {
        // The SYNTHETIC Northumbria answer (40, 55, 70: total 165) added to the shipped study, as a notebook cell would.
        var dir = Path.Combine(Path.GetTempPath(), "foikit-charts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var folder = FoiKit.Tests.SyntheticStudyFolder.Write(dir);
            var study = Study.Load(FoiKit.Tests.Shipped.Folder).With(Path.Combine(folder, "responses", "northumbria.json"));

            var byYear = Json.Of(StoryCharts.OffencesByYear(study, "northumbria")).Trace(0);
            Assert.Equal(Years, byYear.Strings("x"));
            Assert.Equal([40L, 55L, 70L], byYear.Longs("y"));

            var all = Json.Of(StoryCharts.OffencesByYear(study));
            Assert.Contains(all.Traces(), t => t.Str("name") == "Northumbria Police (own response)" && t.Longs("y").SequenceEqual([40L, 55L, 70L]));

            var rates = Json.Of(StoryCharts.RatesPer100k(study)).Traces();
            var own = rates.Single(t => t.Str("name") == "force's own response");
            var drawn = own.Strings("y").Zip(own.Decimals("x")).ToDictionary(p => p.First, p => p.Second);
            Assert.Equal(study.Profile("northumbria").RatePer100k, drawn["Northumbria Police"]);
            Assert.Equal(5.8m, drawn["Dorset Police"]); // the shipped force is still drawn beside it
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
