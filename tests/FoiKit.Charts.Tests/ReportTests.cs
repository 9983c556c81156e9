using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Pipeline;
using Plotly.NET;

namespace FoiKit.Charts.Tests;

/// <summary>report.html tells the whole story, offline, escaped and byte for byte the same each run.</summary>
public class ReportTests
{
    private static Study S => Repo.Study;

    private static string Html => Repo.ReportHtml;

    private static readonly Lazy<string> LazyText = new(() => Page.Text(Repo.ReportHtml));

    private static string Text => LazyText.Value;

    [Fact]
    public void Every_seed_figure_appears_with_its_verdict_computed_value_basis_and_note()
    {
        var pairs = S.ClaimsOf(StoryFigures.SeedArticleId);
        Assert.Equal(16, pairs.Count);
        foreach (var (claim, verdict) in pairs)
        {
            var row = Regex.Match(Html, $"<tr><td>{Regex.Escape(claim.ClaimId)}</td>.*?</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, $"no table row for {claim.ClaimId}");
            var text = Page.Text(row.Value);
            Assert.Contains(verdict.Claimed, text);
            Assert.Contains(verdict.Kind.ToContract(), text);
            Assert.Contains(verdict.Basis, text);
            Assert.Contains(verdict.Note, text);
            Assert.Contains(verdict.Computed.Length > 0 ? verdict.Computed : "unknown", text);
        }
    }

    [Fact]
    public void The_seed_articles_printed_figures_and_what_they_allow_are_there()
    {
        foreach (var printed in new[] { "more than 500", "513", "73%", "108", "32", "55", "44", "12", "7" })
            Assert.Contains(printed, Text);
        Assert.Contains("What the data cannot support (13 of 16)", Text);
        Assert.Contains("28 whole-number splits fit; 2021/22 116-137, 2022/23 139-196, 2023/24 201-237", Text);
        Assert.Contains("possible range, not data", Text);
        // The figures the data cannot support read "unknown", with the reason.
        Assert.Matches(@"513 \(cambs-04\): unknown \(not_checkable\)\. Why: 'since 2021' read as", Text);
        Assert.Matches(@"32 \(cambs-07\): unknown \(ambiguous\)\. Why: 'violent crimes' is not a Home Office offences category", Text);
    }

    [Fact]
    public void Every_force_section_carries_its_figures_sources_method_notes_and_caveats()
    {
        foreach (var p in S.Profiles)
        {
            var start = Html.IndexOf($"<h3 id=\"force-{p.Force.Id}\">", StringComparison.Ordinal);
            Assert.True(start >= 0, p.Force.Id);
            var end = Html.IndexOf("<h3 ", start + 5, StringComparison.Ordinal);
            var section = Page.Text(Html[start..(end < 0 ? Html.Length : end)]);
            Assert.Contains(p.MethodNotes, section);
            Assert.All(p.Caveats, c => Assert.Contains(c, section));
            foreach (var y in p.Years)
                Assert.Contains(y.Value is { } v ? $"{y.Year.Label} {v:#,0} {y.Basis}" : $"{y.Year.Label} not printed", section);
            Assert.All(p.Documents, d => Assert.Contains($"href=\"{d.SourceUrl}\"", Html));
        }
    }

    [Fact]
    public void The_comparison_of_forces_shows_each_forces_method_notes_and_caveats()
    {
        var start = Html.IndexOf("<h2 id=\"comparison\">", StringComparison.Ordinal);
        var end = Html.IndexOf("<h2 ", start + 5, StringComparison.Ordinal);
        var section = Page.Text(Html[start..end]);
        Assert.Contains("fig-offences-by-year", Html[start..end]);
        Assert.Contains("fig-rates-per-100k", Html[start..end]);
        foreach (var p in S.Profiles)
        {
            Assert.Contains(p.MethodNotes, section);
            Assert.All(p.Caveats, c => Assert.Contains(c, section));
        }
    }

    [Fact]
    public void Coverage_and_totals_audit_tables_are_there()
    {
        Assert.Contains("data/responses/dorset.json", Text);
        Assert.Contains("data/articles/shropshire-star__west-mercia.json", Text);
        Assert.Contains("No usable figures: West Mercia Police", Text);
        foreach (var t in S.Totals) Assert.Contains(t.Status, Text);
        Assert.Contains("Total 46 46 3 0 matches the parts", Text);
    }

    [Fact]
    public void The_seed_articles_breakdown_gap_allows_for_categories_that_may_overlap()
    {
        // By hand: 108 + 32 + 5 + 13 = 158 printed offence types; the 32 "violent crimes" are no Home Office
        // category and may lie inside the others, so they cover as few as 108 + 5 + 13 = 126. Against 201-237
        // for 2023/24 the gap runs from 201 - 158 = 43 to 237 - 126 = 111. The outcomes (18 + 55 + 44 + 12 + 12 + 7
        // = 148) are Home Office types side by side: 201 - 148 = 53 to 237 - 148 = 89.
        Assert.Contains("add up to 158, or cover as few as 126 if they overlap ('violent crimes' is not a Home Office category", Text);
        Assert.Contains("so 43-111 are not accounted for", Text);
        Assert.Contains("add up to 148; 2023/24 had between 201 and 237 offences", Text);
        Assert.Contains("so 53-89 are not accounted for", Text);
    }

    [Fact]
    public void The_national_total_is_shown_both_ways_with_the_known_forces_and_labelled_illustrations()
    {
        Assert.Contains("more than 140,000, printed by blackpool-gazette-lancashire, hemel-today-hertfordshire, tenby-today-dyfed-powys", Text);
        Assert.Contains("more than 14,000, printed by shropshire-star-west-mercia", Text);
        var n = S.National;
        Assert.Contains($"{n.KnownForces} of the {n.TerritorialForces} territorial forces: together {n.KnownTotal:#,0}", Text);
        Assert.Contains("Illustration, not an estimate.", Text);
        Assert.Contains($"about {n.IfAllAtLowestRate:#,0}", Text);
        Assert.Contains($"about {n.IfAllAtHighestRate:#,0}", Text);
        Assert.Contains("More than 140,000 is above even the highest-rate illustration", Text);
        Assert.Contains("More than 14,000 lies within the illustrated range", Text);
    }

    [Fact]
    public void Every_other_articles_verdicts_are_there()
    {
        foreach (var article in S.Claims.Select(c => c.ArticleId).Distinct().Where(a => a != StoryFigures.SeedArticleId))
        {
            Assert.Contains($"<h3 id=\"article-{article}\">", Html);
            foreach (var (claim, verdict) in S.ClaimsOf(article))
            {
                var row = Regex.Match(Html, $"<tr><td>{Regex.Escape(claim.ClaimId)}</td>.*?</tr>", RegexOptions.Singleline);
                Assert.True(row.Success, claim.ClaimId);
                Assert.Contains(verdict.Kind.ToContract(), row.Value);
                Assert.Contains(verdict.Note, Page.Text(row.Value));
            }
        }
    }

    [Fact]
    public void Every_figure_is_drawn_once_from_one_inlined_plotly_js()
    {
        Assert.Single(Regex.Matches(Html, @"plotly\.js v2\.28\.0"));
        var drawing = Html[Html.LastIndexOf("window.foiChartsReady", StringComparison.Ordinal)..];
        Assert.Equal(Repo.Figures.Count, Regex.Matches(drawing, @"Plotly\.newPlot\(").Count);
        foreach (var f in Repo.Figures)
            Assert.Single(Regex.Matches(Html, $"<div id=\"{Regex.Escape(f.ElementId)}\""));
        Assert.DoesNotContain("require.js", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("requirejs", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("window.foiChartsReady = Promise.all", Html);
    }

    [Fact]
    public void The_report_loads_nothing_from_the_network_but_links_to_its_sources()
    {
        Assert.Empty(ChartPage.FindRemoteReferences(Html));
        // Navigational links to the sources are expected, and not counted as loads.
        Assert.Contains("<a href=\"https://www.peterboroughtoday.co.uk/", Html);
        Assert.Contains("<a href=\"https://www.dorset.police.uk/", Html);
    }

    [Fact]
    public void The_checker_catches_plotly_nets_default_cdn_page()
    {
        var chart = StoryCharts.OffencesByYear(S, "dorset");
        var found = ChartPage.FindRemoteReferences(GenericChart.toEmbeddedHTML(chart));
        Assert.Contains(found, r => r.Contains("cdn.plot.ly", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>", "cdn.plot.ly")]
    [InlineData("<script src='//cdnjs.cloudflare.com/require.js'></script>", "cdnjs.cloudflare.com")]
    [InlineData("<script src=\"plotly.min.js\"></script>", "plotly.min.js")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://fonts.example.org/a.css\">", "fonts.example.org")]
    [InlineData("<img alt=x src=https://example.org/a.png>", "example.org/a.png")]
    [InlineData("<img srcset=\"a.png 1x, https://example.org/b.png 2x\">", "example.org/b.png")]
    [InlineData("<svg><image href=\"https://example.org/i.svg\"/></svg>", "example.org/i.svg")]
    [InlineData("<iframe src=\"http://example.org/\"></iframe>", "example.org")]
    [InlineData("<div style=\"background:url('https://example.org/bg.png')\"></div>", "example.org/bg.png")]
    [InlineData("<style>@import \"https://example.org/x.css\"; body{background:url(//example.org/y.png)}</style>", "example.org/x.css")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/\">", "example.org")]
    [InlineData("<base href=\"https://example.org/\">", "example.org")]
    [InlineData("<script>var s=document.createElement('script');s.setAttribute(\"src\", \"https://cdnjs.example.org/r.js\");</script>", "cdnjs.example.org")]
    [InlineData("<script>fetch('https://api.example.org/data.json')</script>", "api.example.org")]
    [InlineData("<script type=\"module\">import Plotly from \"https://esm.example.org/plotly.js\";</script>", "esm.example.org")]
    [InlineData("<script>import('https://esm.example.org/m.js')</script>", "esm.example.org")]
    public void The_checker_catches_each_kind_of_remote_load(string html, string expected)
    {
        var found = ChartPage.FindRemoteReferences("<html><body>" + html + "</body></html>");
        Assert.Contains(found, r => r.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<a href=\"https://www.dorset.police.uk/foi\">Dorset's answer</a>")]
    [InlineData("<a href='http://example.org/'>x</a> <area href=\"https://example.org/map\">")]
    [InlineData("<form action=\"https://example.org/search\"></form>")]
    [InlineData("<p>See https://example.org/ for more; src=https://example.org is only text here.</p>")]
    [InlineData("<script>var help = \"https://plotly.com/\"; a.href = \"https://plotly.com/\";</script>")]
    [InlineData("<a href=\"#national\">national</a><img src=\"figures/x.png\">")]
    public void The_checker_lets_links_text_and_local_files_be(string html)
    {
        Assert.Empty(ChartPage.FindRemoteReferences("<html><body>" + html + "</body></html>"));
    }

    [Fact]
    public void All_text_is_html_escaped()
    {
        // A label with quotes as printed, and an ampersand in Dorset's method notes.
        Assert.Contains("victim did support police action but &#39;evidential difficulties&#39;", Html);
        Assert.Contains("Performance &amp; Analysis Department", Html);
        Assert.DoesNotContain("Performance & Analysis", Html);
        // Captions go through the same escaping.
        var figure = new StoryFigure("escape-test", FigureSection.Comparison, null, StoryCharts.OffencesByYear(S, "dorset"), "<script>alert(1)</script> & more");
        var page = ChartPage.FiguresOnly("<Title>", [figure]);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", page);
        Assert.Contains("<title>&lt;Title&gt;</title>", page);
        Assert.DoesNotContain("<script>alert(1)", page);
    }

    [Fact]
    public void Chart_json_inside_the_page_cannot_end_its_script_element()
    {
        Assert.Equal("\"<\\/script>\"", ChartPage.ScriptSafe("\"</script>\""));
        var script = Html[Html.LastIndexOf("window.foiChartsReady", StringComparison.Ordinal)..];
        Assert.Single(Regex.Matches(script, "</script>"));
    }

    [Fact]
    public async Task Two_writes_of_the_report_are_byte_identical()
    {
        var a = Directory.CreateTempSubdirectory("foikit-report-a-");
        var b = Directory.CreateTempSubdirectory("foikit-report-b-");
        try
        {
            var options = new ReportOptions { ExportFigures = false };
            var first = await ReportWriter.WriteAsync(Study.Load(Repo.Data), a.FullName, options);
            var second = await ReportWriter.WriteAsync(Study.Load(Repo.Data), b.FullName, options);
            var bytes = await File.ReadAllBytesAsync(first.ReportPath);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(second.ReportPath));
            Assert.Equal([first.ReportPath], first.FilesWritten);
            Assert.False(first.FiguresRendered);
            Assert.Empty(first.RemoteReferences);
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            // Nothing that changes with time or place: no checkout path, no temp folder, no date stamps.
            Assert.DoesNotContain(Repo.Root, html);
            Assert.DoesNotContain(a.FullName, html);
            Assert.Equal(Html, html);
        }
        finally
        {
            a.Delete(recursive: true);
            b.Delete(recursive: true);
        }
    }
}
