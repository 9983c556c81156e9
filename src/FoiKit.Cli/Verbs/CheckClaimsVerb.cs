using System.CommandLine;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary><c>foi check-claims --claims claims.csv… [--data file or folder…] --out verdicts.csv [--request id] [--force name]</c>.</summary>
/// <remarks>
/// <c>--request</c> and <c>--force</c> are normalise's: the data is read by the same run, so a force's letter
/// or an unmarked CSV given with <c>--data</c> is read the same way here as there, without a sidecar.
/// </remarks>
internal sealed class CheckClaimsVerb : Verb
{
    private readonly ValueOption _claims = new("--claims", "claims.csv", "claims files, or folders of them", many: true, required: true);
    private readonly ValueOption _data = new("--data", "file or folder", "what the claims are checked against (default: the kit's data/)", many: true);
    private readonly ValueOption _out = new("--out", "verdicts.csv", "the verdicts to write", required: true);
    private readonly ValueOption _requests = new("--requests", "folder", "request definitions besides the kit's data/requests/", many: true);
    private readonly ReadDefaultsOptions _defaults = new();

    public CheckClaimsVerb()
        : base("check-claims", "A verdict for every claim: reproduced, consistent, contradicted, not checkable or ambiguous, with what was computed and why.")
    {
        foreach (var option in (ValueOption[])[_claims, _data, _out, .. _defaults.Options, _requests]) Add(option);
    }

    public override string UnexpectedArgumentHint => " (name claims files with --claims)";

    public override Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        Task.FromResult(Run(parsed, stdout, stderr));

    private int Run(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var claimsInputs = _claims.All(parsed);
        var outPath = _out.One(parsed)!;
        var kit = KitData.LoadDefault(_requests.All(parsed));
        var dataInputs = _data.All(parsed) is { Count: > 0 } given ? given : [kit.DataFolder];
        var defaults = _defaults.Read(parsed, kit);

        var errors = 0;
        void Report(Diagnostic d)
        {
            if (d.Severity == Severity.Error) errors++;
            FoiCli.Report(stderr, d);
        }
        var claims = ClaimsRun.LoadClaims(claimsInputs, Report);
        var (verdicts, data, _) = ClaimsRun.Check(kit, claims, dataInputs, defaults);
        foreach (var d in data.Diagnostics.Where(d => d.Severity == Severity.Error)) Report(d);
        // The data's other warnings are normalise's to give; a verdict resting on figures nobody has checked is named here too.
        foreach (var d in data.Diagnostics.Where(d => d.Severity == Severity.Warning && d.Message.StartsWith(TranscriptReview.UncheckedExtraction, StringComparison.Ordinal)))
            Report(d);
        VerdictCsv.Write(outPath, verdicts);
        var counts = verdicts.GroupBy(v => v.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToContract()}");
        stdout.WriteLine($"checked {verdicts.Count} claim(s) against {data.Documents.Count} source(s): {string.Join(", ", counts)} -> {outPath}");
        return errors > 0 ? FoiCli.Failed : FoiCli.Ok;
    }
}
