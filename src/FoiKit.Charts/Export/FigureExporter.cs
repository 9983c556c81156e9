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
/// <param name="PngTime">Time to render and write the PNG.</param>
/// <param name="SvgTime">Time to render and write the SVG.</param>
public sealed record ExportedFigure(string Name, string PngPath, string SvgPath, TimeSpan PngTime, TimeSpan SvgTime);

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
    /// <summary>Every file written.</summary>
    public IReadOnlyList<string> Files => Figures.SelectMany(f => new[] { f.PngPath, f.SvgPath }).ToList();
}

/// <summary>
/// PNG and SVG of every figure for print, from ONE headless Chromium for all figures: launch once, open the
/// page holding the charts once (report.html, or a figures-only page), then <c>Plotly.toImage</c> per
/// figure and format, through PuppeteerSharp (<see cref="HeadlessBrowser"/>). With no browser the result says so plainly; nothing throws,
/// so callers can still write everything else. SVGs are normalised so the same chart gives the same bytes.
/// </summary>
public static partial class FigureExporter
{
    /// <summary>Exports the figures of an already written page (e.g. report.html, which has a div fig-NAME per figure).</summary>
    /// <param name="pagePath">The HTML page drawing the figures (must set window.foiChartsReady, as <see cref="ChartPage"/> pages do).</param>
    /// <param name="figures">Which figures to export.</param>
    /// <param name="outFolder">Where NAME.png and NAME.svg go (created if needed).</param>
    /// <param name="size">Size; default 960×540, PNG at scale 2.</param>
    /// <param name="browserPath">A browser to use; default: <see cref="BrowserLocator.Find"/>.</param>
    /// <param name="progress">Optional progress lines.</param>
    /// <param name="cancellationToken">Cancels the export (the browser is still closed and its profile deleted).</param>
    public static Task<ExportResult> ExportAsync(string pagePath, IReadOnlyList<StoryFigure> figures, string outFolder,
        FigureSize? size = null, string? browserPath = null, TextWriter? progress = null, CancellationToken cancellationToken = default) =>
        ExportAsync(pagePath, figures, outFolder, size, browserPath, progress, null, cancellationToken);

    /// <summary>
    /// As above; then, with the browser and the page still open, hands <paramref name="whileOpen"/> a
    /// <see cref="ChartPictures"/> to draw more charts with the same browser (the executed notebooks' charts), and
    /// closes the browser when it returns. Not called when the figures were not rendered.
    /// </summary>
    public static async Task<ExportResult> ExportAsync(string pagePath, IReadOnlyList<StoryFigure> figures, string outFolder,
        FigureSize? size, string? browserPath, TextWriter? progress, Func<ChartPictures, Task>? whileOpen, CancellationToken cancellationToken = default)
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

