using FoiKit.Present;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary><c>foi check-claims</c>: verdicts for every claim, exit codes and one-sentence errors.</summary>
public class CheckClaimsCliTests
{
    [Fact]
    public async Task Every_claim_in_the_kits_data_gets_a_verdict_row()
    {
        using var dir = new TempDir();
        var output = dir.File("verdicts.csv");

        var run = await Foi.RunAsync("check-claims", "--claims", Repo.PathOf("data/claims"), "--out", output);

        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        var lines = File.ReadAllLines(output);
        Assert.Equal(string.Join(',', VerdictCsv.Columns), lines[0]);
        var claimRows = Directory.EnumerateFiles(Repo.PathOf("data/claims"), "*.csv").Sum(f => File.ReadAllLines(f).Length - 1);
        Assert.Equal(claimRows, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("cambs-10,consistent,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_claims_give_the_same_bytes()
    {
        using var dir = new TempDir();
        await Foi.RunAsync("check-claims", "--claims", Repo.PathOf("data/claims"), "--out", dir.File("a.csv"));
        await Foi.RunAsync("check-claims", "--claims", Repo.PathOf("data/claims"), "--out", dir.File("b.csv"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.csv")), File.ReadAllBytes(dir.File("b.csv")));
    }

    [Fact]
    public async Task A_claims_file_that_is_not_one_exits_1_naming_it()
    {
        using var dir = new TempDir();
        var bad = dir.Write("claims.csv", "a,b\n1,2\n");

        var run = await Foi.RunAsync("check-claims", "--claims", bad, "--out", dir.File("v.csv"));

        Assert.Equal(1, run.ExitCode);
        run.AssertNoStackTrace();
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(bad, line);
        Assert.Contains("not a claims file", line);
    }

    [Theory]
    [InlineData("check-claims", "--out", "v.csv")]                 // no --claims
    [InlineData("check-claims", "--claims", "c.csv")]              // no --out
    [InlineData("check-claims", "--claims", "c.csv", "--out", "v.csv", "--guess", "x")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        var run = await Foi.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task Claims_checked_against_other_data_use_that_data()
    {
        using var dir = new TempDir();
        var output = dir.File("v.csv");

        // Only Dorset's response: the synthetic Dorset claims are judged against it.
        var run = await Foi.RunAsync("check-claims", "--claims", Repo.PathOf("tests/FoiKit.Tests/fixtures/claims/dorset-synthetic-claims.csv"),
            "--data", Repo.PathOf("data/responses/dorset.json"), "--out", output);

        Assert.Equal(0, run.ExitCode);
        var verdicts = File.ReadAllLines(output);
        Assert.Contains(verdicts, l => l.StartsWith("d-01,reproduced,46,46,force_response: dorset 1 rows 1-3", StringComparison.Ordinal));
        Assert.Contains("reproduced", run.Stdout);
    }
}
