using System.Security.Cryptography;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>Every file in data/ has its source, licence and checksum in data/sources.csv, and the checksum holds.</summary>
public sealed class DataProvenanceTests
{
    private static readonly CsvFile Sources = CsvFile.Load(Repo.PathOf("data/sources.csv"));

    [Fact]
    public void Every_data_file_is_listed_once()
    {
        var listed = Sources.Rows.Select(r => Sources.Get(r, "file")).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        var onDisk = Directory.EnumerateFiles(Repo.Data, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Where(f => f != "data/sources.csv")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, listed.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Each_checksum_matches_the_file_and_each_row_names_a_source_and_a_licence()
    {
        Assert.All(Sources.Rows, r =>
        {
            var file = Sources.Get(r, "file");
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Repo.PathOf(file))));
            Assert.Equal(Sources.Get(r, "sha256"), actual);
            Assert.False(string.IsNullOrWhiteSpace(Sources.Get(r, "source")), file);
            Assert.False(string.IsNullOrWhiteSpace(Sources.Get(r, "licence")), file);
        });
    }
}
