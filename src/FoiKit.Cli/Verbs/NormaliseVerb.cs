using System.CommandLine;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary><c>foi normalise &lt;file or folder&gt;… --out tidy.csv [--rejects rejects.csv] [--request id] [--force name] [--xlsx tidy.xlsx] [--people-csv people.csv]</c>.</summary>
internal sealed class NormaliseVerb : Verb
{
    private readonly ValueOption _out = new("--out", "tidy.csv", "the tidy CSV to write", required: true);
    private readonly ValueOption _rejects = new("--rejects", "rejects.csv", "the rejects ledger (default: beside --out, as NAME.rejects.csv)");
    private readonly ValueOption _requests = new("--requests", "folder", "request definitions besides the kit's data/requests/", many: true);
    private readonly ValueOption _xlsx = new("--xlsx", "tidy.xlsx", "also an Analysis Function style workbook");
    private readonly ValueOption _people = new("--people-csv", "people.csv", "also a copy of the tidy rows that is safe to open in a spreadsheet program");
    private readonly ReadDefaultsOptions _defaults = new();

    public NormaliseVerb()
        : base("normalise",
            "Transcripts, CSV and XLSX responses, master sheets, and answers as forces publish them (web pages, Word and PDF letters) to tidy rows; cells that cannot be used go to the rejects ledger with their reason.",
            "normalize")
    {
        AddInputs("file or folder", "response files, or folders to read them from");
        foreach (var option in (ValueOption[])[_out, _rejects, .. _defaults.Options, _requests, _xlsx, _people]) Add(option);
    }

    protected override string? Check(System.CommandLine.Parsing.CommandResult result) =>
        result.GetValue(Inputs!) is { Length: > 0 } ? null : "name at least one file or folder to normalise";

    public override Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        Task.FromResult(Run(parsed, stdout, stderr));

    private int Run(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var outPath = _out.One(parsed)!;
        var inputs = parsed.GetValue(Inputs!)!;
        // With no --rejects the ledger still exists (nothing is dropped): it goes beside the tidy file.
        var rejectsGiven = _rejects.One(parsed);
        var rejectsPath = rejectsGiven ?? Path.Combine(Path.GetDirectoryName(outPath) ?? "", Path.GetFileNameWithoutExtension(outPath) + ".rejects.csv");
        var xlsxPath = _xlsx.One(parsed);
        var peoplePath = _people.One(parsed);

        var kit = KitData.LoadDefault(_requests.All(parsed));
        var defaults = _defaults.Read(parsed, kit);
        NormaliseSummary summary;
        var xlsx = xlsxPath is null ? null : new TidyXlsxWriter();
        using (var writer = new TidyCsvWriter(outPath, rejectsPath, alwaysWriteRejects: rejectsGiven is not null))
        using (var people = peoplePath is null ? null : new SpreadsheetSafeCsv(peoplePath))
        {
            var sinks = new List<ITidySink> { writer };
            if (xlsx is not null) sinks.Add(xlsx);
            if (people is not null) sinks.Add(people);
            void Report(Diagnostic d) => FoiCli.Report(stderr, d);
            Action<SourceDocument>? onDocument = xlsx is null ? null : xlsx.AddDocument;
            // The CSV writer alone is given as the row sink it is: it takes rows without an Observation built for each.
            summary = sinks.Count == 1
                ? NormaliseRun.Run(kit, inputs, writer, Report, onDocument, defaults)
                : NormaliseRun.Run(kit, inputs, new TeeSink(sinks), Report, onDocument, defaults);
        }
        xlsx?.Save(xlsxPath!);
        if (summary.Skipped.Count > 0)
            stderr.WriteLine($"note: skipped {summary.Skipped.Count} file(s) in the folders given that are not responses (request definitions, claims, reference tables, sidecars, unmarked spreadsheets)");
        if (summary.Rejects > 0 && rejectsGiven is null)
            stderr.WriteLine($"note: {summary.Rejects} cell(s) could not be used; they are listed with reasons in {rejectsPath}");
        stdout.WriteLine($"normalised {summary.Files} file(s): {summary.Observations} tidy row(s) in {outPath}, {summary.Rejects} reject(s), {summary.Warnings} warning(s), {summary.Errors} unusable input(s)");
        return summary.Errors > 0 ? FoiCli.Failed : FoiCli.Ok;
    }

    /// <summary>Hands every row to several outputs.</summary>
    private sealed class TeeSink(IReadOnlyList<ITidySink> sinks) : ITidySink
    {
        public void Add(Observation observation)
        {
            foreach (var s in sinks) s.Add(observation);
        }

        public void Add(Reject reject)
        {
            foreach (var s in sinks) s.Add(reject);
        }
    }
}
