using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FoiKit.Pipeline;
using Plotly.NET;

namespace FoiKit.Charts.Tests;

/// <summary>The repository checkout and the kit's real data, loaded once.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static readonly Lazy<Study> Loaded = new(() => Study.Load(Data));

    /// <summary>The study over the real data/ folder (shared: treat as read-only).</summary>
    public static Study Study => Loaded.Value;

    private static readonly Lazy<IReadOnlyList<StoryFigure>> AllFigures = new(() => StoryFigures.All(Study));

    public static IReadOnlyList<StoryFigure> Figures => AllFigures.Value;

    private static readonly Lazy<string> Html = new(() => OfflineReport.Build(Study, Figures));

    /// <summary>report.html for the real data, built once.</summary>
    public static string ReportHtml => Html.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FoiNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no FoiNotebooks.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>Reading a chart's plotly.js JSON in assertions.</summary>
public static class Json
{
    public static JsonElement Of(GenericChart chart)
    {
        using var doc = JsonDocument.Parse(ChartJson.ToJson(chart));
        return doc.RootElement.Clone();
    }

    public static JsonElement Trace(this JsonElement chart, int i) => chart.GetProperty("data")[i];

    public static List<JsonElement> Traces(this JsonElement chart) => chart.GetProperty("data").EnumerateArray().ToList();

    public static int TraceCount(this JsonElement chart) => chart.GetProperty("data").GetArrayLength();

    public static JsonElement Layout(this JsonElement chart) => chart.GetProperty("layout");

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static string[] Strings(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToArray();

    public static long[] Longs(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetInt64()).ToArray();

    public static decimal[] Decimals(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetDecimal()).ToArray();

    public static string Title(this JsonElement chart) => chart.Layout().GetProperty("title").Str("text");

    public static string[] Annotations(this JsonElement chart) =>
        chart.Layout().TryGetProperty("annotations", out var a) ? a.EnumerateArray().Select(x => x.Str("text")).ToArray() : [];
}

/// <summary>What a reader of report.html sees: text without tags, entities decoded.</summary>
public static partial class Page
{
    public static string Text(string html)
    {
        var body = ScriptOrStyle().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tags().Replace(InlineTags().Replace(body, ""), " "));
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?(?:strong|span|a|em|b|i|code)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
