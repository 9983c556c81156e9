using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Reference;

namespace FoiKit.Cli;

/// <summary><c>foi check-claims --claims claims.csv… [--data file or folder…] --out verdicts.csv</c>.</summary>
public static class CheckClaimsCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ["--claims", "--data", "--out", "--requests"], []);
        if (a.Positional.Count > 0) throw new UsageException($"unexpected argument '{a.Positional[0]}' (name claims files with --claims)");
        var claimsInputs = a.All("--claims");
        if (claimsInputs.Count == 0) throw new UsageException("--claims is required");
        var outPath = a.Required("--out");
        var kit = KitData.LoadDefault(a.All("--requests"));
        var dataInputs = a.All("--data").Count > 0 ? a.All("--data") : [kit.DataFolder];

        var errors = 0;
        void Report(Diagnostic d)
        {
            if (d.Severity == Severity.Error) errors++;
            FoiCli.Report(stderr, d);
        }
        var claims = ClaimsRun.LoadClaims(claimsInputs, Report);
        var (verdicts, data, _) = ClaimsRun.Check(kit, claims, dataInputs);
        foreach (var d in data.Diagnostics.Where(d => d.Severity == Severity.Error)) Report(d);
        VerdictCsv.Write(outPath, verdicts);
        var counts = verdicts.GroupBy(v => v.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToContract()}");
        stdout.WriteLine($"checked {verdicts.Count} claim(s) against {data.Documents.Count} source(s): {string.Join(", ", counts)} -> {outPath}");
        return errors > 0 ? FoiCli.Failed : FoiCli.Ok;
    }
}
