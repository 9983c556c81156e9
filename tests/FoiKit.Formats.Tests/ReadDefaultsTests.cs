using FoiKit.Formats.Tests.Fixtures;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Read;

namespace FoiKit.Formats.Tests;

/// <summary>
/// <c>--request</c> and <c>--force</c> (<see cref="ReadDefaults"/>) on CSV and XLSX responses that say
/// nothing about themselves: they fill only what the file and its sidecar leave empty, and a folder's
/// unmarked CSVs (claims, reference tables) are still not read as responses.
/// </summary>
public sealed class ReadDefaultsTests
{
    private const string Request = "legal-expert-tiktok-2024";

    /// <summary>Dorset's question 1 as data/responses/dorset.json prints it, under a title row and no metadata.</summary>
    private const string BareCsv =
        "Question 1: offences where TikTok was recorded\nTime period,Count\n6th Apr 2021 to 5th Apr 2022,14\n6th Apr 2022 to 5th Apr 2023,16\n6th Apr 2023 to 5th Apr 2024,16\nTotal,46\n";

    private static readonly ReadDefaults Dorset = new(Request, "Dorset Police");

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string BareXlsx(string folder)
    {
        var path = Path.Combine(folder, "bare.xlsx");
        var book = new XlsxBuilder();
        var s = book.Sheet("Q1");
        s.Row("Time period", "Count");
        s.Row("6th Apr 2021 to 5th Apr 2022", 14);
        s.Row("6th Apr 2022 to 5th Apr 2023", 16);
        s.Row("6th Apr 2023 to 5th Apr 2024", 16);
        s.Row("Total", 46);
        book.Save(path);
        return path;
    }

    [Fact]
    public void A_csv_that_says_nothing_is_read_with_the_request_and_force_given()
    {
        var path = Write(TestKit.TempDir("defaults"), "bare.csv", BareCsv);

        var data = NormaliseRun.Load(TestKit.Kit, [path], Dorset);

        Assert.DoesNotContain(data.Diagnostics, d => d.Severity == Severity.Error);
        // Three years and the printed total, by hand from the CSV above.
        Assert.Equal([14L, 16L, 16L, 46L], data.Observations.Select(o => o.Value.Value!.Value));
        Assert.All(data.Observations, o => Assert.Equal(("dorset", Request, SourceKind.ForceResponse, "1"), (o.Force.Id, o.RequestId, o.SourceKind, o.Question)));
        Assert.Equal(ValueStatus.PrintedTotal, data.Observations[3].Value.Status);
    }

    [Fact]
    public void A_workbook_that_says_nothing_is_read_with_the_request_and_force_given()
    {
        var path = BareXlsx(TestKit.TempDir("defaults"));

        var without = NormaliseRun.Load(TestKit.Kit, path);
        var with = NormaliseRun.Load(TestKit.Kit, [path], Dorset);

        Assert.Contains(without.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains("not marked as an FOI response", StringComparison.Ordinal)
            && d.Message.Contains("--request", StringComparison.Ordinal));
        Assert.DoesNotContain(with.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal([14L, 16L, 16L, 46L], with.Observations.Select(o => o.Value.Value!.Value));
        Assert.All(with.Observations, o => Assert.Equal(("dorset", "1"), (o.Force.Id, o.Question)));
    }

    [Fact]
    public void A_request_without_a_force_says_which_option_supplies_the_force()
    {
        var path = Write(TestKit.TempDir("defaults"), "bare.csv", BareCsv);

        var data = NormaliseRun.Load(TestKit.Kit, [path], new ReadDefaults(Request));

        var error = Assert.Single(data.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("does not say its 'force'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or pass --force", error.Message, StringComparison.Ordinal);
        Assert.Empty(data.Observations);
    }

    [Fact]
    public void What_the_file_or_its_sidecar_says_wins_over_the_defaults()
    {
        var dir = TestKit.TempDir("defaults");
        var marked = Write(dir, "kent.csv", "request,legal-expert-tiktok-2024\nkind,force_response\nforce,Kent Police\n\n" + BareCsv);
        var withSidecar = Write(dir, "bare.csv", BareCsv);
        Write(dir, "bare.csv.meta.json", "{ \"force\": \"Avon and Somerset\" }");

        var data = NormaliseRun.Load(TestKit.Kit, [marked, withSidecar], Dorset);

        Assert.DoesNotContain(data.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(["avon-and-somerset", "kent"], data.Observations.Select(o => o.Force.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(data.Observations, o => o.Force.Id == "dorset");
    }

    [Fact]
    public void In_a_folder_an_unmarked_csv_is_still_not_a_response_but_a_named_one_is_read()
    {
        // Folders hold claims and reference tables as CSV: a request given for the folder must not make them responses.
        var dir = TestKit.TempDir("defaults");
        var bare = Write(dir, "bare.csv", BareCsv);

        var folder = NormaliseRun.Load(TestKit.Kit, [dir], Dorset);
        var named = NormaliseRun.Load(TestKit.Kit, [bare], Dorset);

        Assert.Empty(folder.Observations);
        Assert.Equal([bare], folder.Summary.Skipped);
        Assert.Equal(4, named.Observations.Count);
    }
}
