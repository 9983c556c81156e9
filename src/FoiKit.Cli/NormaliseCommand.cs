using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Reference;

namespace FoiKit.Cli;

/// <summary><c>foi normalise &lt;file or folder&gt;… --out tidy.csv [--rejects rejects.csv] [--xlsx tidy.xlsx] [--people-csv people.csv]</c>.</summary>
public static class NormaliseCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ["--out", "--rejects", "--requests", "--xlsx", "--people-csv"], []);
        var outPath = a.Required("--out");
        if (a.Positional.Count == 0) throw new UsageException("name at least one file or folder to normalise");
        // With no --rejects the ledger still exists (nothing is dropped): it goes beside the tidy file.
        var rejectsGiven = a.One("--rejects");
        var rejectsPath = rejectsGiven ?? Path.Combine(Path.GetDirectoryName(outPath) ?? "", Path.GetFileNameWithoutExtension(outPath) + ".rejects.csv");
        var xlsxPath = a.One("--xlsx");
        var peoplePath = a.One("--people-csv");

        var kit = KitData.LoadDefault(a.All("--requests"));
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
                ? NormaliseRun.Run(kit, a.Positional, writer, Report, onDocument)
                : NormaliseRun.Run(kit, a.Positional, new TeeSink(sinks), Report, onDocument);
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
