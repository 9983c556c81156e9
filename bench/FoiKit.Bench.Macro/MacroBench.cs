using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Notebooks;
using FoiKit.Present;
using FoiKit.Reference;
using FoiKit.Synthetic;

namespace FoiKit.Bench.Macro;

/// <summary>
/// <c>foi bench [--quick] [--json] [--out folder]</c>: the kit's macro benchmark on SYNTHETIC data
/// (<see cref="SyntheticResponses"/>). It times normalising (in memory, to a tidy CSV, and from
/// transcript files as <c>foi normalise</c> does), reading the tidy CSV back, peak memory and,
/// when the <c>reproduce</c> verb and a browser exist, the real <c>foi reproduce</c> cold and warm.
/// Every rate is the median of repeated runs. The tidy CSV it read is left in the output folder so
/// other tools (pandas, bench/compare/) can be timed on the same file.
/// </summary>
public static class MacroBench
{
    /// <summary>Data cells (one tidy row or reject each) in a quick run: enough for a tidy CSV of more than a million rows.</summary>
    public const long QuickCells = 1_050_000;

    /// <summary>Data cells of the memory run in full mode: more than ten million tidy rows.</summary>
    public const long FullCells = 10_500_000;

    /// <summary>One transcript file this big (data cells) is read in full mode, to see what whole-file reading costs.</summary>
    public const long SingleFileCells = 10_000_000;

    private const string ReproduceVerb = "reproduce";

    /// <summary>The hidden flag of <c>foi bench</c> that makes it the child process timing a fresh notebook to its first chart.</summary>
    public const string FirstChartChildFlag = "--first-chart-child";

