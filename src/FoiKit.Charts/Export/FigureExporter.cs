using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;

namespace FoiKit.Charts.Export;

/// <summary>Size of exported figures: plotly layout px; PNG pixels are width × scale by height × scale.</summary>
/// <param name="Width">Layout width in px.</param>
/// <param name="Height">Layout height in px.</param>
/// <param name="PngScale">PNG pixel density (2 = 1920×1080 for 960×540: sharp in print at about 16 cm wide and 300 dpi).</param>
public sealed record FigureSize(int Width = 960, int Height = 540, double PngScale = 2);

/// <summary>One exported figure.</summary>
/// <param name="Name">The figure's name.</param>
/// <param name="PngPath">figures/NAME.png.</param>
/// <param name="SvgPath">figures/NAME.svg.</param>
/// <param name="DrawTime">Drawing the figure once and exporting it as PNG and SVG, in the browser.</param>
/// <param name="WriteTime">Writing the two files.</param>
public sealed record ExportedFigure(string Name, string PngPath, string SvgPath, TimeSpan DrawTime, TimeSpan WriteTime);

/// <summary>What an export did. Never thrown: a missing or failing browser is a result with <see cref="Rendered"/> false.</summary>
/// <param name="Rendered">True when every figure was written as PNG and SVG.</param>
/// <param name="Message">What happened, in a sentence (which browser; or why nothing was rendered).</param>
/// <param name="BrowserPath">The browser used, if any.</param>
/// <param name="Figures">The figures written.</param>
/// <param name="BrowserStart">Launch until the browser answered.</param>
/// <param name="PageLoad">Opening the page (Chromium parsing plotly.js) and every chart drawn.</param>
/// <param name="Total">The whole export, including closing the browser.</param>
public sealed record ExportResult(bool Rendered, string Message, string? BrowserPath, IReadOnlyList<ExportedFigure> Figures,
    TimeSpan BrowserStart, TimeSpan PageLoad, TimeSpan Total)
{
    /// <summary>From the page being ready to the last figure written (the figures are drawn two at a time).</summary>
    public TimeSpan Drawing { get; init; }

    /// <summary>Every file written.</summary>
    public IReadOnlyList<string> Files => Figures.SelectMany(f => new[] { f.PngPath, f.SvgPath }).ToList();
}

/// <summary>
/// PNG and SVG of every figure for print, from ONE headless Chromium for all figures: launched once, then each
/// figure drawn from its own JSON, once, in a page that holds plotly.js and nothing else, and exported both ways
/// (<see cref="RenderBothAsync"/>), through PuppeteerSharp (<see cref="HeadlessBrowser"/>). No page draws the
/// charts first: drawing them all in report.html before exporting (as the page does for its reader) cost about
/// 0.14 s a chart, and <c>Plotly.toImage</c> would draw each figure again per format. With no browser the result
/// says so plainly; nothing throws, so callers can still write everything else. SVGs are normalised so the same
/// chart gives the same bytes.
/// </summary>
/// <remarks>
/// One page, two figures in flight: sharing the figures among pages in browser contexts of their own (a renderer
/// process each) measured no faster on a 2-core machine while the notebooks run beside the export (the notebooks
/// slowed by as much as the export gained).
/// </remarks>
public static partial class FigureExporter
{
    /// <summary>Exports figures (PNG and SVG) to a folder with one browser and then closes it.</summary>
    /// <param name="figures">Which figures to export.</param>
    /// <param name="outFolder">Where NAME.png and NAME.svg go (created if needed).</param>
    /// <param name="size">Size; default 960×540, PNG at scale 2.</param>
    /// <param name="browserPath">A browser to use; default: <see cref="BrowserLocator.Find"/>.</param>
    /// <param name="progress">Optional progress lines.</param>
    /// <param name="cancellationToken">Cancels the export (the browser is still closed and its profile deleted).</param>
    public static Task<ExportResult> ExportAsync(IReadOnlyList<StoryFigure> figures, string outFolder, FigureSize? size = null,
        string? browserPath = null, TextWriter? progress = null, CancellationToken cancellationToken = default) =>
        ExportAsync(figures, outFolder, size, browserPath, progress, null, cancellationToken);

