using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FoiKit.Charts;

/// <summary>
/// The parts every offline chart page shares: plotly.js inlined once in the head, and one script at the end
/// that draws each chart into its div with <c>Plotly.newPlot</c> from the chart's JSON. The page sets
/// <c>window.foiChartsReady</c>, a promise resolved when every chart is drawn (for tests and tools that read the drawn page).
/// </summary>
public static partial class ChartPage
{
    /// <summary>HTML-escapes text for element content and attribute values.</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Opens the page: doctype, head with title, style and the inlined plotly.js; then &lt;body&gt;.</summary>
    public static void Head(StringBuilder sb, string title, string css)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(H(title)).Append("</title>\n")
          .Append("<style>\n").Append(css).Append("</style>\n")
          // plotly.js exactly once. Guard against a literal </script inside it (none in 2.28.0).
          .Append("<script type=\"text/javascript\" charset=\"utf-8\">\n")
          .Append(PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
          .Append("\n</script>\n</head>\n<body>\n");
    }

    /// <summary>A figure: the chart's div (id from the figure's name) and its caption.</summary>
    public static void Figure(StringBuilder sb, StoryFigure figure)
    {
        sb.Append("<figure class=\"story-figure\">\n<div id=\"").Append(figure.ElementId).Append("\" class=\"chart\" role=\"img\" aria-label=\"")
          .Append(H(figure.Caption)).Append("\"></div>\n<figcaption>").Append(H(figure.Caption))
          .Append(" <span class=\"file\">Print versions: figures/").Append(H(figure.Name)).Append(".png and .svg.</span></figcaption>\n</figure>\n");
    }