    /// <summary>True when <paramref name="folder"/> is the kit's data folder or inside it, where synthetic data must never go.</summary>
    public static bool InsideDataFolder(string folder, KitData kit)
    {
        var data = Path.GetFullPath(kit.DataFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(data, StringComparison.Ordinal);
    }

    /// <summary>Runs the benchmark: progress to <paramref name="log"/>, the figures (a table, or JSON) to <paramref name="stdout"/>.</summary>
    public static async Task RunAsync(BenchOptions options, KitData kit, TextWriter stdout, TextWriter log)
    {
        var quick = options.Quick;
        var cells = options.Cells ?? QuickCells;
        var fullCells = options.FullCells ?? FullCells;
        var repeat = options.Repeat ?? (quick ? 3 : 5);
        var seed = options.Seed;
        var outDir = Path.GetFullPath(options.OutFolder ?? Path.Combine(Path.GetTempPath(), "foi-bench"));
        if (InsideDataFolder(outDir, kit))
            throw new ArgumentException($"{outDir} is inside the kit's data folder: synthetic data never goes in data/ (it would be read as evidence)", nameof(options));
        Directory.CreateDirectory(outDir);

        var result = new BenchResult();
        var notes = result.Notes;
        var machine = Machine();
        log.WriteLine($"foi bench ({(quick ? "quick" : "full")}): SYNTHETIC data, {cells:N0} data cells, {repeat} runs each; output in {outDir}");
        if (IsDebugBuild()) notes.Add("this foi was built in Debug: rates are not representative (build with -c Release)");

        var total = Stopwatch.StartNew();
        var synth = new SyntheticResponses(kit.Reference, cells, seed);
        File.WriteAllText(Path.Combine(outDir, "SYNTHETIC-README.txt"),
            $"""
            Everything in this folder was made by `foi bench` from SYNTHETIC data: {SyntheticResponses.Note}
            Seed {seed}, {synth.Cells} data cells in {synth.RawRows} printed rows across {synth.Transcripts} transcripts.
            tidy.csv is what `foi normalise synthetic-responses/*.json --out tidy.csv` makes of them: time other tools on it.
            None of it is evidence; never copy it into data/.

            """);

        // 1. The generator alone, so its share of the in-memory rates is known.
        var gen = Measure(repeat, () => Consume(synth), log, "generate");
        result.Add("generate_rows_per_s", synth.Cells / gen.Median, gen);

        // 2. Normaliser only (rows from the generator, cells to a counting sink).
        var counts = default(Counts);
        var norm = Measure(repeat, () => counts = NormaliseInMemory(kit, synth, new CountingSink()), log, "normalise (null sink)");
        result.Add("normalise_rows_per_s", synth.Cells / norm.Median, norm);

        // 3. Normaliser + TidyCsvWriter to a file.
        var scratch = Path.Combine(outDir, "scratch.tidy.csv");
        var scratchRejects = Path.Combine(outDir, "scratch.rejects.csv");
        var write = Measure(repeat, () =>
        {
            using var writer = new TidyCsvWriter(scratch, scratchRejects);
            return NormaliseInMemory(kit, synth, writer);
        }, log, "normalise + write tidy CSV");
        result.Add("normalise_write_rows_per_s", synth.Cells / write.Median, write);
        DeleteQuietly(scratch, scratchRejects);

        // 4. What `foi normalise` does: transcript JSON files in, tidy CSV out. This makes tidy.csv.
        var responses = Path.Combine(outDir, "synthetic-responses");
        if (Directory.Exists(responses)) Directory.Delete(responses, recursive: true);
        var files = synth.WriteJsonFiles(responses);
        var tidyCsv = Path.Combine(outDir, "tidy.csv");
        var rejectsCsv = Path.Combine(outDir, "tidy.rejects.csv");
        NormaliseSummary? summary = null;
        var fromFiles = Measure(repeat, () =>
        {
            using var writer = new TidyCsvWriter(tidyCsv, rejectsCsv);
            summary = NormaliseRun.Run(kit, files, writer, _ => { });
            return new Counts(summary.Observations, summary.Rejects);
        }, log, "normalise transcript files (foi normalise)");
        result.Add("normalise_files_rows_per_s", synth.Cells / fromFiles.Median, fromFiles);
        if (summary!.Errors > 0) notes.Add($"{summary.Errors} synthetic transcript(s) could not be read: the generator and the reader disagree");

        // 5. The tidy CSV back into typed observations.
        long readRows = 0;
        var read = Measure(repeat, () =>
        {
            long n = 0, sum = 0;
            foreach (var o in TidyCsvReader.Read(tidyCsv, kit.Reference.Forces))
            {
                n++;
                sum += o.Value.Value ?? 0;
            }
            readRows = n;
            GC.KeepAlive(sum);
            return new Counts(n, 0);
        }, log, "read tidy CSV");
        result.Add("tidy_read_rows_per_s", readRows / read.Median, read);
        result.Set("tidy_csv", tidyCsv);
        result.Set("tidy_csv_rows", readRows);
        result.Set("tidy_csv_bytes", new FileInfo(tidyCsv).Length);
        result.Set("tidy_read_mb_per_s", Math.Round(new FileInfo(tidyCsv).Length / 1e6 / read.Median, 1));
        result.Set("raw_rows", synth.RawRows);
        result.Set("data_cells", synth.Cells);
        result.Set("tidy_rows", counts.Observations);
        result.Set("reject_rows", counts.Rejects);
        result.Set("transcripts", synth.Transcripts);
        if (readRows != counts.Observations) notes.Add($"the tidy CSV read back {readRows} rows but {counts.Observations} were normalised");
        result.Set("peak_memory_mb", PeakMb());

        // 6. Full mode: ten million rows through normalise and write and back, in bounded memory;
        //    and one large transcript file, to see what reading a whole file at once costs.
        if (!quick)
        {
            var big = new SyntheticResponses(kit.Reference, fullCells, seed + 1);
            var bigCsv = Path.Combine(outDir, "tidy-full.csv");
            ResetPeak();
            var sw = Stopwatch.StartNew();
            Counts bigCounts;
            using (var writer = new TidyCsvWriter(bigCsv, Path.Combine(outDir, "tidy-full.rejects.csv")))
                bigCounts = NormaliseInMemory(kit, big, writer);
            var bigWrite = sw.Elapsed.TotalSeconds;
            sw.Restart();
            long bigRead = 0;
            foreach (var _ in TidyCsvReader.Read(bigCsv, kit.Reference.Forces)) bigRead++;
            var bigReadS = sw.Elapsed.TotalSeconds;
            result.Set("full_data_cells", big.Cells);
            result.Set("full_tidy_rows", bigCounts.Observations);
            result.Set("full_normalise_write_rows_per_s", Math.Round(big.Cells / bigWrite));
            result.Set("full_tidy_read_rows_per_s", Math.Round(bigRead / bigReadS));
            result.Set("full_tidy_csv_bytes", new FileInfo(bigCsv).Length);
            result.Set("full_peak_memory_mb", PeakMb());
            log.WriteLine($"  full: {big.Cells:N0} cells written in {bigWrite:F1} s, read back in {bigReadS:F1} s, peak {PeakMb()} MB");
            if (!options.Keep) DeleteQuietly(bigCsv, Path.Combine(outDir, "tidy-full.rejects.csv"));

            var one = new SyntheticResponses(kit.Reference, SingleFileCells, seed + 2);
            var oneDir = Path.Combine(outDir, "single-file");
            if (Directory.Exists(oneDir)) Directory.Delete(oneDir, recursive: true);
            var oneFiles = SingleTranscript(one, oneDir);
            GC.Collect();
            ResetPeak();
            sw.Restart();
            using (var writer = new TidyCsvWriter(Path.Combine(oneDir, "tidy.csv"), Path.Combine(oneDir, "rejects.csv")))
                NormaliseRun.Run(kit, oneFiles, writer, _ => { });
            result.Set("single_file_cells", one.Cells);
            result.Set("single_file_bytes", new FileInfo(oneFiles[0]).Length);
            result.Set("single_file_rows_per_s", Math.Round(one.Cells / sw.Elapsed.TotalSeconds));
            result.Set("single_file_peak_memory_mb", PeakMb());
            log.WriteLine($"  one {new FileInfo(oneFiles[0]).Length / 1e6:F0} MB transcript: {sw.Elapsed.TotalSeconds:F1} s, peak {PeakMb()} MB");
            if (!options.Keep) Directory.Delete(oneDir, recursive: true);
        }

        // 7. The real `foi reproduce`, cold and warm, when it exists and a browser is present.
        if (!options.TimeReproduce) notes.Add("reproduce not timed: --no-reproduce");
        else await TimeReproduceAsync(result, outDir, quick ? 3 : 5, options.ColdPackages, log).ConfigureAwait(false);

        result.Set("peak_memory_mb", PeakMb());
        result.Set("bench_seconds", Math.Round(total.Elapsed.TotalSeconds, 1));
        machine["load_average_after"] = LoadAverage();

        var json = result.ToJson(quick ? "quick" : "full", seed, repeat, outDir, machine);
        if (options.Json)
        {
            stdout.WriteLine(json);
        }
        else
        {
            foreach (var (key, value) in result.Values) stdout.WriteLine($"{key,-34} {Show(value)}");
            foreach (var n in notes) stdout.WriteLine($"note: {n}");
        }
        File.WriteAllText(Path.Combine(outDir, "bench.json"), json + "\n");
    }

    // ---------------------------------------------------------------- measuring

    /// <summary>What one normalise pass produced.</summary>
    private readonly record struct Counts(long Observations, long Rejects);

    /// <summary>
    /// Seconds of each run, wall clock and CPU (this process, all threads: GC and JIT included), and
    /// their medians. On a shared machine the wall clock also counts time spent waiting for a core;
    /// CPU seconds do not, so the two together say how much of a slow run was the machine.
    /// </summary>
    public sealed record Runs(IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds)
    {
        public double Median => MedianOf(Seconds);

        public double CpuMedian => MedianOf(CpuSeconds);

        private static double MedianOf(IReadOnlyList<double> values)
        {
            var s = values.Order().ToArray();
            return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
        }
    }

    private static Runs Measure(int repeat, Func<Counts> run, TextWriter log, string what)
    {
        var seconds = new List<double>();
        var cpu = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            // Each run starts from a collected heap, so one run's garbage is not charged to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            seconds.Add(sw.Elapsed.TotalSeconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        var runs = new Runs(seconds, cpu);
        log.WriteLine($"  {what}: median {runs.Median:F2} s wall, {runs.CpuMedian:F2} s CPU " +
            $"({string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))})");
        return runs;
    }

    private static Counts Consume(SyntheticResponses synth)
    {
        long cells = 0;
        foreach (var t in synth.All())
            foreach (var table in t.Tables)
                foreach (var row in table.Rows)
                    cells += row.Cells.Count;
        return new Counts(cells, 0);
    }

    /// <summary>Normalises synthetic transcripts as <see cref="NormaliseRun"/> does, without files.</summary>
    private static Counts NormaliseInMemory(KitData kit, SyntheticResponses synth, ITidySink sink)
    {
        var normaliser = new Normaliser(kit);
        long observations = 0, rejects = 0;
        foreach (var t in synth.All())
        {
            var p = normaliser.Prepare(t);
            if (!p.Ok) throw new InvalidOperationException(p.Error);
            var (o, r) = normaliser.NormaliseInto(p.Value!, sink, static _ => { });
            observations += o;
            rejects += r;
        }
        return new Counts(observations, rejects);
    }

    /// <summary>All of a generator's tables in one transcript file.</summary>
    private static List<string> SingleTranscript(SyntheticResponses synth, string folder)
    {
        Directory.CreateDirectory(folder);
        var all = synth.All().ToList();
        var tables = all.SelectMany(t => t.Tables).Select((t, i) => t with { Index = i + 1 }).ToList();
        var one = all[0] with { SourceFile = "synthetic/one-large-response.json", Tables = tables };
        var path = Path.Combine(folder, "one-large-response.json");
        using (var stream = File.Create(path)) SyntheticResponses.WriteJson(one, stream);
        return [path];
    }

    private sealed class CountingSink : ITidySink
    {
        public long Count { get; private set; }

        public void Add(Observation observation) => Count++;

        public void Add(Reject reject) => Count++;
    }

    // ---------------------------------------------------------------- reproduce

    /// <summary>
    /// Times the real <c>foi reproduce</c> in child processes. Cold: a fresh process with an empty
    /// output folder and an empty FOIKIT_CACHE folder (and, with --cold-packages, an empty NuGet
    /// packages folder, so package restore is part of it). Warm: the same again, reusing what the
    /// cold run left; the median of <paramref name="warmRuns"/> runs. When reproduce writes
    /// <c>timings.json</c> (phase name → seconds) into its output folder, the phases of the cold
    /// and the last warm run are copied into the result, to show where the time goes.
    /// </summary>
    private static async Task TimeReproduceAsync(BenchResult result, string outDir, int warmRuns, bool coldPackages, TextWriter log)
    {
        var notes = result.Notes;
        var self = SelfCommand();
        if (self is null)
        {
            notes.Add("reproduce not timed: foi is running inside another program (a test host), so it cannot start itself");
            return;
        }
        var browser = FindBrowser();
        if (browser is null)
        {
            notes.Add("reproduce_warm_s and reproduce_cold_s omitted: no Chromium found (install Debian's chromium, or set FOIKIT_CHROMIUM)");
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
        var cold = await RunSelfAsync(self.Value, [ReproduceVerb, "--out", reproduceOut], cache, packages: packages).ConfigureAwait(false);
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
            var run = await RunSelfAsync(self.Value, [ReproduceVerb, "--out", reproduceOut], cache, packages: packages).ConfigureAwait(false);
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
        await TimeFirstChartAsync(result, self.Value, warmRuns, log).ConfigureAwait(false);
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
            var run = await RunSelfAsync(self, ["bench", FirstChartChildFlag], cache: null, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
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
        result.Set("first_chart_notebook", FirstNotebook() is { } nb ? Path.GetFileName(nb) : null);
        result.Add("first_cell_to_first_chart_s", new Runs(cells, []).Median, new Runs(cells, []), rate: false);
        result.Add("first_chart_kernel_start_s", new Runs(kernel, []).Median, new Runs(kernel, []), rate: false);
        result.Add("kernel_start_to_first_chart_s", new Runs(both, []).Median, new Runs(both, []), rate: false);
        log.WriteLine($"  fresh notebook: first cell to first chart, median {new Runs(cells, []).Median:F2} s (kernel start {new Runs(kernel, []).Median:F2} s before it)");
    }

    /// <summary>The repository's first numbered notebook (the repository is found as reproduce finds it: by its data folder).</summary>
    private static string? FirstNotebook()
    {
        if (KitData.LocateDataFolder() is not { } data) return null;
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(data))!, "notebooks");
        return Directory.Exists(folder) ? NotebookBatch.Find(folder).FirstOrDefault() : null;
    }

    /// <summary>The child side of <see cref="TimeFirstChartAsync"/>: prints one JSON object of seconds.</summary>
    public static async Task FirstChartChildAsync(TextWriter stdout)
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

    private readonly record struct SelfRun(int ExitCode, double Seconds, string Stderr, string Stdout = "");

    /// <summary>How to start this same program again: the apphost, or <c>dotnet foi.dll</c>; null inside a test host.</summary>
    internal static (string File, string[] Prefix)? SelfCommand()
    {
        var entry = Assembly.GetEntryAssembly();
        var path = Environment.ProcessPath;
        if (entry is null || path is null || entry.GetName().Name != "foi") return null;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [entry.Location]) : (path, []);
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

    private static async Task<SelfRun> RunSelfAsync((string File, string[] Prefix) self, string[] args, string? cache, TimeSpan? limit = null,
        string? packages = null)
    {
        var start = new ProcessStartInfo(self.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var p in self.Prefix) start.ArgumentList.Add(p);
        foreach (var x in args) start.ArgumentList.Add(x);
        if (cache is not null) start.Environment["FOIKIT_CACHE"] = cache;
        if (packages is not null) start.Environment["NUGET_PACKAGES"] = packages;
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new IOException($"{self.File} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new SelfRun(-1, sw.Elapsed.TotalSeconds, $"stopped after {(limit ?? TimeSpan.FromMinutes(10)).TotalSeconds} s");
        }
        var seconds = sw.Elapsed.TotalSeconds;
        return new SelfRun(process.ExitCode, seconds, await stderr.ConfigureAwait(false), await stdout.ConfigureAwait(false));
    }

    /// <summary>Chromium as the kit's charts use it: FOIKIT_CHROMIUM, else Debian's chromium on PATH.</summary>
    internal static string? FindBrowser()
    {
        var env = Environment.GetEnvironmentVariable("FOIKIT_CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "chrome" })
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" / ", lines.TakeLast(3));
    }

    // ---------------------------------------------------------------- the machine and memory

    private static Dictionary<string, object?> Machine() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["cpu"] = CpuModel(),
        ["memory_gb"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["gc"] = GCSettings.IsServerGC ? "server" : "workstation",
        ["load_average_before"] = LoadAverage(),
    };

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The 1-minute load average: how busy the shared machine was (2 cores: above 2 means waiting).</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The process's peak resident memory (VmHWM on Linux), in MB.</summary>
    private static long PeakMb()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>Starts a new peak-memory window (Linux: writing 5 to clear_refs resets VmHWM); elsewhere the peak is the process's.</summary>
    private static void ResetPeak()
    {
        try
        {
            if (File.Exists("/proc/self/clear_refs")) File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsDebugBuild() =>
        typeof(Normaliser).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    private static void DeleteQuietly(params string[] paths)
    {
        foreach (var p in paths)
        {
            try
            {
                File.Delete(p);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Show(object? value) => value switch
    {
        double d => d.ToString("N0", CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The figures, in the order they were measured, plus each measure's runs.</summary>
    private sealed class BenchResult
    {
        private readonly Dictionary<string, Runs> _runs = new(StringComparer.Ordinal);

        public List<KeyValuePair<string, object?>> Values { get; } = [];

        public List<string> Notes { get; } = [];

        public void Set(string key, object? value)
        {
            var i = Values.FindIndex(kv => kv.Key == key);
            if (i >= 0) Values[i] = new(key, value);
            else Values.Add(new(key, value));
        }

        /// <summary>
        /// A measured figure: a rate (per wall-clock second, from the median run; and per CPU second
        /// as <c>…_per_cpu_s</c>) or the median seconds.
        /// </summary>
        public void Add(string key, double value, Runs runs, bool rate = true)
        {
            Set(key, rate ? Math.Round(value) : Math.Round(value, 2));
            if (rate && runs.CpuSeconds.Count > 0)
                Set(key.Replace("_per_s", "_per_cpu_s", StringComparison.Ordinal), Math.Round(value * runs.Median / runs.CpuMedian));
            _runs[key] = runs;
        }

        public string ToJson(string mode, int seed, int repeat, string outDir, Dictionary<string, object?> machine)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("schema", "foi-bench/1");
                w.WriteString("mode", mode);
                w.WriteBoolean("synthetic", true);
                w.WriteString("data", $"SYNTHETIC responses generated by code (FoiKit.Synthetic.SyntheticResponses, seed {seed.ToString(CultureInfo.InvariantCulture)}); not evidence");
                w.WriteNumber("repeat", repeat);
                w.WriteString("out", outDir);
                foreach (var (key, value) in Values) Write(w, key, value);
                w.WritePropertyName("machine");
                w.WriteStartObject();
                foreach (var (key, value) in machine) Write(w, key, value);
                w.WriteEndObject();
                w.WritePropertyName("runs_s");
                w.WriteStartObject();
                foreach (var (key, runs) in _runs)
                {
                    w.WriteStartArray(key);
                    foreach (var s in runs.Seconds) w.WriteNumberValue(Math.Round(s, 3));
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WritePropertyName("runs_cpu_s");
                w.WriteStartObject();
                foreach (var (key, runs) in _runs.Where(r => r.Value.CpuSeconds.Count > 0))
                {
                    w.WriteStartArray(key);
                    foreach (var s in runs.CpuSeconds) w.WriteNumberValue(Math.Round(s, 3));
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteStartArray("notes");
                foreach (var n in Notes) w.WriteStringValue(n);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void Write(Utf8JsonWriter w, string key, object? value)
        {
            switch (value)
            {
                case null: w.WriteNull(key); break;
                case string s: w.WriteString(key, s); break;
                case bool b: w.WriteBoolean(key, b); break;
                case int i: w.WriteNumber(key, i); break;
                case long l: w.WriteNumber(key, l); break;
                case double d: w.WriteNumber(key, d); break;
                case Dictionary<string, object?> nested:
                    w.WritePropertyName(key);
                    w.WriteStartObject();
                    foreach (var (k, v) in nested) Write(w, k, v);
                    w.WriteEndObject();
                    break;
                default: w.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
