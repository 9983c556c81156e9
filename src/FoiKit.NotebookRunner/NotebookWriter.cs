using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FoiKit.NotebookRunner;

/// <summary>
/// Writes an executed notebook back to .ipynb. It patches the JSON the notebook was loaded from:
/// only <c>outputs</c> and <c>execution_count</c> of code cells change, everything else (metadata,
/// key order, sources) stays as it was. Output objects use sorted keys and the file uses one-space
/// indentation and a trailing newline, as VS Code and Jupyter write them.
/// </summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The executed notebook as .ipynb text.</summary>
    public static string ToIpynb(NotebookRunResult result)
    {
        var raw = result.Notebook.RawJson
                  ?? throw new InvalidOperationException("Only notebooks loaded from .ipynb can be written back.");
        var root = raw.DeepClone().AsObject();
        var cells = root["cells"]!.AsArray();
        var byIndex = result.Cells.Where(c => !c.Injected).ToDictionary(c => c.CellIndex);

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            if (byIndex.TryGetValue(i, out var cellResult))
            {
                cell["execution_count"] = cellResult.ExecutionCount;
                cell["outputs"] = ToJupyterOutputs(cellResult);
            }
            else
            {
                // Not run (e.g. after a failing cell): leave it as if never executed.
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
        }

        // The parameters a run was given: a cell of its own after the notebook's parameters cell (papermill's
        // convention), or before the first code cell of a notebook that has none.
        if (result.Cells.FirstOrDefault(c => c.Injected) is { } injected)
        {
            var at = injected.CellIndex == result.Notebook.ParametersCellIndex ? injected.CellIndex + 1 : injected.CellIndex;
            cells.Insert(at, InjectedCell(injected, cells[injected.CellIndex]!["metadata"]));
        }

        return root.ToJsonString(JsonOptions) + "\n";
    }

    private static JsonObject InjectedCell(CellResult cell, JsonNode? anchorMetadata)
    {
        // Keep the anchor cell's kernel metadata (VS Code's polyglot_notebook / dotnet_interactive) so editors
        // open the injected cell in the same language; replace its tags with the injected tag.
        var metadata = anchorMetadata?.DeepClone().AsObject() ?? new JsonObject();
        metadata["tags"] = new JsonArray(NotebookParameters.InjectedTag);
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = cell.ExecutionCount,
            ["metadata"] = metadata,
            ["outputs"] = ToJupyterOutputs(cell),
            ["source"] = Lines(cell.Code),
        };
    }

    /// <summary>The notebook with every code cell's outputs and execution count cleared.</summary>
    public static string ToClearedIpynb(LoadedNotebook notebook) =>
        ToIpynb(new NotebookRunResult(notebook, [], TimeSpan.Zero, []));

    public static async Task WriteAsync(NotebookRunResult result, string path) =>
        await File.WriteAllTextAsync(path, ToIpynb(result), new System.Text.UTF8Encoding(false));

    private static JsonArray ToJupyterOutputs(CellResult cell)
    {
        var outputs = new JsonArray();
        JsonObject? lastStream = null;
        string? lastStreamName = null;
        var lastStreamText = "";

        foreach (var output in cell.Outputs)
        {
            if (output.Kind is CellOutputKind.StandardOutput or CellOutputKind.StandardError)
            {
                var name = output.Kind == CellOutputKind.StandardOutput ? "stdout" : "stderr";
                var text = output.PlainText ?? "";
                if (lastStream is not null && lastStreamName == name)
                {
                    // Consecutive writes to one stream become one output, as in Jupyter.
                    lastStreamText += text;
                    lastStream["text"] = Lines(lastStreamText);
                    continue;
                }

                lastStream = new JsonObject
                {
                    ["name"] = name,
                    ["output_type"] = "stream",
                    ["text"] = Lines(text),
                };
                lastStreamName = name;
                lastStreamText = text;
                outputs.Add(lastStream);
                continue;
            }

            lastStream = null;
            lastStreamName = null;

            switch (output.Kind)
            {
                case CellOutputKind.ReturnValue:
                    outputs.Add(new JsonObject
                    {
                        ["data"] = Data(output.Data),
                        ["execution_count"] = cell.ExecutionCount,
                        ["metadata"] = new JsonObject(),
                        ["output_type"] = "execute_result",
                    });
                    break;

                case CellOutputKind.Display:
                    outputs.Add(new JsonObject
                    {
                        ["data"] = Data(output.Data),
                        ["metadata"] = new JsonObject(),
                        ["output_type"] = "display_data",
                    });
                    break;

                case CellOutputKind.Error:
                    var message = output.PlainText ?? "";
                    outputs.Add(new JsonObject
                    {
                        ["ename"] = output.ErrorName ?? "Error",
                        ["evalue"] = message.Split('\n')[0].TrimEnd('\r'),
                        ["output_type"] = "error",
                        ["traceback"] = new JsonArray(message.Split('\n').Select(l => (JsonNode?)JsonValue.Create(l.TrimEnd('\r'))).ToArray()),
                    });
                    break;
            }
        }

        return outputs;
    }

    private static JsonObject Data(IReadOnlyDictionary<string, string> data)
    {
        var obj = new JsonObject();
        foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            obj[mime] = IsJson(mime) ? JsonNode.Parse(value) : mime.StartsWith("image/", StringComparison.Ordinal) && mime != "image/svg+xml" ? value : Lines(value);
        }

        return obj;
    }

    /// <summary>
    /// nbformat keeps JSON MIME types (<c>application/json</c>, <c>application/…+json</c> such as Plotly's) as JSON
    /// values, not text: viewers hand them to their renderers as objects. Binary images are one base64 string.
    /// </summary>
    private static bool IsJson(string mime) =>
        mime == "application/json" || mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>Jupyter's multiline string: lines that keep their "\n", the last one without.</summary>
    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            array.Add(text[start..end]);
            start = end;
        }

        return array;
    }
}
