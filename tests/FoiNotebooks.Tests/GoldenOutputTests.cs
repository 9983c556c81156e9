// What must not change while the code is reorganised: reproduce on data/ writes the tidy CSV, the
// rejects, the verdicts, the workbook, the report and the figures byte for byte as recorded in
// golden/. The three small CSVs are kept whole so a difference can be read; everything else by
// sha256 (golden/outputs.sha256). A deliberate change to an output updates golden/ in the same
// commit, with the reason in the commit message.
using System.Security.Cryptography;
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

/// <summary>Part of <see cref="ReproduceTests"/>, so the same two reproduce runs serve both.</summary>
public sealed partial class ReproduceTests
{
    private static string Golden(string name) => Path.Combine(Repo.Root, "tests", "FoiNotebooks.Tests", "golden", name);

    public static TheoryData<string> TextFiles => new() { "tidy.csv", "rejects.csv", "verdicts.csv" };

    [Theory]
    [MemberData(nameof(TextFiles))]
    public void The_data_files_are_as_recorded(string file)
    {
        var expected = File.ReadAllLines(Golden(file));
        var actual = File.ReadAllLines(Path.Combine(R.First, file));
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
            Assert.True(expected[i] == actual[i], $"{file}, line {i + 1}:\n expected {expected[i]}\n actual   {actual[i]}");
        Assert.Equal(expected.Length, actual.Length);
    }

    [Fact]
    public void Every_output_has_the_recorded_bytes()
    {
        var differ = new List<string>();
        var checkedFiles = 0;
        foreach (var line in File.ReadAllLines(Golden("outputs.sha256")))
        {
            var parts = line.Split("  ", 2);
            var (hash, file) = (parts[0], parts[1]);
            // Figures need a browser; without one reproduce writes everything else.
            if (file.StartsWith("figures/", StringComparison.Ordinal) && !R.HasBrowser) continue;
            var path = Path.Combine(R.First, file.Replace('/', Path.DirectorySeparatorChar));
            checkedFiles++;
            if (!File.Exists(path)) differ.Add($"{file}: not written");
            else if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) != hash) differ.Add($"{file}: other bytes");
        }
        Assert.True(checkedFiles >= 5, "the golden manifest lists too few files");
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }
}
