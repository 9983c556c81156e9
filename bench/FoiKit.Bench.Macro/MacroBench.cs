using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Reference;
using FoiKit.Testing;

namespace FoiKit.Bench.Macro;

/// <summary>
/// <c>foi bench [--quick] [--json] [--out folder]</c>: the kit's macro benchmark on SYNTHETIC data
/// (<see cref="SyntheticResponses"/>). It times normalising (in memory, to a tidy CSV, and from
/// transcript files as <c>foi normalise</c> does), reading the tidy CSV back, extracting a 50-page
/// PDF letter (<see cref="DocumentBench"/>), peak memory and,
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

    /// <summary>Pages of the synthetic PDF letter whose extraction is timed (the target: under 2 s for 50 pages).</summary>
    public const int LetterPages = 50;

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
        var machine = MachineInfo.Describe();
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
        var gen = Runs.Measure(repeat, () => Consume(synth), log, "generate");
        result.Add("generate_rows_per_s", synth.Cells / gen.Median, gen);

        // 2. Normaliser only (rows from the generator, cells to a counting sink).
        var counts = default(Counts);
        var norm = Runs.Measure(repeat, () => counts = NormaliseInMemory(kit, synth, (n, p) => { var sink = new CountingSink(); return n.NormaliseInto(p, sink, static _ => { }); }), log, "normalise (null sink)");
        result.Add("normalise_rows_per_s", synth.Cells / norm.Median, norm);

        // 3. Normaliser + TidyCsvWriter to a file.
        var scratch = Path.Combine(outDir, "scratch.tidy.csv");
        var scratchRejects = Path.Combine(outDir, "scratch.rejects.csv");
        var write = Runs.Measure(repeat, () =>
        {
            using var writer = new TidyCsvWriter(scratch, scratchRejects);
            return NormaliseInMemory(kit, synth, (n, p) => n.NormaliseInto(p, writer, static _ => { }));
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
        var fromFiles = Runs.Measure(repeat, () =>
        {
            using var writer = new TidyCsvWriter(tidyCsv, rejectsCsv);
            summary = NormaliseRun.Run(kit, files, writer, _ => { });
            return new Counts(summary.Observations, summary.Rejects);
        }, log, "normalise transcript files (foi normalise)");
        result.Add("normalise_files_rows_per_s", synth.Cells / fromFiles.Median, fromFiles);
        if (summary!.Errors > 0) notes.Add($"{summary.Errors} synthetic transcript(s) could not be read: the generator and the reader disagree");

        // 5. The tidy CSV back into typed observations.
        long readRows = 0;
        var read = Runs.Measure(repeat, () =>
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
        result.Set("peak_memory_mb", MachineInfo.PeakMb());

        // 6. What `foi extract` does with a PDF letter: a SYNTHETIC 50-page letter opened, every page read, its
        //    tables rebuilt from the words' positions and the draft transcript made (DocumentBench).
        var letter = DocumentBench.Run(LetterPages, repeat, kit.Reference.Forces);
        result.Add("pdf_extract_50_pages_s", letter.MedianSeconds, new Runs(letter.Seconds, []), rate: false);
        result.Set("pdf_extract_s_per_page", Math.Round(letter.SecondsPerPage, 4));
        result.Set("pdf_extract_pages", letter.Pages);
        result.Set("pdf_extract_tables", letter.Tables);
        result.Set("pdf_extract_rows", letter.Rows);
        result.Set("pdf_extract_allocated_mb", Math.Round(letter.AllocatedBytes / 1e6, 1));
        log.WriteLine($"  extract a {letter.Pages}-page PDF letter: median {letter.MedianSeconds:F2} s ({letter.SecondsPerPage * 1000:F1} ms a page), " +
            $"{letter.Tables} tables, {letter.Rows} rows ({string.Join(", ", letter.Seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))})");

        // 7. Full mode: ten million rows through normalise and write and back, in bounded memory;
        //    and one large transcript file, to see what reading a whole file at once costs.
        if (!quick)
        {
            var big = new SyntheticResponses(kit.Reference, fullCells, seed + 1);
            var bigCsv = Path.Combine(outDir, "tidy-full.csv");
            MachineInfo.ResetPeak();
            var sw = Stopwatch.StartNew();
            Counts bigCounts;
            using (var writer = new TidyCsvWriter(bigCsv, Path.Combine(outDir, "tidy-full.rejects.csv")))
                bigCounts = NormaliseInMemory(kit, big, (n, p) => n.NormaliseInto(p, writer, static _ => { }));
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
            result.Set("full_peak_memory_mb", MachineInfo.PeakMb());
            log.WriteLine($"  full: {big.Cells:N0} cells written in {bigWrite:F1} s, read back in {bigReadS:F1} s, peak {MachineInfo.PeakMb()} MB");
            if (!options.Keep) DeleteQuietly(bigCsv, Path.Combine(outDir, "tidy-full.rejects.csv"));

            var one = new SyntheticResponses(kit.Reference, SingleFileCells, seed + 2);
            var oneDir = Path.Combine(outDir, "single-file");
            if (Directory.Exists(oneDir)) Directory.Delete(oneDir, recursive: true);
            var oneFiles = SingleTranscript(one, oneDir);
            GC.Collect();
            MachineInfo.ResetPeak();
            sw.Restart();
            using (var writer = new TidyCsvWriter(Path.Combine(oneDir, "tidy.csv"), Path.Combine(oneDir, "rejects.csv")))
                NormaliseRun.Run(kit, oneFiles, writer, _ => { });
            result.Set("single_file_cells", one.Cells);
            result.Set("single_file_bytes", new FileInfo(oneFiles[0]).Length);
            result.Set("single_file_rows_per_s", Math.Round(one.Cells / sw.Elapsed.TotalSeconds));
            result.Set("single_file_peak_memory_mb", MachineInfo.PeakMb());
            log.WriteLine($"  one {new FileInfo(oneFiles[0]).Length / 1e6:F0} MB transcript: {sw.Elapsed.TotalSeconds:F1} s, peak {MachineInfo.PeakMb()} MB");
            if (!options.Keep) Directory.Delete(oneDir, recursive: true);
        }

        // 8. The real `foi reproduce`, cold and warm, when it exists and a browser is present.
        if (!options.TimeReproduce) notes.Add("reproduce not timed: --no-reproduce");
        else await ReproduceTiming.TimeReproduceAsync(result, outDir, quick ? 3 : 5, options.ColdPackages, log, kit.Reference).ConfigureAwait(false);

        result.Set("peak_memory_mb", MachineInfo.PeakMb());
        result.Set("bench_seconds", Math.Round(total.Elapsed.TotalSeconds, 1));
        machine["load_average_after"] = MachineInfo.LoadAverage();

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


    /// <summary>What one normalise pass produced.</summary>
    private readonly record struct Counts(long Observations, long Rejects);

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
    private static Counts NormaliseInMemory(KitData kit, SyntheticResponses synth, Func<Normaliser, PreparedTranscript, (long, long)> normaliseInto)
    {
        var normaliser = new Normaliser(kit);
        long observations = 0, rejects = 0;
        foreach (var t in synth.All())
        {
            var p = normaliser.Prepare(t);
            if (!p.Ok) throw new InvalidOperationException(p.Error);
            var (o, r) = normaliseInto(normaliser, p.Value!);
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
        // Rates as whole numbers; seconds and other small figures with their decimals.
        double d when Math.Abs(d) < 100 => d.ToString("0.####", CultureInfo.InvariantCulture),
        double d => d.ToString("N0", CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
