using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>
/// The command line itself, for every verb: <c>--help</c> (usage on stdout, exit 0), and a bad command line
/// (exit 2, one sentence naming what was wrong, then the hint; nothing on stdout, no stack trace). The
/// expected sentences are written here by hand from the contract (docs: README "Exit codes", contracts §5).
/// </summary>
public class CommandLineTests
{
    /// <summary>Each verb with every option the contract and the README give it (aliases included).</summary>
    public static TheoryData<string, string[]> VerbsAndOptions => new()
    {
        { "normalise", ["--out", "--rejects", "--request", "--force", "--requests", "--xlsx", "--people-csv"] },
        { "normalize", ["--out", "--rejects", "--request", "--force", "--requests", "--xlsx", "--people-csv"] },
        { "extract", ["--out", "--request", "--force", "--requests"] },
        { "check-claims", ["--claims", "--data", "--out", "--request", "--force", "--requests"] },
        { "draft-claims", ["--force", "--article", "--out", "--request", "--explain"] },
        { "reproduce", ["--data", "--force", "--article", "--out"] },
        { "new-study", [] },
        { "bench", ["--quick", "--full", "--json", "--out", "--rows", "--repeat", "--seed", "--full-rows", "--no-reproduce", "--cold-packages", "--keep"] },
    };

