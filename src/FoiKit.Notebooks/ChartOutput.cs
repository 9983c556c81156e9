using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FoiKit.Charts;
using Plotly.NET;

namespace FoiKit.Notebooks;

/// <summary>
/// A chart as a notebook output. Every notebook's setup cell registers these as the formatters of
/// <see cref="GenericChart"/>: the chart's plotly JSON under Plotly's own MIME type, which VS Code's notebook
/// renderers and JupyterLab's plotly renderer draw natively, without network and without plotly.js in the
/// output (it was 3.6 MB a chart when inlined); and a plain-text alternative (its title, subtitle and notes).
/// No browser is started in the kernel, so a fresh notebook reaches its first chart quickly;
/// <c>foi reproduce</c> adds a static <c>image/png</c> to each chart output when it saves the executed copy,
/// which is what GitHub, nbviewer and nbconvert show.
/// </summary>
public static partial class ChartOutput
{
    /// <summary>Plotly's MIME type: a JSON object <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME types a chart output carries in a live session, richest first.</summary>
    public static readonly IReadOnlyList<string> MimeTypes = [PlotlyMimeType, "text/plain"];

    /// <summary>The chart as Plotly's MIME bundle value (deterministic: the same chart gives the same text).</summary>
    public static string Json(GenericChart chart) => ChartJson.ToJson(chart);

    /// <summary>
    /// The chart's text alternative: its title, its subtitle and every note written on it (caveats included),
    /// one per line, as plain text. What a viewer that draws no chart shows, and what a screen reader reads.
    /// </summary>
    public static string Text(GenericChart chart) => TextOf(Json(chart));

    /// <summary>The text alternative of a chart given as its plotly JSON.</summary>
    public static string TextOf(string plotlyJson)
    {
        using var doc = JsonDocument.Parse(plotlyJson);
        var lines = new List<string>();
        if (doc.RootElement.TryGetProperty("layout", out var layout))
        {
            if (layout.TryGetProperty("title", out var title))
            {
                var text = title.ValueKind == JsonValueKind.String ? title.GetString()
                    : title.ValueKind == JsonValueKind.Object && title.TryGetProperty("text", out var t) ? t.GetString() : null;
                if (!string.IsNullOrWhiteSpace(text)) lines.AddRange(Plain(text));
            }
            if (layout.TryGetProperty("annotations", out var notes) && notes.ValueKind == JsonValueKind.Array)
                foreach (var note in notes.EnumerateArray())
                    if (note.TryGetProperty("text", out var n) && n.GetString() is { Length: > 0 } s)
                        lines.Add(string.Join(" ", Plain(s)));
        }
        if (lines.Count == 0) lines.Add("(a chart without a title)");
        return "Chart: " + string.Join("\n", lines);
    }

    /// <summary>plotly's text markup (&lt;br&gt;, &lt;span&gt;, entities) as plain lines.</summary>
    private static IEnumerable<string> Plain(string markup) =>
        LineBreak().Split(markup).Select(l => WebUtility.HtmlDecode(Tag().Replace(l, "")).Trim()).Where(l => l.Length > 0);

    /// <summary>Where the script twins write their chart pages: out/scripts/ beside the kit's data folder (the repository root).</summary>
    public static string ScriptsFolder =>
        Path.Combine(Path.GetDirectoryName(Reference.KitData.LocateDataFolder() ?? throw new DirectoryNotFoundException(
            "the kit's data folder was not found: run the script from the repository"))!, "out", "scripts");

    /// <summary>
    /// Writes charts to one offline HTML page (plotly.js inlined once), as the script twins do; returns the path.
    /// </summary>
    public static string SavePage(string path, string title, IEnumerable<(string Name, GenericChart Chart, string Caption)> charts)
    {
        var figures = charts.Select(c => new StoryFigure(c.Name, FigureSection.Article, null, c.Chart, c.Caption)).ToList();
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ChartPage.FiguresOnly(title, figures), new UTF8Encoding(false));
        return path;
    }

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
