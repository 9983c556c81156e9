using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>The real built program, run as a process from the repository root.</summary>
public class ProgramTests
{
    [Fact]
    public async Task Foi_normalise_data_exits_0_and_dorset_matches_the_golden_file()
    {
        using var dir = new TempDir();
        var output = dir.File("tidy.csv");

        var run = await Foi.RunProgramAsync(Repo.Root, "normalise", "data/", "--out", output);

        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        var golden = File.ReadAllLines(Repo.PathOf("tests/FoiKit.Tests/golden/dorset.tidy.csv"));
        var produced = File.ReadAllLines(output);
        Assert.Equal(golden[0], produced[0]);
        Assert.Equal(golden.Skip(1), produced.Where(l => l.Contains(",dorset,Dorset Police,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outside_a_checkout_the_program_uses_the_reference_data_shipped_beside_it()
    {
        // Regression: the shipped copy once flattened data/reference and data/requests into data/.
        using var dir = new TempDir();
        var dorset = dir.Write("dorset.json", File.ReadAllText(Repo.PathOf("data/responses/dorset.json")));

        var run = await Foi.RunProgramAsync(dir.Path, "normalise", dorset, "--out", dir.File("tidy.csv"));

        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Equal(11, File.ReadAllLines(dir.File("tidy.csv")).Length); // header + Dorset's 10 figures
    }

    [Fact]
    public async Task Broken_json_exits_1_with_a_sentence_and_no_stack_trace()
    {
        using var dir = new TempDir();
        var broken = dir.Write("broken.json", "{ \"tables\": [");

        var run = await Foi.RunProgramAsync(Repo.Root, "normalise", broken, "--out", dir.File("tidy.csv"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {broken}: not valid JSON", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task No_arguments_exit_2_and_an_unwritable_output_exits_1_without_a_stack_trace()
    {
        using var dir = new TempDir();

        var usage = await Foi.RunProgramAsync(Repo.Root);
        var unwritable = await Foi.RunProgramAsync(Repo.Root, "normalise", "data/responses/dorset.json", "--out", dir.Path);

        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("usage: foi", usage.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unwritable.ExitCode);
        Assert.Single(unwritable.StderrLines);
        usage.AssertNoStackTrace();
        unwritable.AssertNoStackTrace();
    }
}
