using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FoiKit.NotebookRunner;

/// <summary>
/// What two executed copies of a notebook must agree on to show the same thing: every cell, source and output,
/// except what differs from machine to machine although the figures are the same. The pictures of charts
/// (<c>image/png</c>) are drawn by the local browser, whose fonts and version change their bytes; they are
/// compared through the chart's plotly JSON beside them, which is the same everywhere. Timings and kernel ids
/// are never written (see <see cref="NotebookBatch.SaveAsync"/>).
/// </summary>
public static class ExecutedNotebook
{
    /// <summary>What stands for a picture in <see cref="Comparable"/>.</summary>
    public const string PicturePlaceholder = "(picture)";

    /// <summary>What stands for the source of the injected parameters cell in <see cref="Comparable"/>.</summary>
    public const string InjectedPlaceholder = "(the run's parameters)";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The notebook's text with every picture replaced by <see cref="PicturePlaceholder"/>, or left out when
    /// <paramref name="withoutPictures"/> (to compare with a copy saved before pictures were drawn), and the injected
    /// parameters cell's source by <see cref="InjectedPlaceholder"/> (its <c>data</c> is the study folder as named
    /// from where the run was: the same study copied elsewhere shows the same); indented, one key a line, for
    /// readable differences.
    /// </summary>
    public static string Comparable(string ipynb, bool withoutPictures = false)
    {
        var root = JsonNode.Parse(ipynb)!.AsObject();
        foreach (var cell in root["cells"]?.AsArray() ?? [])
        {
            if (cell?["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == NotebookParameters.InjectedTag))
                cell["source"] = InjectedPlaceholder;
            foreach (var output in cell?["outputs"]?.AsArray() ?? [])
                if (output?["data"] is JsonObject data && data.ContainsKey(ChartOutputs.PngMimeType))
                {
                    if (withoutPictures) data.Remove(ChartOutputs.PngMimeType);
                    else data[ChartOutputs.PngMimeType] = PicturePlaceholder;
                }
        }
        return root.ToJsonString(Indented);
    }

    /// <summary>
    /// Copies executed notebooks into a folder kept in the repository (docs/notebooks/, where GitHub shows them),
    /// replacing a copy only when it shows something else (<see cref="Comparable"/>), so a run on another machine,
    /// whose browser draws the same charts with other bytes, leaves the committed copies alone. Numbered copies
    /// whose notebook is gone are removed. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Publish(IEnumerable<string> executedCopies, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var copy in executedCopies)
        {
            var name = Path.GetFileName(copy);
            names.Add(name);
            var target = Path.Combine(folder, name);
            var text = File.ReadAllText(copy);
            if (File.Exists(target) && Comparable(File.ReadAllText(target)) == Comparable(text)) continue;
            File.Copy(copy, target, overwrite: true);
            written.Add(target);
        }
        foreach (var stale in NotebookBatch.Find(folder).Where(p => !names.Contains(Path.GetFileName(p))))
        {
            File.Delete(stale);
            written.Add(stale);
        }
        return written;
    }
}
