using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// Every shipped data file has its source, licence and checksum in data/sources.csv, and the checksum holds.
/// A file someone adds to their own data/ without a row is not a test failure: reproduce names it in a warning
/// (StudyFolderTests, A_file_without_a_sources_row_is_named_in_a_warning).
/// </summary>
public sealed class DataProvenanceTests
{
    private static readonly CsvFile Sources = CsvFile.Load(Repo.PathOf("data/sources.csv"));

    [Fact]
    public void Every_listed_file_is_listed_once_and_is_there()
    {
        var listed = Shipped.Files.Select(f => f.File).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.All(listed, f => Assert.True(File.Exists(Repo.PathOf(f)), $"{f} is listed in data/sources.csv but not in data/"));
        // The kit's material: its one response, six articles, six claims files, the request and the reference tables.
        Assert.Single(Shipped.In("responses"));
        Assert.Equal(6, Shipped.In("articles").Count);
        Assert.Equal(6, Shipped.In("claims").Count);
        Assert.Single(Shipped.In("requests"));
        Assert.Equal(7, Shipped.In("reference").Count);
    }

    [Fact]
    public void Each_checksum_matches_the_file_and_each_row_names_a_source_and_a_licence()
    {
        Assert.All(Sources.Rows, r =>
        {
            var file = Sources.Get(r, "file");
            var shipped = Assert.Single(Shipped.Files, f => f.File == file);
            Assert.Equal(Sources.Get(r, "sha256"), shipped.ActualSha256(Repo.Root));
            Assert.False(string.IsNullOrWhiteSpace(Sources.Get(r, "source")), file);
            Assert.False(string.IsNullOrWhiteSpace(Sources.Get(r, "licence")), file);
        });
    }

    [Fact]
    public void The_shipped_study_folder_holds_exactly_the_listed_files()
    {
        var copied = Directory.EnumerateFiles(Shipped.Folder, "*", SearchOption.AllDirectories)
            .Select(f => "data/" + Path.GetRelativePath(Shipped.Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Shipped.Files.Select(f => f.File).Append("data/sources.csv").Order(StringComparer.Ordinal), copied);
        // The copy's parent plays the repository root: each copied file has the sha256 data/sources.csv records.
        Assert.All(Shipped.Files, f => Assert.Equal(f.Sha256, f.ActualSha256(Path.GetDirectoryName(Shipped.Folder)!)));
    }
}
