namespace FoiKit.NotebookRunner;

/// <summary>
/// The chart outputs of executed notebooks. A chart output carries Plotly's own JSON
/// (<see cref="PlotlyMimeType"/>, what the notebooks' setup cell registers for charts); when an executed copy
/// is saved, each chart output gets a static <c>image/png</c> beside it (what GitHub, nbviewer and nbconvert
/// show, since they run no script) and loses any HTML form (which those viewers would pick over the picture).
/// </summary>
public static class ChartOutputs
{
    /// <summary>Plotly's MIME type (the same constant as FoiKit.Notebooks' ChartOutput; this project does not reference it).</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The static picture's MIME type (base64 text in a notebook).</summary>
    public const string PngMimeType = "image/png";

    /// <summary>True for an output that draws a chart.</summary>
    public static bool IsChart(CellOutput output) => output.Data.ContainsKey(PlotlyMimeType);

    /// <summary>The plotly JSON of every chart the results show, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> Figures(IEnumerable<NotebookRunResult> results) =>
        results.SelectMany(r => r.Cells).SelectMany(c => c.Outputs).Where(IsChart).Select(o => o.Data[PlotlyMimeType])
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The result with every chart output given its picture: <paramref name="pngOf"/> answers a chart's plotly
    /// JSON with its PNG as base64, or null when there is none (the output then keeps only its JSON and text).
    /// </summary>
    public static NotebookRunResult WithPictures(NotebookRunResult result, Func<string, string?> pngOf) =>
        result with
        {
            Cells = result.Cells.Select(cell => cell with
            {
                Outputs = cell.Outputs.Select(o => IsChart(o) ? WithPicture(o, pngOf(o.Data[PlotlyMimeType])) : o).ToList(),
            }).ToList(),
        };

    private static CellOutput WithPicture(CellOutput output, string? png)
    {
        var data = output.Data.Where(kv => kv.Key != "text/html").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (png is not null) data[PngMimeType] = png;
        return output with { Data = data };
    }
}
