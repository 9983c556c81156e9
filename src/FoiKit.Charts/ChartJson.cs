using System.Text.Json;
using Plotly.NET;

namespace FoiKit.Charts;

/// <summary>A chart's plotly.js JSON: what tests assert on and what the report page draws.</summary>
public static class ChartJson
{
    /// <summary>
    /// The chart as plotly.js JSON: <c>{"data":[…],"layout":{…},"config":{…}}</c>, with plotly.js property
    /// names. Deterministic: the same chart built twice gives the same string.
    /// </summary>
    public static string ToJson(GenericChart chart) => GenericChart.toJson(chart);

    /// <summary>The chart's JSON parsed, for assertions (dispose it).</summary>
    public static JsonDocument Parse(GenericChart chart) => JsonDocument.Parse(ToJson(chart));

    /// <summary>Splits the chart's JSON into its data, layout and config texts (for <c>Plotly.newPlot</c>).</summary>
    public static (string Data, string Layout, string Config) Parts(GenericChart chart)
    {
        using var doc = Parse(chart);
        var root = doc.RootElement;
        string Get(string name, string empty) => root.TryGetProperty(name, out var e) ? e.GetRawText() : empty;
        return (Get("data", "[]"), Get("layout", "{}"), Get("config", "{}"));
    }
}
