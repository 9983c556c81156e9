using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FoiKit.Bench.Macro;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary><c>foi bench [--quick | --full] [--json] [--out folder] …</c>: options in, <see cref="MacroBench"/> runs.</summary>
internal sealed class BenchVerb : Verb
{
    private readonly Option<bool> _quick;
    private readonly Option<bool> _full;
    private readonly Option<bool> _json;
    private readonly ValueOption _out = new("--out", "folder", "where the tidy CSV it timed, bench.json and SYNTHETIC-README.txt are left (never inside data/)");
    private readonly ValueOption _rows = new("--rows", "n", "data cells of synthetic responses (default 1,050,000: a tidy CSV of more than a million rows)", check: v => WholeNumber("--rows", v, 1).Problem);
    private readonly ValueOption _repeat = new("--repeat", "n", "runs of each measure, whose median is reported (default 3, full: 5)", check: v => WholeNumber("--repeat", v, 1).Problem);
    private readonly ValueOption _seed = new("--seed", "n", "the synthetic generator's seed", check: v => WholeNumber("--seed", v, 0).Problem);
    private readonly ValueOption _fullRows = new("--full-rows", "n", "data cells of --full's memory run (default 10,500,000)", check: v => WholeNumber("--full-rows", v, 1).Problem);
    private readonly Option<bool> _noReproduce;
    private readonly Option<bool> _coldPackages;
    private readonly Option<bool> _keep;
    private readonly Option<bool> _firstChartChild;

    public BenchVerb()
        : base("bench", "Benchmarks on SYNTHETIC data: normalising, writing and reading tidy rows, extracting a 50-page PDF letter, reproduce cold and warm, a fresh notebook to its first chart.")
    {
        _quick = Flag("--quick", "the quick run (the default)");
        _full = Flag("--full", "also 10 M rows through normalise and back, and one large transcript, with their peak memory");
        _json = Flag("--json", "print one JSON object with the figures");
        foreach (var option in new[] { _out, _rows, _repeat, _seed, _fullRows }) Add(option);
        _noReproduce = Flag("--no-reproduce", "do not time foi reproduce or the first chart");
        _coldPackages = Flag("--cold-packages", "the cold reproduce run restores NuGet packages into an empty folder");
        _keep = Flag("--keep", "keep --full's large scratch files");
        _firstChartChild = Flag(FirstChartChild.Flag, "the child process that times a fresh notebook to its first chart", hidden: true);
    }

    public override string Details => """
        Rates are medians of repeated runs, per wall-clock second and per CPU second. The machine, its load
        average and every run's time go in the JSON. Build Release first: a Debug build is flagged in its notes.
        """;

    public override string UnexpectedArgumentHint => " (bench takes no files)";

    protected override string? Check(CommandResult result) =>
        result.GetValue(_quick) && result.GetValue(_full) ? "--quick and --full do not go together" : null;

    public override async Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (parsed.GetValue(_firstChartChild))
        {
            await FirstChartChild.RunAsync(stdout).ConfigureAwait(false);
            return FoiCli.Ok;
        }
        var options = new BenchOptions
        {
            Quick = !parsed.GetValue(_full),
            Cells = Number(parsed, _rows),
            FullCells = Number(parsed, _fullRows),
            Repeat = (int?)Number(parsed, _repeat),
            Seed = (int?)Number(parsed, _seed) ?? new BenchOptions().Seed,
            OutFolder = _out.One(parsed),
            TimeReproduce = !parsed.GetValue(_noReproduce),
            ColdPackages = parsed.GetValue(_coldPackages),
            Keep = parsed.GetValue(_keep),
            Json = parsed.GetValue(_json),
        };
        var kit = KitData.LoadDefault();
        if (options.OutFolder is { } folder && MacroBench.InsideDataFolder(folder, kit))
            throw new UsageException($"--out {Path.GetFullPath(folder)} is inside the kit's data folder: synthetic data never goes in data/ (it would be read as evidence)");
        await MacroBench.RunAsync(options, kit, stdout, stderr).ConfigureAwait(false);
        return FoiCli.Ok;
    }

    private static long? Number(ParseResult parsed, ValueOption option) =>
        option.One(parsed) is { } text ? WholeNumber(option.Name, text, 0).Value : null;

    /// <summary>A whole number as typed: 20000, 20_000, 20k, 1m.</summary>
    private static (long Value, string? Problem) WholeNumber(string name, string text, long min)
    {
        var t = text.Replace("_", "", StringComparison.Ordinal);
        long multiplier = 1;
        if (t.EndsWith('k') || t.EndsWith('K')) { multiplier = 1_000; t = t[..^1]; }
        else if (t.EndsWith('m') || t.EndsWith('M')) { multiplier = 1_000_000; t = t[..^1]; }
        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n * multiplier >= min && n * multiplier <= int.MaxValue
            ? (n * multiplier, null)
            : (0, $"{name} needs a whole number of at least {min} (e.g. 20000, 1m), got '{text}'");
    }
}
