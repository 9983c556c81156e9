using System.Globalization;
using PuppeteerSharp;

namespace FoiKit.Charts.Export;

/// <summary>
/// Draws charts given as plotly JSON (<c>{"data": [...], "layout": {...}}</c>, as a notebook's chart output holds
/// them) to PNG in the page of the one headless browser where <see cref="FigureExporter"/> exported the figures:
/// <c>Plotly.toImage</c> takes the figure itself, no element is needed. A chart that is one of the figures just
/// exported, at the same size, is not drawn again: its picture is rasterised from the SVG its PNG was made from,
/// the step <c>Plotly.toImage</c> ends with, so the bytes are the same (a study of many forces shows most of its
/// charts in the report and in notebook 02). Only valid while <see cref="FigureExporter"/> keeps the browser open.
/// </summary>
public sealed class ChartPictures
{
    private readonly IPage _page;
    private readonly IReadOnlyDictionary<string, string> _drawn;
    private readonly FigureSize _drawnSize;

    internal ChartPictures(IPage page, IReadOnlyDictionary<string, string> drawn, FigureSize drawnSize)
    {
        _page = page;
        _drawn = drawn;
        _drawnSize = drawnSize;
    }

    /// <summary>How many pictures were rasterised from a figure already drawn, rather than drawn again.</summary>
    public int Reused { get; private set; }

    /// <summary>The size notebook pictures are drawn at: the figures' layout size, at one pixel per layout pixel (about 40-80 KB a chart).</summary>
    public static FigureSize NotebookSize { get; } = new(960, 540, 1);

    /// <summary>The chart drawn as a PNG, as base64 (what a notebook's <c>image/png</c> output holds).</summary>
    /// <exception cref="PuppeteerException">The browser failed.</exception>
    /// <exception cref="InvalidOperationException">plotly.js could not draw the figure.</exception>
    public async Task<string> PngBase64Async(string plotlyJson, FigureSize? size = null)
    {
        size ??= NotebookSize;
        string? dataUrl;
        if (size.Width == _drawnSize.Width && size.Height == _drawnSize.Height && _drawn.TryGetValue(plotlyJson, out var svg))
        {
            dataUrl = await _page.EvaluateFunctionAsync<string>(
                "(svg, w, h, s) => Plotly.Snapshot.svgToImg({format: 'png', width: w, height: h, scale: s, canvas: document.createElement('canvas'), svg: svg, promise: true})",
                svg, size.Width, size.Height, size.PngScale).ConfigureAwait(false);
            Reused++;
        }
        else
        {
            // The JSON is passed as an argument, not spliced into the script: no quoting or escaping to get wrong.
            dataUrl = await _page.EvaluateFunctionAsync<string>(
                "(figure, w, h, s) => Plotly.toImage(JSON.parse(figure), {format: 'png', width: w, height: h, scale: s})",
                plotlyJson, size.Width, size.Height, size.PngScale).ConfigureAwait(false);
        }
        if (dataUrl is null) throw new InvalidOperationException("plotly.js returned no picture");
        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        if (!dataUrl.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || comma < 0)
            throw new InvalidOperationException("Plotly.toImage did not return a PNG: " + dataUrl[..Math.Min(40, dataUrl.Length)]);
        return dataUrl[(comma + 1)..];
    }

    /// <summary>Every chart drawn once, keyed by its JSON; <paramref name="progress"/> hears how long each took.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PngBase64Async(IEnumerable<string> plotlyJsons, TextWriter? progress = null)
    {
        var pictures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var json in plotlyJsons)
        {
            if (pictures.ContainsKey(json)) continue;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            pictures[json] = await PngBase64Async(json).ConfigureAwait(false);
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  notebook chart {pictures.Count}: png {clock.Elapsed.TotalMilliseconds:0} ms"));
        }
        return pictures;
    }
}
