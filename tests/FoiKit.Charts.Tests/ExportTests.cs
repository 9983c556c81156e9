using System.Diagnostics;
using System.Xml.Linq;
using FoiKit.Charts.Export;

namespace FoiKit.Charts.Tests;

/// <summary>
/// PNG and SVG export with one headless Chromium. Skipped, saying why, where no browser is installed
/// (Debian: apt-get install chromium, or set FOIKIT_BROWSER).
/// </summary>
public class ExportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static string RequireBrowser()
    {
        var path = BrowserLocator.Find(out var reason);
        Skip.If(path is null, "No browser for figure export on this machine: " + reason);
        return path!;
    }

    [SkippableFact]
    public async Task Report_writer_renders_every_figure_as_png_and_svg_with_one_browser()
    {
        RequireBrowser();
        var dir = Directory.CreateTempSubdirectory("foikit-export-");
        var profilesBefore = ChromiumProfiles();
        try
        {
            var progress = new StringWriter();
            var result = await ReportWriter.WriteAsync(Repo.Study, dir.FullName, progress);
            Assert.True(result.FiguresRendered, result.BrowserMessage + "\n" + progress);
            Assert.Equal(1 + 2 * result.Figures.Count, result.FilesWritten.Count);
            Assert.Single(Regex().Matches(progress.ToString()));   // one browser start for all figures
            foreach (var f in result.Figures)
            {
                var png = Path.Combine(dir.FullName, "figures", f.Name + ".png");
                var svg = Path.Combine(dir.FullName, "figures", f.Name + ".svg");
                var bytes = await File.ReadAllBytesAsync(png);
                Assert.True(bytes.Length > 1000, f.Name);
                Assert.Equal(PngSignature, bytes[..8]);
                // 960×540 at scale 2: the IHDR width and height.
                Assert.Equal(1920, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
                Assert.Equal(1080, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
                var doc = XDocument.Parse(await File.ReadAllTextAsync(svg));
                Assert.Equal("svg", doc.Root!.Name.LocalName);
            }
            // The chart text made it into the vector file.
            Assert.Contains("possible range per year, not data", await File.ReadAllTextAsync(Path.Combine(dir.FullName, "figures", "cambridgeshire-year-bounds.svg")));
            Assert.True(result.Timings.BrowserStart > TimeSpan.Zero);
            Assert.All(result.Exported, e => Assert.True(e.DrawTime > TimeSpan.Zero && e.WriteTime > TimeSpan.Zero));
            // The browser's temporary profile is gone once the export returns.
            Assert.Empty(ChromiumProfiles().Except(profilesBefore));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Svg_export_is_the_same_bytes_every_run()
    {
        RequireBrowser();
        var figures = Repo.Figures.Where(f => f.Name is "cambridgeshire-year-bounds" or "offences-by-year").ToList();
        var a = Directory.CreateTempSubdirectory("foikit-svg-a-");
        var b = Directory.CreateTempSubdirectory("foikit-svg-b-");
        try
        {
            var first = await FigureExporter.ExportAsync(figures, a.FullName);
            var second = await FigureExporter.ExportAsync(figures, b.FullName);
            Assert.True(first.Rendered, first.Message);
            Assert.True(second.Rendered, second.Message);
            foreach (var f in figures)
            {
                var svgA = await File.ReadAllBytesAsync(Path.Combine(a.FullName, f.Name + ".svg"));
                Assert.Equal(svgA, await File.ReadAllBytesAsync(Path.Combine(b.FullName, f.Name + ".svg")));
            }
        }
        finally
        {
            a.Delete(recursive: true);
            b.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_figures_files_do_not_depend_on_what_the_page_drew_before_it()
    {
        RequireBrowser();
        var figures = Repo.Figures.Where(f => f.Name is "cambridgeshire-year-bounds" or "offences-by-year" or "verdicts-by-article").ToList();
        var a = Directory.CreateTempSubdirectory("foikit-order-a-");
        var b = Directory.CreateTempSubdirectory("foikit-order-b-");
        try
        {
            // Two figures are in flight at a time, and plotly.js caches text sizes within a page: the same figure drawn
            // first, or after others, must give the same PNG and SVG bytes.
            Assert.True((await FigureExporter.ExportAsync(figures, a.FullName)).Rendered);
            Assert.True((await FigureExporter.ExportAsync([.. figures.AsEnumerable().Reverse()], b.FullName)).Rendered);
            foreach (var f in figures)
                foreach (var ext in new[] { ".png", ".svg" })
                {
                    var first = await File.ReadAllBytesAsync(Path.Combine(a.FullName, f.Name + ext));
                    var second = await File.ReadAllBytesAsync(Path.Combine(b.FullName, f.Name + ext));
                    Assert.True(first.AsSpan().SequenceEqual(second), f.Name + ext);
                }
        }
        finally
        {
            a.Delete(recursive: true);
            b.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_notebook_picture_of_an_exported_figure_is_the_picture_a_fresh_drawing_gives()
    {
        RequireBrowser();
        var figure = Repo.Figures.First(f => f.Name == "offences-by-year");
        var json = ChartJson.ToJson(figure.Chart);
        var dir = Directory.CreateTempSubdirectory("foikit-pictures-");
        try
        {
            string? fresh = null, reused = null;
            var reusedCount = -1;
            // No figures exported: the chart is drawn afresh by Plotly.toImage.
            var none = await FigureExporter.ExportAsync([], dir.FullName, null, null, null, async p => fresh = await p.PngBase64Async(json));
            // The figure exported first: its picture comes from the SVG its PNG was made from.
            var one = await FigureExporter.ExportAsync([figure], dir.FullName, null, null, null, async p =>
            {
                reused = await p.PngBase64Async(json);
                reusedCount = p.Reused;
            });
            Assert.True(none.Rendered && one.Rendered, none.Message + one.Message);
            Assert.Equal(1, reusedCount);
            Assert.NotNull(fresh);
            Assert.Equal(fresh, reused);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_browser_the_report_is_written_and_the_result_says_why_no_figures()
    {
        var dir = Directory.CreateTempSubdirectory("foikit-nobrowser-");
        try
        {
            var options = new ReportOptions { BrowserPath = Path.Combine(dir.FullName, "no-such-chromium") };
            var result = await ReportWriter.WriteAsync(Repo.Study, dir.FullName, options);
            Assert.False(result.FiguresRendered);
            Assert.Contains("does not exist", result.BrowserMessage);
            Assert.True(File.Exists(result.ReportPath));
            Assert.Equal([result.ReportPath], result.FilesWritten);
            Assert.Empty(result.Exported);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Browser_locator_prefers_the_environment_variable_and_explains_a_miss()
    {
        Assert.Equal("/opt/b/chrome", BrowserLocator.Find(out _, _ => "/opt/b/chrome", p => p == "/opt/b/chrome"));
        Assert.Null(BrowserLocator.Find(out var bad, _ => "/opt/none", p => p == "/usr/bin/chromium"));
        Assert.Contains("FOIKIT_BROWSER is set to '/opt/none'", bad);
        Assert.Equal("/usr/bin/chromium-browser", BrowserLocator.Find(out _, _ => null, p => p == "/usr/bin/chromium-browser"));
        Assert.Null(BrowserLocator.Find(out var none, _ => null, _ => false));
        Assert.Contains("apt-get install chromium", none);
        Assert.Contains("FOIKIT_BROWSER", none);
    }

    [Fact]
    public void Browser_flags_are_headless_offline_and_use_a_fresh_profile()
    {
        var flags = HeadlessBrowser.Flags("/tmp/p");
        foreach (var f in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--user-data-dir=/tmp/p" })
            Assert.Contains(f, flags);
    }

    [Fact]
    public void Svg_normalising_replaces_plotlys_random_uid_and_sorts_every_elements_attributes()
    {
        const string a = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" style=\"\" height=\"5\"><defs id=\"defs-1a2b3c\"/><g clip-path=\"url(#clip1a2b3cxyplot)\"/></svg>";
        const string b = "<svg style=\"\" xmlns=\"http://www.w3.org/2000/svg\" height=\"5\" width=\"10\"><defs id=\"defs-ffee00\"/><g clip-path=\"url(#clipffee00xyplot)\"/></svg>";
        var na = FigureExporter.NormalizeSvg(a, "fig-x");
        Assert.Equal(na, FigureExporter.NormalizeSvg(b, "fig-x"));
        Assert.DoesNotContain("1a2b3c", na);
        Assert.StartsWith("<svg height=\"5\" style=\"\" width=\"10\" xmlns=", na);
        Assert.NotEqual(na, FigureExporter.NormalizeSvg(a, "fig-y"));
        // Inner elements too, self-closing or not, their text untouched.
        Assert.Equal("<svg a=\"1\" b=\"2\"><rect height=\"3\" style=\"fill: red;\" width=\"4\"/><text x=\"1\" y=\"2\">b=\"z\" a</text></svg>",
            FigureExporter.NormalizeSvg("<svg b=\"2\" a=\"1\"><rect style=\"fill: red;\" width=\"4\" height=\"3\"/><text y=\"2\" x=\"1\">b=\"z\" a</text></svg>", "fig-x"));
    }

    [Fact]
    public void Data_urls_decode_to_bytes()
    {
        Assert.Equal(PngSignature, FigureExporter.DecodeDataUrl("data:image/png;base64," + Convert.ToBase64String(PngSignature)));
        Assert.Equal("<svg a=\"1\"/>", System.Text.Encoding.UTF8.GetString(FigureExporter.DecodeDataUrl("data:image/svg+xml,%3Csvg%20a%3D%221%22%2F%3E")));
    }

    private static HashSet<string> ChromiumProfiles() =>
        Directory.EnumerateDirectories(Path.GetTempPath(), "foikit-chromium-*").ToHashSet(StringComparer.Ordinal);

    private static System.Text.RegularExpressions.Regex Regex() => new("browser .* started in");
}