    [Theory]
    [MemberData(nameof(VerbsAndOptions))]
    public async Task Every_verb_answers_help_with_its_usage_on_stdout_and_exit_0(string verb, string[] options)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var run = await Foi.RunAsync(verb, help);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Stderr);
            // The usage line names the verb as typed in the contract (normalize is the alias of normalise).
            var canonical = verb == "normalize" ? "normalise" : verb;
            Assert.StartsWith($"usage: foi {canonical}", run.Stdout, StringComparison.Ordinal);
            foreach (var option in options) Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
            Assert.Contains("exit codes: 0", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Foi_help_lists_every_verb_with_its_options()
    {
        var run = await Foi.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage: foi <verb>", run.Stdout, StringComparison.Ordinal);
        foreach (var line in new[] { "  normalise <file or folder>... --out <tidy.csv>", "  extract <file>... --out <folder>", "  check-claims --claims <claims.csv>...", "  draft-claims <article>...", "  reproduce [--data <folder>] [--force <name>] [--article <id>] [--out <folder>]", "  new-study <folder>", "  bench [--quick]" })
            Assert.Contains(line, run.Stdout, StringComparison.Ordinal);
        // The internal child-process switch of bench is not offered to users.
        Assert.DoesNotContain("first-chart-child", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The version foi prints is the one the changelog and the citation file give, so a review can cite it.</summary>
    [Fact]
    public async Task Foi_version_is_the_version_the_changelog_and_citation_name()
    {
        var run = await Foi.RunProgramAsync(Repo.Root, ["--version"]);

        Assert.Equal(0, run.ExitCode);
        var version = run.Stdout.Trim().Split('+')[0];
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.Contains($"version: {version}\n", File.ReadAllText(Repo.PathOf("CITATION.cff")), StringComparison.Ordinal);
        Assert.Contains($"\n## {version} ", File.ReadAllText(Repo.PathOf("CHANGELOG.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_wins_over_anything_else_on_the_line()
    {
        var run = await Foi.RunAsync("normalise", "--outt", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage: foi normalise", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A bad line, and the one sentence that must name what is wrong with it.</summary>
    public static TheoryData<string[], string> BadLines => new()
    {
        { ["normalise", "data/", "--out", "x.csv", "--xlsx"], "foi normalise: --xlsx needs a value" },
        { ["normalise", "data/", "--out", "x.csv", "--rejects", "a.csv", "b.csv"], "foi normalise: --rejects takes one value, got 2" },
        { ["normalize", "data/", "--out", "x.csv", "-v"], "foi normalise: unknown option '-v'" },
        { ["check-claims", "--claims", "c.csv", "--out", "v.csv", "--guess", "x"], "foi check-claims: unknown option '--guess'" },
        { ["check-claims", "claims.csv", "--out", "v.csv"], "foi check-claims: unexpected argument 'claims.csv' (name claims files with --claims)" },
        { ["check-claims", "--claims", "c.csv"], "foi check-claims: --out is required" },
        { ["check-claims", "--claims", "--out", "v.csv"], "foi check-claims: --claims needs a value" },
        { ["reproduce", "--out"], "foi reproduce: --out needs a value" },
        { ["reproduce", "--force", "x"], "foi reproduce: --force x: 'x' is not a police force in forces.csv (official names and aliases)" },
        { ["reproduce", "--data", "no-such-study"], "foi reproduce: --data no-such-study: no such folder" },
        { ["reproduce", "--guess"], "foi reproduce: unknown option '--guess'" },
        { ["reproduce", "data/"], "foi reproduce: unexpected argument 'data/' (reproduce reads a study folder, --data, and the repository's notebooks/)" },
        { ["bench", "--rows", "2k", "--repeat", "three"], "foi bench: --repeat needs a whole number of at least 1 (e.g. 20000, 1m), got 'three'" },
        { ["bench", "--quick", "--full"], "foi bench: --quick and --full do not go together" },
        { ["bench", "--first-chart"], "foi bench: unknown option '--first-chart'" },
        { ["--verbose"], "foi: unknown option '--verbose'" },
        { ["extract-all", "x.pdf"], "foi: unknown verb 'extract-all' (normalise, extract, check-claims, draft-claims, reproduce, new-study, bench)" },
        { ["extract", "x.pdf", "--out"], "foi extract: --out needs a value" },
        { ["extract", "x.pdf", "--out", "drafts", "--force"], "foi extract: --force needs a value" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task A_bad_command_line_exits_2_with_one_sentence_naming_what_was_wrong(string[] args, string sentence)
    {
        var run = await Foi.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([sentence, "run 'foi --help' for usage"], run.StderrLines);
        Assert.Equal("", run.Stdout);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task The_built_program_reports_bad_usage_in_one_sentence_without_a_stack_trace()
    {
        // As a user's terminal sees it: the real process, not the in-process entry point.
        var run = await Foi.RunProgramAsync(Repo.Root, "check-claims", "--claims", "data/claims", "--out");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["foi check-claims: --out needs a value", "run 'foi --help' for usage"], run.StderrLines);
        Assert.Equal("", run.Stdout);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task The_built_program_answers_help_for_a_verb_on_stdout()
    {
        var run = await Foi.RunProgramAsync(Repo.Root, "normalise", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage: foi normalise", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Claims_files_may_follow_one_option_or_repeat_it_and_normalize_is_normalise()
    {
        using var dir = new TempDir();
        var claims = Directory.EnumerateFiles(Repo.PathOf("data/claims"), "*.csv").Order(StringComparer.Ordinal).Take(2).ToArray();

        var together = await Foi.RunAsync("check-claims", "--claims", claims[0], claims[1], "--out", dir.File("a.csv"));
        var repeated = await Foi.RunAsync("check-claims", "--claims", claims[0], "--claims", claims[1], "--out", dir.File("b.csv"));
        var british = await Foi.RunAsync("normalise", Repo.PathOf("data/responses"), "--out", dir.File("c.csv"));
        var american = await Foi.RunAsync("normalize", Repo.PathOf("data/responses"), "--out", dir.File("d.csv"));

        Assert.All(new[] { together, repeated, british, american }, r => Assert.Equal(0, r.ExitCode));
        // Both claims files' rows are judged either way (header + the rows of both files).
        var rows = claims.Sum(f => File.ReadAllLines(f).Length - 1);
        Assert.Equal(rows + 1, File.ReadAllLines(dir.File("a.csv")).Length);
        Assert.Equal(File.ReadAllBytes(dir.File("a.csv")), File.ReadAllBytes(dir.File("b.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("c.csv")), File.ReadAllBytes(dir.File("d.csv")));
    }
}
