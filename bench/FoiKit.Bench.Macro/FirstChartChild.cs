using System.Diagnostics;
using System.Globalization;
using FoiKit.NotebookRunner;
using FoiKit.Reference;

namespace FoiKit.Bench.Macro;

/// <summary>
/// The child process that times a fresh notebook to its first chart: nothing JIT-compiled yet, as for a
/// reader who opens a notebook. <c>foi bench --first-chart-child</c> runs it; it prints one JSON object.
/// </summary>
public static class FirstChartChild
{
    /// <summary>The hidden flag of <c>foi bench</c> that makes it this child.</summary>
    public const string Flag = "--first-chart-child";

    /// <summary>
    /// The repository's first numbered notebook that draws charts: the first after 00, the blank starter, which draws
    /// none (the repository is found as reproduce finds it: by its data folder).
    /// </summary>
    internal static string? FirstNotebook()
    {
        if (KitData.LocateDataFolder() is not { } data) return null;
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(data))!, "notebooks");
        return Directory.Exists(folder) ? NotebookBatch.Find(folder).FirstOrDefault(p => !Path.GetFileName(p).StartsWith("00-", StringComparison.Ordinal)) : null;
    }

    /// <summary>Runs the first notebook's code cells until one draws a chart; prints one JSON object of seconds.</summary>
    public static async Task RunAsync(TextWriter stdout)
    {
        var path = FirstNotebook() ?? throw new FileNotFoundException("no numbered notebook in the repository's notebooks/ folder");
        var notebook = await NotebookLoader.LoadAsync(path).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        using var session = NotebookSession.Create();
        var kernelStart = clock.Elapsed;
        Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
        var cells = TimeSpan.Zero;
        foreach (var (index, cell) in notebook.CodeCells)
        {
            var ran = await session.RunCellAsync(cell.Contents, cell.KernelName ?? session.CSharp.Name, index).ConfigureAwait(false);
            cells += ran.Elapsed;
            if (!ran.Succeeded) throw new InvalidOperationException($"{path}: cell {index + 1} failed: {ran.FailureMessage}");
            if (!ran.DrawsChart) continue;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"kernel_start_s": {{kernelStart.TotalSeconds:F3}}, "first_cell_to_first_chart_s": {{cells.TotalSeconds:F3}}}"""));
            return;
        }
        throw new InvalidOperationException($"{path}: no code cell drew a chart");
    }
}
