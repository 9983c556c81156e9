using FoiKit.Pipeline;
using FoiKit.Present;

namespace FoiKit.Tests;

/// <summary>The same inputs give byte-identical files, whatever order they are named in.</summary>
public class DeterminismTests
{
    private static (byte[] Tidy, byte[] Rejects) Run(TempDir dir, string name, params string[] inputs)
    {
        var tidy = dir.File(name + ".csv");
        var rejects = dir.File(name + ".rejects.csv");
        using (var writer = new TidyCsvWriter(tidy, rejects))
        {
            var summary = NormaliseRun.Run(Kit.Data, inputs, writer, _ => { });
            Assert.Equal(0, summary.Errors);
        }
        return (File.ReadAllBytes(tidy), File.ReadAllBytes(rejects));
    }

    private static string Fixtures => Repo.PathOf("tests/FoiKit.Tests/fixtures/unseen");

    [Fact]
    public void Normalising_twice_gives_identical_files()
    {
        using var dir = new TempDir();

        var first = Run(dir, "first", Shipped.Folder, Fixtures);
        var second = Run(dir, "second", Shipped.Folder, Fixtures);

        Assert.True(first.Tidy.Length > 1000);
        Assert.True(first.Rejects.Length > TidyCsv.RejectColumns.Sum(c => c.Length)); // the fixtures hold a reject
        Assert.Equal(first.Tidy, second.Tidy);
        Assert.Equal(first.Rejects, second.Rejects);
    }

    [Fact]
    public void Naming_the_inputs_in_another_order_gives_identical_files()
    {
        using var dir = new TempDir();
        var dorset = Shipped.PathOf("data/responses/dorset.json");
        var articles = Path.Combine(Shipped.Folder, "articles");

        var forwards = Run(dir, "forwards", dorset, articles, Fixtures);
        var backwards = Run(dir, "backwards", Fixtures, articles, dorset);
        var repeated = Run(dir, "repeated", articles, dorset, Fixtures, dorset);

        Assert.Equal(forwards.Tidy, backwards.Tidy);
        Assert.Equal(forwards.Rejects, backwards.Rejects);
        Assert.Equal(forwards.Tidy, repeated.Tidy);
    }

    [Fact]
    public void Output_is_utf8_without_bom_with_lf_line_ends()
    {
        using var dir = new TempDir();

        var tidy = Run(dir, "t", Path.Combine(Shipped.Folder, "articles")).Tidy;

        Assert.NotEqual(0xEF, tidy[0]);
        Assert.DoesNotContain((byte)'\r', tidy);
        Assert.Equal((byte)'\n', tidy[^1]);
        var text = System.Text.Encoding.UTF8.GetString(tidy);
        Assert.StartsWith(string.Join(',', TidyCsv.Columns) + "\n", text, StringComparison.Ordinal);
        Assert.Contains("Investigation complete – no suspect identified", text, StringComparison.Ordinal); // non-ASCII kept as printed
    }
}
