using FoiKit.Normalise;
using FoiKit.Present;
using FoiKit.Reference;

namespace FoiKit.Cli;

/// <summary><c>foi normalise &lt;file or folder&gt;… --out tidy.csv [--rejects rejects.csv]</c>.</summary>
public static class NormaliseCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ["--out", "--rejects", "--requests"], []);
        var outPath = a.Required("--out");
        if (a.Positional.Count == 0) throw new UsageException("name at least one file or folder to normalise");
        // With no --rejects the ledger still exists (nothing is dropped): it goes beside the tidy file.
        var rejectsGiven = a.One("--rejects");
        var rejectsPath = rejectsGiven ?? Path.Combine(Path.GetDirectoryName(outPath) ?? "", Path.GetFileNameWithoutExtension(outPath) + ".rejects.csv");

        var kit = KitData.LoadDefault(a.All("--requests"));
        NormaliseSummary summary;
        using (var writer = new TidyCsvWriter(outPath, rejectsPath, alwaysWriteRejects: rejectsGiven is not null))
        {
            summary = NormaliseRun.Run(kit, a.Positional, writer, d => FoiCli.Report(stderr, d));
        }
        if (summary.Skipped.Count > 0)
            stderr.WriteLine($"note: skipped {summary.Skipped.Count} file(s) in the folders given that are not responses (request definitions, claims, reference tables)");
        if (summary.Rejects > 0 && rejectsGiven is null)
            stderr.WriteLine($"note: {summary.Rejects} cell(s) could not be used; they are listed with reasons in {rejectsPath}");
        stdout.WriteLine($"normalised {summary.Files} file(s): {summary.Observations} tidy row(s) in {outPath}, {summary.Rejects} reject(s), {summary.Warnings} warning(s), {summary.Errors} unusable input(s)");
        return summary.Errors > 0 ? FoiCli.Failed : FoiCli.Ok;
    }
}
