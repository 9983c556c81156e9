using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Read;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>Loads claims files and data and checks every claim: the one path the CLI, notebooks and report share.</summary>
public static class ClaimsRun
{
    /// <summary>Claims files named directly or found (*.csv) in folders, sorted.</summary>
    public static IReadOnlyList<string> FindClaimFiles(IEnumerable<string> inputs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                foreach (var f in Directory.EnumerateFiles(input, "*.csv", SearchOption.AllDirectories)) files.Add(f.Replace('\\', '/'));
            else files.Add(input);
        }
        return files.ToList();
    }

    /// <summary>Reads claims; unreadable files become errors (one sentence each), unreadable values warnings naming the row.</summary>
    public static IReadOnlyList<Claim> LoadClaims(IEnumerable<string> inputs, Action<Diagnostic> report) => LoadClaims(inputs, null, report);

    /// <summary>
    /// Reads a study folder's claims (every CSV under its <c>claims/</c>; none when it has no such folder), naming
    /// each file as <see cref="StudyFolder.NameOf"/> does; unreadable files become errors (one sentence each).
    /// </summary>
    public static IReadOnlyList<Claim> LoadClaims(StudyFolder study, Action<Diagnostic> report) =>
        Directory.Exists(study.ClaimsFolder) ? LoadClaims([study.ClaimsFolder], study.NameOf, report) : [];

    private static List<Claim> LoadClaims(IEnumerable<string> inputs, Func<string, string>? nameOf, Action<Diagnostic> report)
    {
        var claims = new List<Claim>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in FindClaimFiles(inputs))
        {
            var file = nameOf is null ? path : nameOf(path);
            var parsed = ClaimsReader.Read(path);
            if (!parsed.Ok)
            {
                report(new Diagnostic(Severity.Error, file, parsed.Error!.StartsWith(path, StringComparison.Ordinal) ? parsed.Error[(path.Length + 2)..] : parsed.Error));
                continue;
            }
            foreach (var read in parsed.Value!)
            {
                var c = read with { SourceFile = file };
                if (!ids.Add(c.ClaimId))
                {
                    report(new Diagnostic(Severity.Error, file, $"claim_id '{c.ClaimId}' is also used in another claims file", 0, c.SourceRow));
                    continue;
                }
                if (c.ValueProblem is { } problem)
                    report(new Diagnostic(Severity.Warning, file, $"claim '{c.ClaimId}': {problem}; the claim is kept and judged ambiguous", 0, c.SourceRow));
                claims.Add(c);
            }
        }
        return claims;
    }

    /// <summary>Checks claims against the data in <paramref name="dataInputs"/> (normalised on the way).</summary>
    /// <param name="defaults">What the command line supplies for data files that do not say it (<c>--request</c>, <c>--force</c>); null for none.</param>
    public static (IReadOnlyList<Verdict> Verdicts, TidyDataset Data, ClaimChecker Checker) Check(
        KitData kit, IReadOnlyList<Claim> claims, IEnumerable<string> dataInputs, ReadDefaults? defaults = null)
    {
        var data = NormaliseRun.Load(kit, dataInputs, defaults ?? ReadDefaults.None);
        var checker = new ClaimChecker(kit, data, claims);
        return (checker.CheckAll(), data, checker);
    }
}