    /// <summary>The drawing script and the end of the page.</summary>
    public static void DrawAndClose(StringBuilder sb, IReadOnlyList<StoryFigure> figures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in figures)
            if (!ids.Add(f.ElementId)) throw new ArgumentException($"two figures are named '{f.Name}'", nameof(figures));
        sb.Append("<script type=\"text/javascript\">\nwindow.foiChartsReady = Promise.all([\n");
        foreach (var f in figures)
        {
            var (data, layout, config) = ChartJson.Parts(f.Chart);
            sb.Append("  Plotly.newPlot(").Append(JsonSerializer.Serialize(f.ElementId)).Append(", ")
              .Append(ScriptSafe(data)).Append(", ").Append(ScriptSafe(layout)).Append(", ").Append(ScriptSafe(config)).Append("),\n");
        }
        sb.Append("]).then(function () { return true; });\n</script>\n</body>\n</html>\n");
    }

    /// <summary>A page holding only the given figures (used to export figures without a report).</summary>
    public static string FiguresOnly(string title, IReadOnlyList<StoryFigure> figures)
    {
        var sb = new StringBuilder(PlotlyJs.Source.Length + 64 * 1024);
        Head(sb, title, "body{font-family:sans-serif;margin:1em} .chart{width:960px;height:540px}\n");
        sb.Append("<h1>").Append(H(title)).Append("</h1>\n");
        foreach (var f in figures) Figure(sb, f);
        DrawAndClose(sb, figures);
        return sb.ToString();
    }

    /// <summary>A page holding plotly.js and nothing else: where the figure exporter draws figures from their JSON.</summary>
    public static string PlotlyOnly()
    {
        var sb = new StringBuilder(PlotlyJs.Source.Length + 1024);
        Head(sb, "plotly.js", "body{margin:0}\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>JSON is valid JavaScript, but "&lt;/" or "&lt;!--" inside a string would end or alter the script element.</summary>
    public static string ScriptSafe(string json) =>
        json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);

    /// <summary>
    /// Every reference in the page that would make a browser LOAD something from the network when the page
    /// opens: http(s):// or protocol-relative (//host) URLs in resource attributes (src, srcset, poster, data,
    /// background, and href on anything but &lt;a&gt;/&lt;area&gt;, e.g. &lt;link&gt;, &lt;base&gt;, SVG &lt;image&gt;/&lt;use&gt;),
    /// any &lt;script src&gt;, a meta refresh to a URL, CSS url(…) and @import, and loads started by inline scripts
    /// (setAttribute("src", …), .src = …, import(…), static import … from …, fetch, importScripts, new Worker).
    /// Links a reader may follow (&lt;a href&gt; to a source, form actions) are navigation, not loads, and are not listed.
    /// URL strings inside script bodies are otherwise ignored: plotly.min.js itself contains some
    /// (its modebar link, map tile templates) that are never fetched for bar charts. Empty = works offline.
    /// </summary>
    public static IReadOnlyList<string> FindRemoteReferences(string html)
    {
        var found = new List<string>();
        void Add(string s)
        {
            if (!found.Contains(s)) found.Add(s);
        }
        // Markup without the bodies of inline scripts (attributes of the <script> tags stay).
        var markup = ScriptElement().Replace(html, m => "<script" + m.Groups["attrs"].Value + "></script>");
        foreach (Match tag in Tag().Matches(markup))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var attrs = tag.Groups["attrs"].Value;
            foreach (Match a in Attribute().Matches(attrs))
            {
                var attr = a.Groups["attr"].Value.ToLowerInvariant();
                var value = WebUtility.HtmlDecode(a.Groups["v1"].Success ? a.Groups["v1"].Value : a.Groups["v2"].Success ? a.Groups["v2"].Value : a.Groups["v3"].Value).Trim();
                var loads = attr switch
                {
                    "src" or "srcset" or "poster" or "data" or "background" or "lowsrc" or "dynsrc" => true,
                    "href" or "xlink:href" => name is not ("a" or "area"),
                    "content" => name == "meta" && attrs.Contains("refresh", StringComparison.OrdinalIgnoreCase),
                    "style" => CssRemote().IsMatch(value),
                    _ => false,
                };
                if (!loads) continue;
                if (attr == "style") { foreach (Match u in CssRemote().Matches(value)) Add(u.Value); continue; }
                if (attr == "srcset")
                {
                    foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        if (IsRemote(candidate)) Add($"<{name} srcset=\"{candidate}\">");
                    continue;
                }
                var url = attr == "content" ? MetaRefreshUrl().Match(value).Groups["url"].Value : value;
                if (IsRemote(url)) Add($"<{name} {attr}=\"{url}\">");
            }
            if (name == "script" && ScriptSrc().IsMatch(attrs)) Add(tag.Value);   // any external script, even a relative one
        }
        // CSS in <style> elements (and anywhere in the markup).
        foreach (Match m in CssRemote().Matches(markup)) Add(m.Value);
        // Loads started from inline script bodies.
        foreach (Match script in ScriptElement().Matches(html))
            foreach (Match m in ScriptLoad().Matches(script.Groups["body"].Value))
                Add(m.Value);
        return found;
    }

    private static bool IsRemote(string url)
    {
        var u = url.TrimStart();
        return u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("//", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<script\b(?<attrs>[^>]*)>(?<body>.*?)</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9:-]*)(?<attrs>(?:[^>""']|""[^""]*""|'[^']*')*)>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<attr>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:""(?<v1>[^""]*)""|'(?<v2>[^']*)'|(?<v3>[^\s""'>]+))", RegexOptions.Singleline)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSrc();

    [GeneratedRegex(@"url\s*=\s*['""]?(?<url>[^'""\s;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaRefreshUrl();

    [GeneratedRegex(@"(?:url\(\s*[""']?|@import\s+[""'])\s*(?:https?:)?//[^\s""')]*", RegexOptions.IgnoreCase)]
    private static partial Regex CssRemote();

    [GeneratedRegex(
        @"(?:setAttribute\(\s*[""'](?:src|href)[""']\s*,\s*|\.src\s*=\s*|\bimport\(\s*|\bimport\s+(?:[\w*{}\s,]+\s+from\s+)?|\bfetch\(\s*|importScripts\(\s*|new\s+(?:Shared)?Worker\(\s*)[""'`](?:https?:)?//[^""'`]*",
        RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLoad();
}
