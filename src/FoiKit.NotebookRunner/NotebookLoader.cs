using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace FoiKit.NotebookRunner;

/// <summary>A parsed notebook: the Polyglot document model plus the raw JSON it came from.</summary>
/// <param name="Path">Full path of the .ipynb (or .dib) file.</param>
/// <param name="Document">The document as parsed by Microsoft.DotNet.Interactive.Documents.</param>
/// <param name="RawJson">The original .ipynb JSON, kept so that writing back changes only outputs; null for .dib.</param>
public sealed record LoadedNotebook(string Path, InteractiveDocument Document, JsonObject? RawJson)
{
    /// <summary>Code cells in document order with their index among all cells.</summary>
    public IEnumerable<(int CellIndex, InteractiveDocumentElement Element)> CodeCells =>
        Document.Elements
            .Select((e, i) => (i, e))
            .Where(t => t.e.KernelName is not null && t.e.KernelName != "markdown");

    /// <summary>The index (among all cells) of the code cell tagged <c>parameters</c>, or null when there is none.</summary>
    public int? ParametersCellIndex
    {
        get
        {
            if (RawJson?["cells"] is not System.Text.Json.Nodes.JsonArray cells) return null;
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i]?["cell_type"]?.GetValue<string>() == "code"
                    && cells[i]?["metadata"]?["tags"] is System.Text.Json.Nodes.JsonArray tags
                    && tags.Any(t => t?.GetValue<string>() == NotebookParameters.Tag))
                    return i;
            }
            return null;
        }
    }
}

/// <summary>Loads .ipynb/.dib notebooks through InteractiveDocument.LoadAsync.</summary>
public static class NotebookLoader
{
    /// <summary>The kernels this runner knows: C# only, with the aliases VS Code uses.</summary>
    public static KernelInfoCollection DefaultKernelInfos()
    {
        var infos = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "C#"]),
        };
        infos.DefaultKernelName = "csharp";
        return infos;
    }

    public static async Task<LoadedNotebook> LoadAsync(string path, KernelInfoCollection? kernelInfos = null)
    {
        var file = new FileInfo(path);
        var document = await InteractiveDocument.LoadAsync(file, kernelInfos ?? DefaultKernelInfos());

        JsonObject? raw = null;
        if (file.Extension.Equals(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            raw = JsonNode.Parse(await File.ReadAllTextAsync(file.FullName))!.AsObject();
            var rawCells = raw["cells"]?.AsArray().Count ?? 0;
            if (rawCells != document.Elements.Count)
            {
                throw new InvalidDataException(
                    $"{path}: InteractiveDocument has {document.Elements.Count} elements but the JSON has {rawCells} cells.");
            }
        }

        // InteractiveDocument.GetDefaultKernelName() reads polyglot_notebook.defaultKernelName, but VS Code
        // writes polyglot_notebook.kernelInfo.defaultKernelName, so it returns null and code cells without
        // their own polyglot_notebook.kernelName come back with KernelName == null. Fill them in.
        var defaultKernel = DefaultKernelName(raw) ?? (kernelInfos ?? DefaultKernelInfos()).DefaultKernelName ?? "csharp";
        foreach (var element in document.Elements)
        {
            element.KernelName ??= defaultKernel;
        }

        return new LoadedNotebook(file.FullName, document, raw);
    }

    /// <summary>The notebook's default kernel as VS Code records it, else from the Jupyter kernelspec.</summary>
    public static string? DefaultKernelName(JsonObject? raw)
    {
        var metadata = raw?["metadata"] as JsonObject;
        if (metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue v && v.TryGetValue<string>(out var name))
        {
            return name;
        }

        return (metadata?["kernelspec"]?["name"] as JsonValue)?.GetValue<string>() switch
        {
            ".net-csharp" => "csharp",
            ".net-fsharp" => "fsharp",
            ".net-pwsh" => "pwsh",
            _ => null,
        };
    }
}
