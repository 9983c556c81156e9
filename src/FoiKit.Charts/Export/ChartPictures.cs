using System.Globalization;
using PuppeteerSharp;

namespace FoiKit.Charts.Export;

/// <summary>
/// Draws charts given as plotly JSON (<c>{"data": [...], "layout": {...}}</c>, as a notebook's chart output holds
/// them) to PNG in a page of the one headless browser that already has plotly.js loaded (the report's page, after
/// its figures are exported): <c>Plotly.toImage</c> takes the figure itself, no element is needed. Only valid
/// while <see cref="FigureExporter"/> keeps the browser open.
/// </summary>
public sealed class ChartPictures
{
    private readonly IPage _page;

    internal ChartPictures(IPage page) => _page = page;

    /// <summary>The size notebook pictures are drawn at: the figures' layout size, at one pixel per layout pixel (about 40-80 KB a chart).</summary>
    public static FigureSize NotebookSize { get; } = new(960, 540, 1);

    /// <summary>The chart drawn as a PNG, as base64 (what a notebook's <c>image/png</c> output holds).</summary>
    /// <exception cref="PuppeteerException">The browser failed.</exception>
    /// <exception cref="InvalidOperationException">plotly.js could not draw the figure.</exception>
    public async Task<string> PngBase64Async(string plotlyJson, FigureSize? size = null)
    {
        size ??= NotebookSize;
        // The JSON is passed as an argument, not spliced into the script: no quoting or escaping to get wrong.
        var dataUrl = await _page.EvaluateFunctionAsync<string>(
            "(figure, w, h, s) => Plotly.toImage(JSON.parse(figure), {format: 'png', width: w, height: h, scale: s})",
            plotlyJson, size.Width, size.Height, size.PngScale).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Plotly.toImage returned nothing");
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
