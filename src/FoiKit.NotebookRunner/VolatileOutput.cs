using System.Text.RegularExpressions;

namespace FoiKit.NotebookRunner;

/// <summary>
/// Outputs carry values that change on every run: Plotly chart div ids (a new GUID per chart, also inside
/// the renderPlotly_ function name), DataFrame table and page ids (table_&lt;ticks&gt;, page_&lt;ticks&gt; in a paged table) and script submission numbers in
/// stack traces. Replace them with stable placeholders before comparing two runs or snapshotting.
/// </summary>
public static partial class VolatileOutput
{
    public static string Normalize(string text)
    {
        text = Guid().Replace(text, "00000000-0000-0000-0000-000000000000");
        text = GuidNoDashes().Replace(text, "renderPlotly_0");
        text = TableId().Replace(text, "table_0");
        text = PageId().Replace(text, "page_0");
        return Submission().Replace(text, "Submission#0");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("renderPlotly_[0-9a-f]{32}")]
    private static partial Regex GuidNoDashes();

    [GeneratedRegex("table_[0-9]+")]
    private static partial Regex TableId();

    [GeneratedRegex("page_[0-9]+")]
    private static partial Regex PageId();

    [GeneratedRegex("Submission#[0-9]+")]
    private static partial Regex Submission();
}
