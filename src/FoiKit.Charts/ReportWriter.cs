using System.Diagnostics;
using System.Text;
using FoiKit.Charts.Export;
using FoiKit.Pipeline;

namespace FoiKit.Charts;

/// <summary>Options for <see cref="ReportWriter.WriteAsync(Study, string, ReportOptions, TextWriter?, CancellationToken)"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>The article the story starts from (empty: the study has none to follow).</summary>
    public string SeedArticleId { get; init; } = StoryFigures.SeedArticleId;

    /// <summary>The force the story is about (its id or any spelling forces.csv knows); null: the article's force.</summary>
    public string? ForceId { get; init; }

    /// <summary>Render figures/*.png and *.svg (needs a Chromium-family browser); false writes report.html only.</summary>
    public bool ExportFigures { get; init; } = true;

    /// <summary>The browser to use; default: $FOIKIT_BROWSER, then the usual paths (<see cref="BrowserLocator"/>).</summary>
    public string? BrowserPath { get; init; }

    /// <summary>Figure size for export.</summary>
    public FigureSize FigureSize { get; init; } = new();

    /// <summary>
    /// Called with the browser still open once the figures are written, to draw other charts with the same browser
    /// (foi reproduce draws the executed notebooks' charts there); the browser closes when it returns. Not called
    /// when the figures were not rendered. It handles its own failures.
    /// </summary>
    public Func<ChartPictures, Task>? WhileBrowserOpen { get; init; }
}

/// <summary>How long each step took.</summary>
/// <param name="Charts">Building every chart (Plotly.NET).</param>
/// <param name="ReportHtml">Building and writing report.html.</param>
/// <param name="BrowserStart">Browser launch until connected (zero without a browser).</param>
/// <param name="PageLoad">Loading report.html in the browser and drawing every chart.</param>
/// <param name="Figures">Rendering and writing every PNG and SVG (after the page load).</param>
/// <param name="Total">Everything.</param>
public sealed record ReportTimings(TimeSpan Charts, TimeSpan ReportHtml, TimeSpan BrowserStart, TimeSpan PageLoad, TimeSpan Figures, TimeSpan Total);

/// <summary>What <see cref="ReportWriter"/> wrote.</summary>
/// <param name="ReportPath">OUT/report.html.</param>
/// <param name="FilesWritten">Every file written, report first.</param>
/// <param name="FiguresRendered">True when every figure was written as PNG and SVG.</param>
/// <param name="BrowserMessage">Which browser rendered the figures, or, plainly, why none did.</param>
/// <param name="Figures">The figures (names, charts, captions) in report order.</param>
/// <param name="Exported">Per-figure export files and times (empty when not rendered).</param>
/// <param name="RemoteReferences">Anything in report.html that would load from the network (always empty unless something is wrong).</param>
/// <param name="Timings">How long each step took.</param>
public sealed record ReportResult(string ReportPath, IReadOnlyList<string> FilesWritten, bool FiguresRendered, string BrowserMessage,
    IReadOnlyList<StoryFigure> Figures, IReadOnlyList<ExportedFigure> Exported, IReadOnlyList<string> RemoteReferences, ReportTimings Timings);

/// <summary>
/// The one entry point the reproduce verb calls: writes OUT/report.html and OUT/figures/NAME.png|svg for
/// every figure in <see cref="StoryFigures.All"/>. A missing browser is not an error: the report is written,
/// the result says the figures were not rendered and why.
/// </summary>
public static class ReportWriter
{
    /// <summary>report.html's file name.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>The figures folder's name under the output folder.</summary>
    public const string FiguresFolderName = "figures";

    /// <summary>Writes the report and figures with default options.</summary>
    /// <param name="study">The loaded study (<see cref="Study.Load(string?)"/>).</param>
    /// <param name="outFolder">The output folder (created if needed), e.g. "out".</param>
    /// <param name="progress">Progress lines (e.g. Console.Out); null for none.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static Task<ReportResult> WriteAsync(Study study, string outFolder, TextWriter? progress = null, CancellationToken cancellationToken = default) =>
        WriteAsync(study, outFolder, new ReportOptions(), progress, cancellationToken);

    /// <summary>Writes the report and figures.</summary>
    /// <param name="study">The loaded study (<see cref="Study.Load(string?)"/>).</param>
    /// <param name="outFolder">The output folder (created if needed), e.g. "out".</param>
    /// <param name="options">Seed article, whether to export figures, browser, figure size.</param>
    /// <param name="progress">Progress lines (e.g. Console.Out); null for none.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<ReportResult> WriteAsync(Study study, string outFolder, ReportOptions options, TextWriter? progress = null,
        CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(outFolder);
        var sw = Stopwatch.StartNew();
        var figures = StoryFigures.All(study, options.SeedArticleId, options.ForceId);
        var charts = sw.Elapsed;
        progress?.WriteLine($"charts: {figures.Count} built in {charts.TotalMilliseconds:0} ms");

        var figuresFolder = Path.Combine(outFolder, FiguresFolderName);
        // Never leave an earlier run's picture of a figure beside a report it no longer matches.
        if (Directory.Exists(figuresFolder))
            foreach (var f in figures)
                foreach (var ext in new[] { ".png", ".svg" })
                    File.Delete(Path.Combine(figuresFolder, f.Name + ext));

        // The browser starts while report.html is built: the export needs the figures, not the page.
        Task<ExportResult> exporting;
        if (!options.ExportFigures)
        {
            exporting = Task.FromResult(new ExportResult(false, "figure export was not asked for", null, [], TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
        }
        else
        {
            progress?.WriteLine("figures: rendering PNG and SVG with one headless browser");
            exporting = Task.Run(() => FigureExporter.ExportAsync(figures, figuresFolder, options.FigureSize, options.BrowserPath, progress,
                options.WhileBrowserOpen, cancellationToken), cancellationToken);
        }

        string reportPath;
        IReadOnlyList<string> remote;
        TimeSpan reportTime;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            sw.Restart();
            var html = OfflineReport.Build(study, figures, options.SeedArticleId, options.ForceId);
            remote = ChartPage.FindRemoteReferences(html);
            if (remote.Count > 0)
                throw new InvalidOperationException("report.html would load from the network: " + string.Join(", ", remote));
            reportPath = Path.GetFullPath(Path.Combine(outFolder, ReportFileName));
            var bytes = new UTF8Encoding(false).GetBytes(html);
            await File.WriteAllBytesAsync(reportPath, bytes, cancellationToken);
            reportTime = sw.Elapsed;
            progress?.WriteLine($"report: {reportPath} ({bytes.Length / 1024.0 / 1024.0:0.0} MB) written in {reportTime.TotalMilliseconds:0} ms");
        }
        catch
        {
            // The browser is closed and its profile deleted by the export itself; its result no longer matters.
            try { await exporting; } catch (Exception e) when (e is not OutOfMemoryException) { }
            throw;
        }
        var export = await exporting;
        progress?.WriteLine(export.Rendered ? $"figures: {export.Message} in {export.Total.TotalMilliseconds:0} ms" : $"figures: {export.Message}");

        var figureTime = export.Drawing;
        return new ReportResult(reportPath, [reportPath, .. export.Files.Select(Path.GetFullPath)], export.Rendered, export.Message, figures,
            export.Figures, remote, new ReportTimings(charts, reportTime, export.BrowserStart, export.PageLoad, figureTime, total.Elapsed));
    }
}
