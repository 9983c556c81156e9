using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using FsChart = Plotly.NET.Chart;

namespace FoiKit.Charts;

/// <summary>
/// The kit's house style and the few plotly.js properties that neither Plotly.NET API sets from C#.
/// Charts are built with <c>UseDefaults: false</c> and this style instead of Plotly.NET's default
/// template: with the template every <see cref="ChartJson.ToJson"/> costs 0.25–0.9 s on a 2-core
/// machine (about 2 ms without), its JSON is 9 KB of noise, and the look would move whenever
/// Plotly.NET changed its template.
/// </summary>
public static class ChartStyle
{
    /// <summary>Okabe-Ito colour-blind-safe palette (layout.colorway).</summary>
    public static readonly IReadOnlyList<string> Colorway =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>Grey used for what is not data (possible ranges, unknowns).</summary>
    public const string NotDataColor = "#9e9e9e";

    /// <summary>Font stack used for every chart (Liberation Sans is metric-compatible with Arial).</summary>
    public const string FontFamily = "Liberation Sans, Arial, Helvetica, sans-serif";

    /// <summary>Applies the house style: font, palette, white background, grey grid, automargin, no Plotly logo.</summary>
    public static GenericChart Apply(GenericChart chart)
    {
        // Nested values must be DynamicObj subtypes (Font, Title, LinearAxis, ...), not dictionaries:
        // later Chart.with* calls deep-merge layouts with DynObj.combine, which casts nested values.
        var font = new Font();
        font.SetProperty("family", FontFamily);
        font.SetProperty("size", 13);
        font.SetProperty("color", "#222222");
        var title = new Title();
        title.SetProperty("x", 0.01);
        title.SetProperty("xanchor", "left");
        var layout = new Layout();
        layout.SetProperty("font", font);
        layout.SetProperty("colorway", Colorway.ToArray());
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("plot_bgcolor", "#ffffff");
        layout.SetProperty("title", title);
        // plotly.js's own default is automargin=false, which cuts long category labels off.
        layout.SetProperty("xaxis", Axis(("automargin", true), ("gridcolor", "#dddddd"), ("zerolinecolor", "#bbbbbb")));
        layout.SetProperty("yaxis", Axis(("automargin", true), ("gridcolor", "#dddddd"), ("zerolinecolor", "#bbbbbb")));
        layout.SetProperty("margin", Margin(t: 90, b: 60, l: 60, r: 30));
        chart = FsChart.withLayout(layout).Invoke(chart);
        // The modebar's Plotly logo links to plotly.com: not in an offline report.
        var config = new Config();
        config.SetProperty("displaylogo", false);
        config.SetProperty("responsive", true);
        return FsChart.withConfig(config).Invoke(chart);
    }

    /// <summary>A LinearAxis carrying just the given plotly.js properties (merged into the existing axis by withLayout).</summary>
    public static LinearAxis Axis(params (string Name, object Value)[] properties)
    {
        var axis = new LinearAxis();
        foreach (var (name, value) in properties) axis.SetProperty(name, value);
        return axis;
    }

    /// <summary>Sets plotly.js properties on layout.xaxis or layout.yaxis, keeping what is already there.</summary>
    public static GenericChart WithAxis(GenericChart chart, string axis, params (string Name, object Value)[] properties)
    {
        var layout = new Layout();
        layout.SetProperty(axis, Axis(properties));
        return FsChart.withLayout(layout).Invoke(chart);
    }

    /// <summary>
    /// Makes an axis a category axis. plotly.js guesses axis types from the data, and categories that look
    /// like numbers or dates ("2021/22", "2023") would otherwise become a numeric or date axis.
    /// With <paramref name="order"/>, the categories keep that order (and unknown ones still get a slot).
    /// </summary>
    public static GenericChart CategoryAxis(GenericChart chart, string axis, string title, IReadOnlyList<string>? order = null)
    {
        var props = new List<(string, object)> { ("type", "category"), ("showgrid", false), ("title", AxisTitle(title)) };
        if (order is not null)
        {
            props.Add(("categoryorder", "array"));
            props.Add(("categoryarray", order.ToArray()));
        }
        return WithAxis(chart, axis, props.ToArray());
    }

    /// <summary>A value axis for whole-number counts: titled, no fractional ticks, starting at zero.</summary>
    public static GenericChart CountAxis(GenericChart chart, string axis, string title, long max)
    {
        var props = new List<(string, object)> { ("title", AxisTitle(title)), ("tickformat", ",d"), ("rangemode", "tozero") };
        if (max <= 6) props.Add(("dtick", 1));
        return WithAxis(chart, axis, props.ToArray());
    }

    /// <summary>Axis title object.</summary>
    public static Title AxisTitle(string text)
    {
        var title = new Title();
        title.SetProperty("text", PlotlyText.Encode(text));
        return title;
    }

    /// <summary>Chart title with an optional smaller second line (both text, encoded for plotly).</summary>
    public static GenericChart WithTitle(GenericChart chart, string title, string? subtitle = null)
    {
        var text = PlotlyText.Encode(title);
        if (!string.IsNullOrEmpty(subtitle))
            text += "<br><span style=\"font-size:12px;color:#555555\">" + PlotlyText.Encode(subtitle) + "</span>";
        return FsChart.withTitle(text, null).Invoke(chart);
    }

