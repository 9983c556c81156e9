using BenchmarkDotNet.Attributes;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Present;
using FoiKit.Reference;
using FoiKit.Testing;
using FoiKit.Text;

namespace FoiKit.Bench;

/// <summary>The kit's reference data, loaded once per benchmark process.</summary>
public static class Kit
{
    private static readonly Lazy<KitData> Loaded = new(() => KitData.LoadDefault());

    public static KitData Data => Loaded.Value;
}

/// <summary>Period labels as forces print them, each parsed from scratch (no cache).</summary>
[MemoryDiagnoser]
public class PeriodParserBenchmarks
{
    private static readonly string[] Labels =
    [
        "6th Apr 2021 to 5th Apr 2022", "2021/22", "April 2022 to March 2023", "FY 2023/24", "01/04/2021 - 31/03/2022",
        "2021/22 to 2023/24", "2021", "in the last three years", "Total", "the following year",
    ];

    [Benchmark(OperationsPerInvoke = 10)]
    public int ParseTen()
    {
        var n = 0;
        foreach (var l in Labels) n += PeriodParser.Parse(l, PeriodBasis.TaxYear).Label.Length;
        return n;
    }
}

/// <summary>Printed cells: counts, counts with separators, markers and rejects.</summary>
[MemoryDiagnoser]
public class CellValueParserBenchmarks
{
    private static readonly string[] Cells = ["12", "0", "1,234", "*", "<5", "-", "[x]", "n/a", "twelve", "3.5"];

    [Benchmark(OperationsPerInvoke = 10)]
    public int ParseTen()
    {
        var n = 0;
        foreach (var c in Cells) n += CellValueParser.Parse(c).Ok ? 1 : 0;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public bool PlainCount() => CellValueParser.Parse("1,234").Ok;
}

/// <summary>Category labels: first sight (regexes and catalogue look-ups) and repeats (the resolver's cache).</summary>
[MemoryDiagnoser]
public class CategoryResolverBenchmarks
{
    private static readonly string[] Labels =
    [
        "8L - Harassment", "Harassment", "Malicious Communications", "Stalking (8Q)", "Blackmail", "Public fear, alarm or distress",
        "Other - TikTok related", "OC16", "Outcome 1", "Charged/Summonsed",
    ];

    private CategoryResolver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _warm = new CategoryResolver(Kit.Data.Reference);
        foreach (var l in Labels) _warm.Resolve(l, Measure.Offences);
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int FirstSight()
    {
        var resolver = new CategoryResolver(Kit.Data.Reference);
        var n = 0;
        foreach (var l in Labels) n += resolver.Resolve(l, Measure.Offences).Code.Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int Repeat()
    {
        var n = 0;
        foreach (var l in Labels) n += _warm.Resolve(l, Measure.Offences).Code.Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int LabelKeys()
    {
        var n = 0;
        foreach (var l in Labels) n += LabelKey.Of(l).Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int TotalLabels()
    {
        var n = 0;
        foreach (var l in Labels) n += TableLayout.IsTotalLabel(l) ? 1 : 0;
        return n;
    }
}

/// <summary>The normaliser over synthetic responses; per data cell (one tidy row or reject each).</summary>
[MemoryDiagnoser]
public class NormaliserBenchmarks
{
    private const int Cells = 200_000;
    private SyntheticResponses _synth = null!;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _synth = new SyntheticResponses(Kit.Data.Reference, Cells);
        _folder = Path.Combine(Path.GetTempPath(), "foikit-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(OperationsPerInvoke = Cells)]
    public long GenerateOnly()
    {
        long n = 0;
        foreach (var t in _synth.All())
            foreach (var table in t.Tables)
                foreach (var row in table.Rows) n += row.Cells.Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Cells)]
    public long NormaliseToNothing() => Normalise(new NullSink());

    [Benchmark(OperationsPerInvoke = Cells)]
    public long NormaliseToTidyCsv()
    {
        using var writer = new TidyCsvWriter(Path.Combine(_folder, "tidy.csv"), Path.Combine(_folder, "rejects.csv"));
        return Normalise(writer);
    }

    private long Normalise(ITidySink sink)
    {
        var normaliser = new Normaliser(Kit.Data);
        long n = 0;
        foreach (var t in _synth.All())
        {
            foreach (var cell in normaliser.Normalise(normaliser.Prepare(t).Value!, static _ => { }))
            {
                if (cell.Observation is { } o) sink.Add(o);
                else sink.Add(cell.Reject!);
                n++;
            }
        }
        return n;
    }

    private sealed class NullSink : ITidySink
    {
        public void Add(Observation observation)
        {
        }

        public void Add(Reject reject)
        {
        }
    }
}

/// <summary>A tidy CSV of synthetic rows read back into typed observations; per row.</summary>
[MemoryDiagnoser]
public class TidyCsvReaderBenchmarks
{
    private const int Cells = 200_000;
    private string _folder = null!;
    private string _tidy = null!;
    private long _rows;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "foikit-bench-read-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        _tidy = Path.Combine(_folder, "tidy.csv");
        var normaliser = new Normaliser(Kit.Data);
        using var writer = new TidyCsvWriter(_tidy, null);
        foreach (var t in new SyntheticResponses(Kit.Data.Reference, Cells).All())
        {
            foreach (var cell in normaliser.Normalise(normaliser.Prepare(t).Value!, static _ => { }))
            {
                if (cell.Observation is { } o)
                {
                    writer.Add(o);
                    _rows++;
                }
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Whole file; divide by the rows written (about <see cref="Cells"/>) for per-row time.</summary>
    [Benchmark(OperationsPerInvoke = Cells)]
    public long ReadAll()
    {
        long sum = 0;
        foreach (var o in TidyCsvReader.Read(_tidy, Kit.Data.Reference.Forces)) sum += o.Value.Value ?? 0;
        return sum + _rows;
    }
}

/// <summary>
/// A SYNTHETIC 50-page PDF letter (tables of made-up counts) extracted end to end into a draft
/// transcript: open, read every page's words, rebuild the tables, find captions and questions.
/// </summary>
[MemoryDiagnoser]
public class PdfLetterBenchmarks
{
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"foikit-bench-letter-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(_path, FoiKit.Testing.DocumentBench.Letter(50));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int Extract50Pages()
    {
        var e = FoiKit.Read.Documents.DocumentExtractor.Extract(_path, new FoiKit.Read.ReadDefaults("synthetic-request", "Kent Police"), Kit.Data.Reference.Forces);
        return e.Ok ? e.Value!.Transcript.Tables.Count : throw new InvalidOperationException(e.Error);
    }
}
