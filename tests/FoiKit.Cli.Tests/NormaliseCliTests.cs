using FoiKit.Present;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary><c>foi normalise</c>: exit codes 0 / 1 / 2 and one clear sentence per problem, naming the file.</summary>
public class NormaliseCliTests
{
    private static readonly (string, string[], string?[][]) GoodTable =
        ("1a", ["Offence", "Count"], [["8L - Harassment", "6"], ["Stalking", "1"]]);

    private static readonly (string, string[], string?[][]) TableWithReject =
        ("1a", ["Offence", "Count"], [["8L - Harassment", "6"], ["Stalking", "-2"]]);

    [Fact]
    public async Task Normalising_the_kits_data_exits_0_and_writes_the_tidy_csv()
    {
        using var dir = new TempDir();
        var output = dir.File("tidy.csv");

        var run = await Foi.RunAsync("normalise", Repo.Data, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var summary = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"^normalised (\d+) file\(s\): (\d+) tidy row\(s\) in .*, 0 unusable input\(s\)$",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(summary.Success, run.Stdout);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 7); // Dorset and six articles, at least
        var lines = File.ReadAllLines(output);
        Assert.Equal(string.Join(',', TidyCsv.Columns), lines[0]);
        Assert.Equal(int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, lines.Length);
        Assert.All(run.StderrLines, l => Assert.True(l.StartsWith("warning: ", StringComparison.Ordinal) || l.StartsWith("note: ", StringComparison.Ordinal), l));
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task Rejects_still_exit_0_and_are_listed_with_their_reason()
    {
        using var dir = new TempDir();
        var input = dir.Write("dorset-bad-cell.json", Build.TranscriptJson("Dorset Police", Kit.RequestId, TableWithReject));
        var rejects = dir.File("out/rejects.csv");

        var run = await Foi.RunAsync("normalise", input, "--out", dir.File("out/tidy.csv"), "--rejects", rejects);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 tidy row(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 reject(s)", run.Stdout, StringComparison.Ordinal);
        var ledger = File.ReadAllLines(rejects);
        Assert.Equal(string.Join(',', TidyCsv.RejectColumns), ledger[0]);
        var row = Assert.Single(ledger.Skip(1));
        Assert.Contains(",Stalking,", row, StringComparison.Ordinal);
        Assert.EndsWith("'-2' is a negative count", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_rejects_option_the_ledger_goes_beside_the_tidy_file_and_stderr_says_where()
    {
        using var dir = new TempDir();
        var input = dir.Write("dorset-bad-cell.json", Build.TranscriptJson("Dorset Police", Kit.RequestId, TableWithReject));

        var run = await Foi.RunAsync("normalise", input, "--out", dir.File("tidy.csv"));

        Assert.Equal(0, run.ExitCode);
        var ledger = dir.File("tidy.rejects.csv");
        Assert.True(File.Exists(ledger));
        Assert.Contains(ledger, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_exits_1_with_one_line_naming_the_file()
    {
        using var dir = new TempDir();
        var broken = dir.Write("broken.json", "{ \"request\": \"legal-expert-tiktok-2024\", \"tables\": [ {");

        var run = await Foi.RunAsync("normalise", broken, "--out", dir.File("tidy.csv"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: {broken}: not valid JSON", line, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task An_unknown_force_exits_1_with_one_line_naming_the_file_and_the_force()
    {
        using var dir = new TempDir();
        var input = dir.Write("gotham.json", Build.TranscriptJson("Gotham City Police", Kit.RequestId, GoodTable));

        var run = await Foi.RunAsync("normalise", input, "--out", dir.File("tidy.csv"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: {input}: unknown force", line, StringComparison.Ordinal);
        Assert.Contains("'Gotham City Police'", line, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task An_unknown_request_id_exits_1_with_one_line_naming_the_file_and_the_id()
    {
        using var dir = new TempDir();
        var input = dir.Write("other.json", Build.TranscriptJson("Dorset Police", "no-such-request", GoodTable));

        var run = await Foi.RunAsync("normalise", input, "--out", dir.File("tidy.csv"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: {input}: unknown request id 'no-such-request'", line, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_missing_file_exits_1_with_one_line_naming_it()
    {
        using var dir = new TempDir();
        var missing = dir.File("not-there.json");

        var run = await Foi.RunAsync("normalise", missing, "--out", dir.File("tidy.csv"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {missing}: no such file or folder", Assert.Single(run.StderrLines));
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task One_unusable_file_exits_1_but_the_good_files_are_still_normalised()
    {
        using var dir = new TempDir();
        dir.Write("a-good.json", Build.TranscriptJson("Dorset Police", Kit.RequestId, GoodTable));
        var broken = dir.Write("b-broken.json", "not json at all");
        dir.Write("c-good.json", Build.TranscriptJson("avon & somerset", Kit.RequestId, GoodTable));
        var output = dir.File("out/tidy.csv");

        var run = await Foi.RunAsync("normalise", dir.Path, "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 unusable input(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(output).Length);
        Assert.Single(run.StderrLines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("b-broken.json", run.Stderr, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_request_defined_outside_the_kit_is_read_with_the_requests_option()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("requests"));
        dir.Write("requests/made-up.json", """
            { "id": "made-up-2025", "questions": { "2": { "measure": "outcomes", "by": "category", "period": "2024/25" } } }
            """);
        var input = dir.Write("surrey.json", Build.TranscriptJson("Surrey", "made-up-2025", ("2", ["Outcome", "Count"], [["OC16", "4"]])));
        var output = dir.File("tidy.csv");

        var run = await Foi.RunAsync("normalise", input, "--out", output, "--requests", dir.File("requests"));

        Assert.Equal(0, run.ExitCode);
        var row = File.ReadAllLines(output)[1];
        Assert.StartsWith("made-up-2025,surrey,Surrey Police,force_response,2,outcomes,2024/25,2024-04-01,2025-03-31,2024/25,financial_year,OC16,code,16,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_request_definition_exits_1_with_one_line_naming_it()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("requests"));
        var definition = dir.Write("requests/typo.json", """
            { "id": "typo-2025", "questions": { "1": { "measure": "offences", "by": "period", "periods": [2021, 2022] } } }
            """);
        var input = dir.Write("dorset.json", Build.TranscriptJson("Dorset Police", Kit.RequestId, GoodTable));

        var run = await Foi.RunAsync("normalise", input, "--out", dir.File("tidy.csv"), "--requests", dir.File("requests"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(definition, line, StringComparison.Ordinal);
        Assert.Contains("'2021' is not a year like 2021/22", line, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task No_arguments_exit_2_with_usage_on_stderr()
    {
        var run = await Foi.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: foi", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Help_exits_0_with_usage_on_stdout()
    {
        var run = await Foi.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("normalise <file or folder>", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out is required", "normalise", "data/responses/dorset.json")]
    [InlineData("unknown option '--outt'", "normalise", "data/responses/dorset.json", "--outt", "x.csv")]
    [InlineData("name at least one file or folder", "normalise", "--out", "x.csv")]
    [InlineData("--out needs a value", "normalise", "data/", "--out")]
    [InlineData("--out takes one value, got 2", "normalise", "--out", "a.csv", "b.csv")]
    [InlineData("unknown verb 'normalize-all'", "normalize-all")]
    public async Task Bad_usage_exits_2_with_one_sentence_and_a_hint(string message, params string[] args)
    {
        var run = await Foi.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.StderrLines.Length);
        Assert.Contains(message, run.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("run 'foi --help' for usage", run.StderrLines[1]);
        Assert.Equal("", run.Stdout);
        run.AssertNoStackTrace();
    }
}