    /// <summary>
    /// As above; then, with the browser still open, hands <paramref name="whileOpen"/> a <see cref="ChartPictures"/>
    /// to draw more charts with the same browser (the executed notebooks' charts), and closes the browser when it
    /// returns. Not called when the figures were not rendered.
    /// </summary>
    public static async Task<ExportResult> ExportAsync(IReadOnlyList<StoryFigure> figures, string outFolder, FigureSize? size,
        string? browserPath, TextWriter? progress, Func<ChartPictures, Task>? whileOpen, CancellationToken cancellationToken = default)
    {
        size ??= new FigureSize();
        var total = Stopwatch.StartNew();
        string? reason = null;
        browserPath ??= BrowserLocator.Find(out reason);
        if (browserPath is null)
            return new ExportResult(false, reason!, null, [], TimeSpan.Zero, TimeSpan.Zero, total.Elapsed);
        if (!File.Exists(browserPath))
            return new ExportResult(false, $"the browser '{browserPath}' does not exist, so figures were not rendered (report.html is complete without them).",
                null, [], TimeSpan.Zero, TimeSpan.Zero, total.Elapsed);

        var done = new ExportedFigure?[figures.Count];
        TimeSpan start = TimeSpan.Zero, load = TimeSpan.Zero;
        HeadlessBrowser? browser = null;
        var pageFolder = Directory.CreateTempSubdirectory("foikit-export-page-");
        try
        {
            var pagePath = Path.Combine(pageFolder.FullName, "plotly.html");
            await File.WriteAllTextAsync(pagePath, ChartPage.PlotlyOnly(), new UTF8Encoding(false), cancellationToken);
            var url = new Uri(pagePath).AbsoluteUri;

            var sw = Stopwatch.StartNew();
            browser = await HeadlessBrowser.LaunchAsync(browserPath);
            start = sw.Elapsed;
            progress?.WriteLine($"  browser {browserPath} started in {start.TotalMilliseconds:0} ms");
            cancellationToken.ThrowIfCancellationRequested();
            sw.Restart();
            var page = await browser.OpenAsync(url);
            // Each figure's SVG as the PNG was made from it, by its JSON: a notebook that shows the same chart gets its
            // picture from it without drawing the chart again (ChartPictures).
            var drawnSvgs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!await page.EvaluateExpressionAsync<bool>("typeof Plotly === 'object' && typeof Plotly.toImage === 'function'"))
                throw new InvalidOperationException("plotly.js did not load in the export page");
            load = sw.Elapsed;
            progress?.WriteLine($"  page with plotly.js opened in {load.TotalMilliseconds:0} ms");

            Directory.CreateDirectory(outFolder);
            // Two figures in flight in the one page: while the kit reads one figure's images and asks for the next, the
            // page is already drawing. The bytes do not depend on the order (the PNG is pixels; SVG attributes are sorted).
            var next = -1;
            async Task ExportInTurn()
            {
                for (var i = Interlocked.Increment(ref next); i < figures.Count; i = Interlocked.Increment(ref next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var f = figures[i];
                    var clock = Stopwatch.StartNew();
                    var json = ChartJson.ToJson(f.Chart);
                    var (pngBytes, svgBytes, svgForPng) = await RenderBothAsync(page, json, f.ElementId, size);
                    lock (drawnSvgs) drawnSvgs[json] = svgForPng;
                    var drawn = clock.Elapsed;
                    clock.Restart();
                    var png = Path.Combine(outFolder, f.Name + ".png");
                    var svg = Path.Combine(outFolder, f.Name + ".svg");
                    await File.WriteAllBytesAsync(png, pngBytes, cancellationToken);
                    await File.WriteAllBytesAsync(svg, svgBytes, cancellationToken);
                    done[i] = new ExportedFigure(f.Name, png, svg, drawn, clock.Elapsed);
                    progress?.WriteLine($"  {f.Name}: drawn and exported in {drawn.TotalMilliseconds:0} ms, written in {clock.Elapsed.TotalMilliseconds:0} ms");
                }
            }
            sw.Restart();
            await Task.WhenAll(ExportInTurn(), ExportInTurn());
            var drawing = sw.Elapsed;
            var written = done.Select(d => d!).ToList();
            var result = new ExportResult(true, $"rendered {written.Count} figures as PNG and SVG with {browserPath}", browserPath, written, start, load, total.Elapsed)
            {
                Drawing = drawing,
            };
            if (whileOpen is not null) await whileOpen(new ChartPictures(page, drawnSvgs, size));
            return result;
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or IOException or System.ComponentModel.Win32Exception
                                      or FormatException or InvalidOperationException)
        {
            var written = done.Count(d => d is not null);
            var message = $"figures were not rendered with {browserPath}: {e.Message}" +
                          (written > 0 ? $" ({written} of {figures.Count} written before the failure)" : "");
            return new ExportResult(false, message, browserPath, done.OfType<ExportedFigure>().ToList(), start, load, total.Elapsed);
        }
        finally
        {
            if (browser is not null) await browser.DisposeAsync();
            try { pageFolder.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The figure drawn ONCE and exported both ways, as <c>Plotly.toImage</c> does each (plotly.js 2.28's
    /// snapshot steps: a hidden element, <c>newPlot</c> with <c>staticPlot</c>, the redraw and delay it asks for,
    /// <c>Snapshot.toSVG</c>), then the SVG as is and the PNG through <c>Snapshot.svgToImg</c> from the same SVG
    /// less the viewBox that only the SVG format adds. toImage would draw the figure once per format.
    /// </summary>
    /// <returns>The PNG, the SVG (normalised) and the SVG the PNG was drawn from (as plotly.js gave it).</returns>
    private static async Task<(byte[] Png, byte[] Svg, string SvgForPng)> RenderBothAsync(IPage page, string figureJson, string elementId, FigureSize size)
    {
        var both = await page.EvaluateFunctionAsync<string[]>(ExportBothScript, figureJson, size.Width, size.Height, size.PngScale)
            ?? throw new InvalidOperationException($"plotly.js exported nothing for {elementId}");
        if (both.Length != 3) throw new InvalidOperationException($"plotly.js did not export {elementId} as PNG and SVG");
        var png = DecodeDataUrl(both[0]);
        return (png, Encoding.UTF8.GetBytes(NormalizeSvg(both[1], elementId)), both[2]);
    }

    private const string ExportBothScript = """
        async (figure, w, h, s) => {
          const fig = JSON.parse(figure);
          const gd = document.createElement('div');
          gd.style.position = 'absolute';
          gd.style.left = '-5000px';
          document.body.appendChild(gd);
          try {
            const layout = Object.assign({}, fig.layout || {}, { width: w, height: h });
            const config = Object.assign({}, fig.config || {}, { _exportedPlot: true, staticPlot: true, setBackground: false });
            const redraw = Plotly.Snapshot.getRedrawFunc(gd);
            await Plotly.newPlot(gd, fig.data || [], layout, config);
            await redraw();
            await new Promise(r => setTimeout(r, Plotly.Snapshot.getDelay(gd._fullLayout)));
            const svg = Plotly.Snapshot.toSVG(gd, 'svg', 1);
            const width = gd._fullLayout.width, height = gd._fullLayout.height;
            const forPng = svg.replace(/^(<svg\b[^>]*?) viewBox="[^"]*"/, '$1');
            const canvas = document.createElement('canvas');
            const png = await Plotly.Snapshot.svgToImg({ format: 'png', width, height, scale: s, canvas, svg: forPng, promise: true });
            return [png, svg, forPng];
          } finally {
            Plotly.purge(gd);
            document.body.removeChild(gd);
          }
        }
        """;

    /// <summary>
    /// Makes an SVG export deterministic. plotly.js gives every render a random 6-hex-digit uid used in
    /// element ids ("defs-1a2b3c", "clip1a2b3cxyplot") and url(#…) references: it is replaced by one derived
    /// from the chart id (still unique per chart if several SVGs are inlined in one page). Fill patterns add a
    /// second random part ("p1a2b3c-9f8e7d"): those are numbered in order of appearance. Attribute order also
    /// varies between renders: every element's attributes are sorted by name.
    /// </summary>
    public static string NormalizeSvg(string svg, string chartId)
    {
        var m = DefsUid().Match(svg);
        if (m.Success)
        {
            var uid = m.Groups[1].Value;
            var stable = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(chartId)))[..6].ToLowerInvariant();
            // Fill patterns and gradients get a second random part after the uid ("p1a2b3c-9f8e7d"):
            // number those in order of first appearance.
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            svg = Regex.Replace(svg, $"\\b([a-z]?){uid}-([0-9a-f]{{6}})\\b", x =>
            {
                var key = x.Value;
                if (!seen.TryGetValue(key, out var replacement))
                {
                    replacement = $"{x.Groups[1].Value}{stable}-{seen.Count + 1}";
                    seen[key] = replacement;
                }
                return replacement;
            });
            svg = svg.Replace(uid, stable, StringComparison.Ordinal);
        }
        // Attribute order follows the order plotly.js happened to set them, which varies with what the page drew
        // before (its cache of text sizes): every element's attributes are sorted by name.
        svg = StartTag().Replace(svg, t =>
        {
            var attrs = Attribute().Matches(t.Groups["attrs"].Value).Select(a => a.Value)
                .OrderBy(a => a[..a.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal);
            return "<" + t.Groups["name"].Value + " " + string.Join(" ", attrs) + t.Groups["end"].Value;
        });
        return svg;
    }

    /// <summary>data:image/png;base64,… gives the bytes; data:image/svg+xml,&lt;percent-encoded&gt; gives UTF-8 bytes.</summary>
    public static byte[] DecodeDataUrl(string dataUrl)
    {
        if (!dataUrl.StartsWith("data:", StringComparison.Ordinal)) throw new FormatException("not a data URL");
        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) throw new FormatException("a data URL without a comma");
        var header = dataUrl[5..comma];
        var payload = dataUrl[(comma + 1)..];
        return header.EndsWith(";base64", StringComparison.Ordinal)
            ? Convert.FromBase64String(payload)
            : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
    }

    [GeneratedRegex("id=\"defs-([0-9a-f]{6})\"")]
    private static partial Regex DefsUid();

    [GeneratedRegex("<(?<name>[A-Za-z][\\w:.-]*)(?<attrs>(?:\\s+[\\w:.-]+=\"[^\"]*\")+)\\s*(?<end>/?>)")]
    private static partial Regex StartTag();

    [GeneratedRegex("[\\w:.-]+=\"[^\"]*\"")]
    private static partial Regex Attribute();
}
