using System.Text.Json;
using FoiKit.Charts.Export;
using FoiKit.Reference;
using FoiKit.Testing;

namespace FoiKit.Bench.Macro;

/// <summary><c>foi reproduce</c> and a fresh notebook to its first chart, timed in child processes of this same program.</summary>
internal static class ReproduceTiming
{
    private const string ReproduceVerb = "reproduce";

    /// <summary>
    /// Times the real <c>foi reproduce</c> in child processes. Cold: a fresh process with an empty
    /// output folder and an empty FOIKIT_CACHE folder (and, with --cold-packages, an empty NuGet
    /// packages folder, so package restore is part of it). Warm: the same again, reusing what the
    /// cold run left; the median of <paramref name="warmRuns"/> runs. When reproduce writes
    /// <c>timings.json</c> (phase name → seconds) into its output folder, the phases of the cold
    /// and the last warm run are copied into the result, to show where the time goes.
    /// </summary>
    public static async Task TimeReproduceAsync(BenchResult result, string outDir, int warmRuns, bool coldPackages, TextWriter log, ReferenceData reference)
    {
        var notes = result.Notes;
        var self = SelfProcess.Command();
        if (self is null)
        {
            notes.Add("reproduce not timed: foi is running inside another program (a test host), so it cannot start itself");
            return;
        }
        // The browser reproduce itself will find: one finder, one variable (FOIKIT_BROWSER) for the whole kit.
        var browser = BrowserLocator.Find(out var why);
        if (browser is null)
        {
            notes.Add($"reproduce_warm_s and reproduce_cold_s omitted: {why}");
            return;
        }
        result.Set("browser", browser);
        // Cold: a fresh process, an empty output folder and an empty cache folder (FOIKIT_CACHE).
        // Warm: the same process kind again, reusing what the cold run left behind.
        var reproduceOut = Path.Combine(outDir, "reproduce");
        var cache = Path.Combine(outDir, "reproduce-cache");
        var packages = coldPackages ? Path.Combine(outDir, "reproduce-nuget") : null;
        foreach (var d in new[] { reproduceOut, cache, packages })
            if (d is not null && Directory.Exists(d)) Directory.Delete(d, recursive: true);
        var cold = await SelfProcess.RunAsync(self.Value, [ReproduceVerb, "--out", reproduceOut], cache, packages: packages).ConfigureAwait(false);
        if (cold.ExitCode != 0)
        {
            notes.Add($"reproduce failed (exit {cold.ExitCode}) so it was not timed: {Tail(cold.Stderr)}");
            return;
        }
        log.WriteLine($"  reproduce cold: {cold.Seconds:F1} s");
        var coldPhases = Phases(reproduceOut);
        var warm = new List<double>();
        for (var i = 0; i < warmRuns; i++)
        {
            var run = await SelfProcess.RunAsync(self.Value, [ReproduceVerb, "--out", reproduceOut], cache, packages: packages).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                notes.Add($"a warm reproduce run failed (exit {run.ExitCode}): {Tail(run.Stderr)}");
                return;
            }
            warm.Add(run.Seconds);
        }
        var runs = new Runs(warm, []);
        log.WriteLine($"  reproduce warm: median {runs.Median:F1} s");
        result.Set("reproduce_cold_s", Math.Round(cold.Seconds, 2));
        result.Add("reproduce_warm_s", runs.Median, runs, rate: false);
        result.Set("reproduce_cold_packages", coldPackages);
        if (coldPhases is not null) result.Set("reproduce_cold_phases", coldPhases);
        if (Phases(reproduceOut) is { } warmPhases) result.Set("reproduce_warm_phases", warmPhases);
        await TimeStudyAsync(result, self.Value, outDir, reference, warmRuns, cache, packages, runs.Median, log).ConfigureAwait(false);
        await TimeFirstChartAsync(result, self.Value, warmRuns, log).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>foi reproduce --data</c> over a study folder of every force's answer (SYNTHETIC: <see cref="SyntheticResponses"/>,
    /// about 150 cells a force, as small answers are), warm, the median of <paramref name="warmRuns"/> runs after one
    /// run that warms it, and its ratio to the warm run on the kit's data: a study of 44 answers should stay within twice it.
    /// </summary>
    private static async Task TimeStudyAsync(BenchResult result, (string File, string[] Prefix) self, string outDir, ReferenceData reference,
        int warmRuns, string cache, string? packages, double dataWarm, TextWriter log)
    {
        var study = Path.Combine(outDir, "study-synthetic");
        var studyOut = Path.Combine(outDir, "reproduce-study");
        foreach (var d in new[] { study, studyOut })
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        var synth = new SyntheticResponses(reference, cells: 150L * reference.Forces.All.Count);
        var files = synth.WriteJsonFiles(Path.Combine(study, "responses"));
        File.WriteAllText(Path.Combine(study, "README.md"), "SYNTHETIC study folder written by foi bench: every figure is invented by code; not evidence.\n");
        string[] line = [ReproduceVerb, "--data", study, "--out", studyOut];
        var times = new List<double>();
        for (var i = 0; i <= warmRuns; i++)
        {
            var run = await SelfProcess.RunAsync(self, line, cache, packages: packages).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                result.Notes.Add($"reproduce over the synthetic study not timed (exit {run.ExitCode}): {Tail(run.Stderr)}");
                return;
            }
            if (i > 0) times.Add(run.Seconds); // the first run warms the study's own caches, as the data/ cold run does
        }
        var runs = new Runs(times, []);
        result.Set("study_answers", files.Count);
        result.Set("study_cells", synth.Cells);
        result.Add("reproduce_study_warm_s", runs.Median, runs, rate: false);
        result.Set("reproduce_study_vs_data", Math.Round(runs.Median / dataWarm, 2));
        log.WriteLine($"  reproduce over a study of {files.Count} synthetic answers: median {runs.Median:F1} s ({runs.Median / dataWarm:F2} x data/)");
    }

    /// <summary>
    /// "First cell of a fresh notebook to its first chart": each run is a fresh process (nothing JIT-compiled
    /// yet, as for a reader who opens a notebook) that creates a kernel and runs the first notebook's code
    /// cells until one draws a chart, with nothing else running beside it (in reproduce the report and its
    /// browser share the cores). After reproduce, so the notebook library is staged and packages restored.
    /// </summary>
    private static async Task TimeFirstChartAsync(BenchResult result, (string File, string[] Prefix) self, int runs, TextWriter log)
    {
        var kernel = new List<double>();
        var cells = new List<double>();
        var both = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var run = await SelfProcess.RunAsync(self, ["bench", FirstChartChild.Flag], cache: null, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                result.Notes.Add($"first chart not timed: the fresh notebook failed (exit {run.ExitCode}): {Tail(run.Stderr)}");
                return;
            }
            using var doc = JsonDocument.Parse(run.Stdout);
            kernel.Add(doc.RootElement.GetProperty("kernel_start_s").GetDouble());
            cells.Add(doc.RootElement.GetProperty("first_cell_to_first_chart_s").GetDouble());
            both.Add(kernel[^1] + cells[^1]);
        }
        result.Set("first_chart_notebook", FirstChartChild.FirstNotebook() is { } nb ? Path.GetFileName(nb) : null);
        result.Add("first_cell_to_first_chart_s", new Runs(cells, []).Median, new Runs(cells, []), rate: false);
        result.Add("first_chart_kernel_start_s", new Runs(kernel, []).Median, new Runs(kernel, []), rate: false);
        result.Add("kernel_start_to_first_chart_s", new Runs(both, []).Median, new Runs(both, []), rate: false);
        log.WriteLine($"  fresh notebook: first cell to first chart, median {new Runs(cells, []).Median:F2} s (kernel start {new Runs(kernel, []).Median:F2} s before it)");
    }

    /// <summary>reproduce's own account of its phases, when it leaves one (<c>timings.json</c>: name → seconds).</summary>
    private static Dictionary<string, object?>? Phases(string reproduceOut)
    {
        var path = Path.Combine(reproduceOut, "timings.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            return doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .ToDictionary(p => p.Name, p => (object?)p.Value.GetDouble(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" / ", lines.TakeLast(3));
    }
}
