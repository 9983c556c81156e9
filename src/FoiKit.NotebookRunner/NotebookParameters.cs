using System.Globalization;
using System.Text;

namespace FoiKit.NotebookRunner;

/// <summary>
/// Values for a notebook's <c>parameters</c> cell (the papermill convention, contract §8): the runner
/// runs the notebook's own parameters cell, then an injected cell, tagged <c>injected-parameters</c>,
/// that sets each name to its value, so every later cell sees the values given. The executed copy
/// shows the injected cell, so a reader sees which values the outputs come from.
/// </summary>
/// <param name="Values">Name and value, in the order they are set; values are C# string literals' contents.</param>
public sealed record NotebookParameters(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>The tag of the cell a notebook declares its parameters in.</summary>
    public const string Tag = "parameters";

    /// <summary>The tag of the cell the runner adds after it.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>The kit's three parameters: the study folder (relative to the notebook's folder), the force and the article.</summary>
    public static NotebookParameters Of(string data, string force, string article) =>
        new([new("data", data), new("force", force), new("article", article)]);

    /// <summary>The injected cell's C# code: one <c>var</c> per parameter (a later declaration shadows the notebook's own).</summary>
    public string ToCode()
    {
        var code = new StringBuilder("// Parameters given to this run (injected after the notebook's parameters cell)\n");
        foreach (var (name, value) in Values)
            code.Append(CultureInfo.InvariantCulture, $"var {name} = {Literal(value)};\n");
        return code.ToString().TrimEnd('\n');
    }

    /// <summary>A C# verbatim string literal: only a double quote needs doubling, so paths read as typed.</summary>
    private static string Literal(string value) => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
