using FoiKit.Text;

namespace FoiKit.Formats.Tests;

/// <summary>
/// Every file of the bad-input corpus (bad-input/ plus the generated binary part) goes through
/// the CLI entry point: it must end as its manifest says (a one-sentence error naming the file,
/// or specific rejects with reasons, or named warnings), and never with a stack trace.
/// </summary>
public sealed class BadInputTests
{
    private static readonly string Committed = Path.Combine(AppContext.BaseDirectory, "bad-input");

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        var manifest = CsvFile.Load(Path.Combine(Committed, "expected.csv"));
        foreach (var row in manifest.Rows)
            data.Add(manifest.Get(row, "file"), manifest.Get(row, "outcome"), manifest.Get(row, "expected"), manifest.Get(row, "stderr"));
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_40_files_across_json_csv_and_xlsx_and_every_committed_file_is_listed()
    {
        var manifest = CsvFile.Load(Path.Combine(Committed, "expected.csv"));
        var listed = manifest.Rows.Select(r => manifest.Get(r, "file")).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.True(listed.Count >= 40, $"{listed.Count} files");
        foreach (var ext in new[] { ".json", ".csv", ".xlsx" })
            Assert.True(listed.Count(f => f.EndsWith(ext, StringComparison.Ordinal)) >= 8, ext);
        var committed = Directory.EnumerateFiles(Committed).Select(Path.GetFileName)
            .Where(f => f != "expected.csv" && f != "README.md" && !(f!.EndsWith(".meta.json", StringComparison.Ordinal) && !listed.Contains(f)));
        Assert.All(committed, f => Assert.Contains(f, listed));
        Assert.All(listed, f => Assert.True(File.Exists(Locate(f)), $"{f} is listed but neither committed nor generated"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_ends_as_the_manifest_says_without_a_stack_trace(string file, string outcome, string expected, string stderrFragments)
    {
        var path = Locate(file);
        var outDir = TestKit.TempDir("bad");
        var tidy = Path.Combine(outDir, "tidy.csv");
        var rejects = Path.Combine(outDir, "rejects.csv");
        var (code, _, stderr) = TestKit.Cli("normalise", path, "--out", tidy, "--rejects", rejects, "--xlsx", Path.Combine(outDir, "tidy.xlsx"));

        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        foreach (var fragment in Split(stderrFragments)) Assert.Contains(fragment, stderr, StringComparison.Ordinal);

        var errors = stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        switch (outcome)
        {
            case "error":
                Assert.Equal(1, code);
                var error = Assert.Single(errors);
                Assert.StartsWith($"error: {path}", error, StringComparison.Ordinal);
                Assert.Contains(expected, error, StringComparison.Ordinal);
                // One sentence: no line breaks inside, no second full stop followed by a new sentence.
                Assert.DoesNotContain(". ", error.TrimEnd().TrimEnd('.'), StringComparison.Ordinal);
                break;
            case "rejects":
                Assert.True(code == 0, $"exit {code}: {stderr}");
                Assert.Empty(errors);
                var ledger = CsvFile.Load(rejects);
                var reasons = ledger.Rows.Select(r => ledger.Get(r, "reason")).ToList();
                Assert.NotEmpty(reasons);
                foreach (var fragment in Split(expected))
                    Assert.True(reasons.Any(r => r.Contains(fragment, StringComparison.Ordinal)), $"no reject says '{fragment}'; reasons: {string.Join(" / ", reasons)}");
                Assert.All(ledger.Rows, r => Assert.Equal(path, ledger.Get(r, "source_file")));
                break;
            case "warning":
                Assert.True(code == 0, $"exit {code}: {stderr}");
                Assert.Empty(errors);
                break;
            default:
                Assert.Fail($"unknown outcome '{outcome}' in expected.csv");
                break;
        }
    }

    private static IEnumerable<string> Split(string fragments) =>
        fragments.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Locate(string file)
    {
        var committed = Path.Combine(Committed, file);
        return File.Exists(committed) ? committed : Path.Combine(TestKit.GeneratedCorpus.Value, file);
    }
}
