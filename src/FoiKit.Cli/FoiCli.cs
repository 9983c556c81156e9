using System.CommandLine;
using FoiKit.Cli.Verbs;
using FoiKit.Model;

namespace FoiKit.Cli;

/// <summary>
/// The <c>foi</c> command: the verbs, the contract's exit codes, and the one place that turns a bad
/// command line or a failure into one sentence. Parsing and help are System.CommandLine's; each verb is
/// one class in <c>Verbs/</c> holding its options and what it does.
/// </summary>
public static class FoiCli
{
    /// <summary>Exit code: everything read (rejects allowed).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: an input was unusable, or something failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the command line was wrong.</summary>
    public const int BadUsage = 2;

    /// <summary>The line after a usage error.</summary>
    internal const string UsageHint = "run 'foi --help' for usage";

    /// <summary>
    /// Every verb, in the order <c>foi --help</c> lists them. A new verb is a <see cref="Verb"/> in
    /// <c>Verbs/</c> and one line here. Building a verb only declares its options: nothing it runs is
    /// loaded until it runs (so <c>normalise</c> never loads the notebook runner).
    /// </summary>
    private static Verb[] Verbs() => [new NormaliseVerb(), new ExtractVerb(), new CheckClaimsVerb(), new DraftClaimsVerb(), new ReproduceVerb(), new NewStudyVerb(), new BenchVerb()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbs = Verbs();
        var root = CommandTree.Build(verbs);
        if (args.Length == 0)
        {
            // No verb at all: the usage, as an error (exit 2), on stderr.
            CommandTree.WriteHelp(root, verbs, stderr);
            return BadUsage;
        }
        if (args is ["help"]) args = ["--help"];

        var parsed = root.Parse(args);
        var verb = verbs.FirstOrDefault(v => ReferenceEquals(v.Command, parsed.CommandResult.Command));
        var prefix = verb is null ? "foi" : $"foi {verb.Name}";
        if (!CommandTree.AsksForHelp(parsed) && CommandTree.FirstProblem(parsed, verb) is { } problem)
            return UsageError(stderr, prefix, problem);

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Failures are turned into sentences below, never a stack trace; Ctrl+C stops foi as it always did.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return UsageError(stderr, prefix, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Bad input or a broken data folder: one sentence, no stack trace.
            stderr.WriteLine($"{prefix}: {e.Message}");
            return Failed;
        }
    }

    private static int UsageError(TextWriter stderr, string prefix, string sentence)
    {
        stderr.WriteLine($"{prefix}: {sentence}");
        stderr.WriteLine(UsageHint);
        return BadUsage;
    }

    /// <summary>Writes diagnostics as "warning: …" / "error: …" lines.</summary>
    internal static void Report(TextWriter stderr, Diagnostic d) =>
        stderr.WriteLine($"{(d.Severity == Severity.Error ? "error" : "warning")}: {d}");
}
