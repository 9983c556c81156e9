using FoiKit.Model;

namespace FoiKit.Cli;

/// <summary>The <c>foi</c> command: verbs, exit codes and the one place that turns failures into sentences.</summary>
public static class FoiCli
{
    /// <summary>Exit code: everything read (rejects allowed).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: an input was unusable, or something failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the command line was wrong.</summary>
    public const int BadUsage = 2;

    public const string Usage = """
        usage: foi <verb> [options]

          normalise <file or folder>... --out <tidy.csv> [--rejects <rejects.csv>] [--requests <folder>]
                    [--xlsx <tidy.xlsx>] [--people-csv <people.csv>]
              transcripts, CSV and XLSX responses and master sheets to tidy rows; rejected cells go to
              the rejects ledger; --xlsx also writes an Analysis Function style workbook, --people-csv
              a copy of the tidy rows that is safe to open in a spreadsheet program
          check-claims --claims <claims.csv>... [--data <file or folder>...] --out <verdicts.csv> [--requests <folder>]
              a verdict for every claim
          reproduce [--out <folder>]
              the main job: everything in data/, every notebook, the report
          bench [--quick | --full] [--json] [--out <folder>] [--rows <n>] [--repeat <n>] [--no-reproduce] [--cold-packages]
              benchmarks on synthetic data (--full adds a 10 M row memory run); leaves the tidy CSV it timed in --out

        exit codes: 0 all read, 1 an input unusable or a step failed, 2 bad usage
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? BadUsage : Ok;
        }
        var verb = args[0];
        var rest = args[1..];
        try
        {
            return verb switch
            {
                "normalise" or "normalize" => NormaliseCommand.Run(rest, stdout, stderr),
                "check-claims" => CheckClaimsCommand.Run(rest, stdout, stderr),
                "reproduce" => await ReproduceCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "bench" => await BenchCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                _ => await RunOtherAsync(verb, rest, stdout, stderr).ConfigureAwait(false),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"foi {verb}: {e.Message}");
            stderr.WriteLine("run 'foi --help' for usage");
            return BadUsage;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            // Bad input or a broken data folder: one sentence, no stack trace.
            stderr.WriteLine($"foi {verb}: {e.Message}");
            return Failed;
        }
    }

    /// <summary>Verbs added by other parts of the kit register here.</summary>
    public static Dictionary<string, Func<string[], TextWriter, TextWriter, Task<int>>> Verbs { get; } = new(StringComparer.Ordinal);

    private static Task<int> RunOtherAsync(string verb, string[] rest, TextWriter stdout, TextWriter stderr)
    {
        if (Verbs.TryGetValue(verb, out var run)) return run(rest, stdout, stderr);
        throw new UsageException($"unknown verb '{verb}' (normalise, check-claims, reproduce, bench)");
    }

    /// <summary>Writes diagnostics as "warning: …" / "error: …" lines.</summary>
    internal static void Report(TextWriter stderr, Diagnostic d) =>
        stderr.WriteLine($"{(d.Severity == Severity.Error ? "error" : "warning")}: {d}");
}

/// <summary>The command line was wrong: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