        var done = new List<ExportedFigure>();
        TimeSpan start = TimeSpan.Zero, load = TimeSpan.Zero;
        HeadlessBrowser? browser = null;
        try
        {
            var sw = Stopwatch.StartNew();
            browser = await HeadlessBrowser.LaunchAsync(browserPath);
            start = sw.Elapsed;
            progress?.WriteLine($"  browser {browserPath} started in {start.TotalMilliseconds:0} ms");
            cancellationToken.ThrowIfCancellationRequested();
            sw.Restart();
            var page = await browser.OpenAsync(new Uri(Path.GetFullPath(pagePath)).AbsoluteUri);
            var ready = await page.EvaluateExpressionAsync<bool>(
                "window.foiChartsReady ? window.foiChartsReady : Promise.reject(new Error('not a FoiKit chart page (no window.foiChartsReady)'))");
            if (!ready) throw new InvalidOperationException("the page's charts did not report ready");
            load = sw.Elapsed;
            progress?.WriteLine($"  page loaded and charts drawn in {load.TotalMilliseconds:0} ms");

            Directory.CreateDirectory(outFolder);
            foreach (var f in figures)
            {
                sw.Restart();
                var png = Path.Combine(outFolder, f.Name + ".png");
                cancellationToken.ThrowIfCancellationRequested();
                await File.WriteAllBytesAsync(png, await RenderAsync(page, f.ElementId, "png", size), cancellationToken);
                var pngTime = sw.Elapsed;
                sw.Restart();
                var svg = Path.Combine(outFolder, f.Name + ".svg");
                await File.WriteAllBytesAsync(svg, await RenderAsync(page, f.ElementId, "svg", size), cancellationToken);
                done.Add(new ExportedFigure(f.Name, png, svg, pngTime, sw.Elapsed));
                progress?.WriteLine($"  {f.Name}: png {pngTime.TotalMilliseconds:0} ms, svg {sw.Elapsed.TotalMilliseconds:0} ms");
            }
            var result = new ExportResult(true, $"rendered {done.Count} figures as PNG and SVG with {browserPath}", browserPath, done, start, load, total.Elapsed);
            if (whileOpen is not null) await whileOpen(new ChartPictures(page));
            return result;
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or IOException or System.ComponentModel.Win32Exception
                                      or FormatException or InvalidOperationException)
        {
            var message = $"figures were not rendered with {browserPath}: {e.Message}" +
                          (done.Count > 0 ? $" ({done.Count} of {figures.Count} written before the failure)" : "");
            return new ExportResult(false, message, browserPath, done, start, load, total.Elapsed);
        }
        finally
        {
            if (browser is not null) await browser.DisposeAsync();
        }
    }

    /// <summary>Exports figures without a report: writes a figures-only page to a temporary folder, exports, deletes it.</summary>
    public static async Task<ExportResult> ExportAsync(IReadOnlyList<StoryFigure> figures, string outFolder, FigureSize? size = null,
        string? browserPath = null, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        var dir = Directory.CreateTempSubdirectory("foikit-figures-");
        try
        {
            var page = Path.Combine(dir.FullName, "figures.html");
            await File.WriteAllTextAsync(page, ChartPage.FiguresOnly("Figures", figures), new UTF8Encoding(false), cancellationToken);
            return await ExportAsync(page, figures, outFolder, size, browserPath, progress, cancellationToken);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// One figure as plotly.js itself exports it (<c>Plotly.toImage</c>, evaluated in the page): the image is
    /// drawn by plotly at the given size and scale, not screenshot from the window, so the bytes depend on
    /// the browser's rendering only, not on how the page is driven. Driven by our own DevTools client and by
    /// PuppeteerSharp, with the same flags, the 17 figures of data/ came out byte for byte the same
    /// (golden/outputs.sha256 unchanged).
    /// </summary>
    private static async Task<byte[]> RenderAsync(IPage page, string elementId, string format, FigureSize size)
    {
        var scale = format == "png" ? size.PngScale : 1;
        var js = $"Plotly.toImage(document.getElementById({JsonSerializer.Serialize(elementId)}), " +
                 $"{{format:'{format}', width:{size.Width}, height:{size.Height}, scale:{scale.ToString(CultureInfo.InvariantCulture)}}})";
        var dataUrl = await page.EvaluateExpressionAsync<string>(js) ?? throw new InvalidOperationException($"Plotly.toImage returned nothing for #{elementId}");
        var bytes = DecodeDataUrl(dataUrl);
        return format == "svg" ? Encoding.UTF8.GetBytes(NormalizeSvg(Encoding.UTF8.GetString(bytes), elementId)) : bytes;
    }

    /// <summary>
    /// Makes an SVG export deterministic. plotly.js gives every render a random 6-hex-digit uid used in
    /// element ids ("defs-1a2b3c", "clip1a2b3cxyplot") and url(#…) references: it is replaced by one derived
    /// from the chart id (still unique per chart if several SVGs are inlined in one page). Fill patterns add a
    /// second random part ("p1a2b3c-9f8e7d"): those are numbered in order of appearance. The root
    /// &lt;svg&gt;'s attribute order also varies between renders: its attributes are sorted by name.
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
        var root = RootTag().Match(svg);
        if (root.Success)
        {
            var attrs = RootAttribute().Matches(root.Groups[1].Value).Select(a => a.Value)
                .OrderBy(a => a[..a.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal);
            svg = "<svg " + string.Join(" ", attrs) + ">" + svg[root.Length..];
        }
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

    [GeneratedRegex("^<svg((?:\\s+[\\w:-]+=\"[^\"]*\")*)\\s*>")]
    private static partial Regex RootTag();

    [GeneratedRegex("[\\w:-]+=\"[^\"]*\"")]
    private static partial Regex RootAttribute();
}
