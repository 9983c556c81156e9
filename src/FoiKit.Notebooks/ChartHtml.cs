using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FoiKit.Charts;
using Plotly.NET;

namespace FoiKit.Notebooks;

/// <summary>
/// A chart as a self-contained HTML fragment for a notebook output: plotly.js from Plotly.NET itself,
/// inlined (and run only if the page has no Plotly yet), then the chart drawn from its JSON. No CDN,
/// no require.js: the chart draws offline in VS Code, Jupyter and a saved notebook alike. The setup
/// cell of every notebook registers it as the HTML formatter of <see cref="GenericChart"/>.
/// </summary>
public static class ChartHtml
{
    // Element ids come from the chart's content (plus a count for a chart shown twice), not from a
    // random GUID: the saved notebooks stay the same from run to run and every chart keeps its own div.
    private static readonly ConcurrentDictionary<string, int> Shown = new(StringComparer.Ordinal);

    /// <summary>The fragment for one chart.</summary>
    public static string Inline(GenericChart chart)
    {
        var (data, layout, config) = ChartJson.Parts(chart);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data + layout + config)))[..12];
        var id = $"foi-chart-{hash}-{Shown.AddOrUpdate(hash, 1, (_, n) => n + 1)}";
        var sb = new StringBuilder(PlotlyJs.Source.Length + data.Length + layout.Length + 512);
        sb.Append("<div><div id=\"").Append(id).Append("\" style=\"width:100%;min-height:450px\"></div>\n")
          .Append("<script type=\"text/javascript\">\nif (typeof Plotly === 'undefined') {\n")
          .Append(PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
          .Append("\n}\nPlotly.newPlot(").Append(JsonSerializer.Serialize(id)).Append(", ")
          .Append(ChartPage.ScriptSafe(data)).Append(", ").Append(ChartPage.ScriptSafe(layout)).Append(", ").Append(ChartPage.ScriptSafe(config))
          .Append(");\n</script></div>");
        return sb.ToString();
    }

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
}
