using System.Text.Json;
using FoiKit.Present;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>
/// <c>foi bench</c>: the JSON it prints and the files it leaves. Sizes are tiny and nothing is
/// timed here: the figures themselves belong in docs/performance.md, not in assertions.
/// </summary>
public class BenchCliTests
{
    private static readonly string[] RequiredKeys =
    [
        "normalise_rows_per_s", "normalise_rows_per_cpu_s", "normalise_write_rows_per_s", "normalise_files_rows_per_s",
        "tidy_read_rows_per_s", "tidy_csv", "tidy_csv_rows", "peak_memory_mb", "machine", "notes",
        "pdf_extract_50_pages_s", "pdf_extract_s_per_page",
    ];

    [Fact]
    public async Task Bench_quick_json_prints_one_object_with_the_figures_and_leaves_the_tidy_csv_it_read()
    {
        using var dir = new TempDir();

        var run = await Foi.RunProgramAsync(Repo.Root, "bench", "--quick", "--json", "--rows", "20000", "--repeat", "1",
            "--out", dir.Path, "--no-reproduce");

        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        foreach (var key in RequiredKeys) Assert.True(root.TryGetProperty(key, out _), $"no '{key}' in {run.Stdout}");
        Assert.True(root.GetProperty("synthetic").GetBoolean());
        Assert.Equal("quick", root.GetProperty("mode").GetString());
        Assert.True(root.GetProperty("normalise_rows_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("tidy_read_rows_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("peak_memory_mb").GetInt64() > 0);
        // The synthetic letter was extracted whole: 50 pages, its tables found (one at least a page), the time split over the pages.
        Assert.Equal(50, root.GetProperty("pdf_extract_pages").GetInt32());
        Assert.True(root.GetProperty("pdf_extract_tables").GetInt32() >= 50);
        Assert.Equal(root.GetProperty("pdf_extract_tables").GetInt32() * 23, root.GetProperty("pdf_extract_rows").GetInt32());
        var letter = root.GetProperty("pdf_extract_50_pages_s").GetDouble();
        Assert.True(letter > 0);
        Assert.Equal(letter / 50, root.GetProperty("pdf_extract_s_per_page").GetDouble(), 0.0006);
        Assert.Single(root.GetProperty("runs_s").GetProperty("pdf_extract_50_pages_s").EnumerateArray());

        // The tidy CSV is left where others can time their own tools on it.
        var tidy = root.GetProperty("tidy_csv").GetString()!;
        Assert.True(File.Exists(tidy), tidy);
        Assert.StartsWith(Path.GetFullPath(dir.Path), Path.GetFullPath(tidy), StringComparison.Ordinal);
        var lines = File.ReadLines(tidy).ToList();
        Assert.Equal(string.Join(',', TidyCsv.Columns), lines[0]);
        Assert.Equal(root.GetProperty("tidy_csv_rows").GetInt64(), lines.Count - 1);
        Assert.Equal(root.GetProperty("tidy_rows").GetInt64(), lines.Count - 1);
        Assert.Equal(20_000, root.GetProperty("tidy_rows").GetInt64() + root.GetProperty("reject_rows").GetInt64());

        // Synthetic and said to be, never in data/.
        Assert.Contains("SYNTHETIC", File.ReadAllText(Path.Combine(dir.Path, "SYNTHETIC-README.txt")), StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Take(50), l => Assert.Contains("synthetic://", l, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir.Path, "bench.json")));

        // reproduce is left out, and the JSON says why.
        Assert.False(root.TryGetProperty("reproduce_warm_s", out _));
        Assert.False(root.TryGetProperty("reproduce_cold_s", out _));
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("reproduce", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inside_a_test_host_bench_cannot_start_itself_so_reproduce_is_omitted_with_a_reason()
    {
        using var dir = new TempDir();

        var run = await Foi.RunAsync("bench", "--json", "--rows", "2000", "--repeat", "1", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.TryGetProperty("reproduce_warm_s", out _));
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(),
            n => n.GetString()!.StartsWith("reproduce not timed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synthetic_data_is_never_written_into_the_kits_data_folder()
    {
        var target = Path.Combine(Repo.Data, "bench-out");

        var run = await Foi.RunAsync("bench", "--rows", "100", "--out", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("synthetic data never goes in data/", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Theory]
    [InlineData("--rows", "lots")]
    [InlineData("--rows", "0")]
    [InlineData("--repeat", "-1")]
    [InlineData("--quick", "--full")]
    [InlineData("somefile.json")]
    public async Task Bad_bench_options_exit_2_with_a_sentence(params string[] args)
    {
        var run = await Foi.RunAsync(["bench", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("foi bench: ", run.StderrLines[0], StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }
}