    /// <summary>Sets one layout property by its plotly.js name (deep-merged into the existing layout).</summary>
    public static GenericChart WithLayoutProperty(GenericChart chart, string name, object value)
    {
        var layout = new Layout();
        layout.SetProperty(name, value);
        return FsChart.withLayout(layout).Invoke(chart);
    }

    /// <summary>
    /// Adds annotations: notes in the plot (e.g. "not printed" at a category) and, at most one, a note
    /// below the plot (caveats), with the bottom margin made room for it.
    /// </summary>
    public static GenericChart WithNotes(GenericChart chart, IEnumerable<Annotation> notes, string? below = null)
    {
        var all = notes.ToList();
        if (!string.IsNullOrWhiteSpace(below))
        {
            var text = PlotlyText.Wrap(below, 150);
            var lines = text.Count(c => c == '\n') + 1;
            var a = new Annotation();
            a.SetProperty("text", PlotlyText.EncodeLines(text));
            a.SetProperty("xref", "paper");
            a.SetProperty("yref", "paper");
            a.SetProperty("x", 0);
            a.SetProperty("y", 0);
            a.SetProperty("xanchor", "left");
            a.SetProperty("yanchor", "top");
            // Below the tick labels and the axis title (px), whatever the plot's height.
            a.SetProperty("yshift", -BelowPlotOffset);
            a.SetProperty("showarrow", false);
            a.SetProperty("align", "left");
            a.SetProperty("font", NoteFont(11));
            all.Add(a);
            chart = WithLayoutProperty(chart, "margin", Margin(t: 90, b: BelowPlotOffset + 16 * lines + 16, l: 60, r: 30));
        }
        return all.Count == 0 ? chart : WithLayoutProperty(chart, "annotations", all.ToArray());
    }

    /// <summary>How far below the plot area (px) a note starts: past tick labels and the axis title.</summary>
    public const int BelowPlotOffset = 72;

    /// <summary>An annotation at a category on the x axis (data coordinates), e.g. "not printed" in an empty slot.</summary>
    public static Annotation AtCategory(string text, string category, double y, string yref = "paper")
    {
        var a = new Annotation();
        a.SetProperty("text", PlotlyText.Encode(text));
        a.SetProperty("xref", "x");
        a.SetProperty("yref", yref);
        a.SetProperty("x", category);
        a.SetProperty("y", y);
        a.SetProperty("yanchor", "bottom");
        a.SetProperty("showarrow", false);
        a.SetProperty("font", NoteFont(12, "#666666"));
        return a;
    }

    /// <summary>Sets plotly.js properties on every trace (hover text, bases, patterns: nothing typed exists for them).</summary>
    public static GenericChart WithTraceProperties(GenericChart chart, params (string Name, object Value)[] properties)
        => GenericChart.mapTrace(
            FuncConvert.FromFunc<Trace, Trace>(t =>
            {
                foreach (var (name, value) in properties) t.SetProperty(name, value);
                return t;
            }),
            chart);

    /// <summary>
    /// Hover text per bar: shows "category: value" then our own lines (source basis, notes).
    /// <paramref name="valueOnX"/> for horizontal bars.
    /// </summary>
    public static GenericChart WithHover(GenericChart chart, IReadOnlyList<string> hover, bool valueOnX = false)
        => WithTraceProperties(chart,
            ("hovertext", hover.Select(PlotlyText.EncodeLines).ToArray()),
            ("hovertemplate", (valueOnX ? "%{y}: %{x:,}" : "%{x}: %{y:,}") + "<br>%{hovertext}<extra></extra>"),
            ("hoverlabel", HoverLabel()));

    /// <summary>plotly.js margins in px.</summary>
    public static DynamicObj.DynamicObj Margin(int t, int b, int l, int r)
    {
        var m = new Plotly.NET.LayoutObjects.Margin();
        m.SetProperty("t", t);
        m.SetProperty("b", b);
        m.SetProperty("l", l);
        m.SetProperty("r", r);
        return m;
    }

    /// <summary>Number as plotly and the report print it: invariant, thousands separated.</summary>
    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static Font NoteFont(int size, string color = "#444444")
    {
        var f = new Font();
        f.SetProperty("size", size);
        f.SetProperty("color", color);
        return f;
    }

    private static Hoverlabel HoverLabel()
    {
        var h = new Hoverlabel();
        h.SetProperty("align", "left");
        h.SetProperty("bgcolor", "#ffffff");
        return h;
    }
}

/// <summary>Text that goes into plotly.js strings (titles, labels, hover), which plotly reads as a little HTML.</summary>
public static class PlotlyText
{
    /// <summary>
    /// Encodes &amp;, &lt; and &gt; as entities (plotly.js decodes them) so a printed label such as
    /// "&lt;18s" is drawn as text, never read as a tag. Quotes and apostrophes are left as printed.
    /// </summary>
    public static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Encodes as <see cref="Encode"/> and turns newlines into plotly's line breaks (&lt;br&gt;).</summary>
    public static string EncodeLines(string text) => Encode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Joins hover lines, wrapping long ones so the hover box stays readable.</summary>
    public static string Lines(IEnumerable<string> lines, int width = 80) =>
        string.Join("\n", lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => Wrap(l, width)));

    /// <summary>Wraps text at spaces to lines of at most <paramref name="width"/> characters (newline-separated).</summary>
    public static string Wrap(string text, int width)
    {
        if (text.Contains('\n', StringComparison.Ordinal)) return string.Join("\n", text.Split('\n').Select(l => Wrap(l, width)));
        if (text.Length <= width) return text;
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join("\n", lines);
    }
}
