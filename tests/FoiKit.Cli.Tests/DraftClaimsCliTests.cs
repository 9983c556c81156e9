using FoiKit.Present;
using FoiKit.Read;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary><c>foi draft-claims</c> (contract §9): the draft file, the explanation, exit codes, and a draft as check-claims input.</summary>
public class DraftClaimsCliTests
{
    private static string Article(string name) => Repo.PathOf($"tests/FoiKit.Tests/fixtures/drafting/{name}");

    /// <summary>Each article written for the tests, and the force it is about.</summary>
    public static TheoryData<string, string> Articles => new()
    {
        { "cambridgeshire.txt", "Cambridgeshire" },
        { "dyfed-powys.txt", "Dyfed-Powys" },
        { "hertfordshire.html", "Hertfordshire Police" },
        { "lancashire-gazette.txt", "Lancashire" },
        { "lancashire-preston.md", "Lancashire" },
        { "west-mercia.txt", "West Mercia" },
        { "neighbouring-forces.txt", "Herts Police" },
    };

    [Fact]
    public async Task A_draft_has_the_claim_columns_then_review_and_draft_note()
    {
        using var dir = new TempDir();
        var output = dir.File("claims.csv");

        var run = await Foi.RunAsync("draft-claims", Article("hertfordshire.html"), "--force", "Herts Police", "--article", "herts", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        run.AssertNoStackTrace();
        var lines = File.ReadAllLines(output);
        Assert.Equal(string.Join(',', DraftClaimsCsv.Columns), lines[0]);
        Assert.Equal(ClaimsReader.Columns, DraftClaimsCsv.Columns.Take(ClaimsReader.Columns.Length));
        // The 37 of 2021, as printed, for Hertfordshire, under review.
        Assert.Contains(lines, l => l.StartsWith("herts-05,herts,Hertfordshire Constabulary,offences,count,,in 2021,37,Police in Hertfordshire recorded 37 offences in 2021.,draft,", StringComparison.Ordinal));
        Assert.Contains("drafted 10 claim(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_explanation_lists_every_number_with_its_fate_to_a_file_or_standard_output()
    {
        using var dir = new TempDir();
        var toFile = await Foi.RunAsync("draft-claims", Article("dyfed-powys.txt"), "--force", "Dyfed-Powys", "--article", "d", "--out", dir.File("c.csv"), "--explain", dir.File("why.txt"));
        var toStdout = await Foi.RunAsync("draft-claims", Article("dyfed-powys.txt"), "--force", "Dyfed-Powys", "--article", "d", "--out", dir.File("c2.csv"), "--explain");

        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal(0, toStdout.ExitCode);
        var lines = File.ReadAllLines(dir.File("why.txt"));
        Assert.Contains(lines, l => l.StartsWith("22 | Police in the force area recorded 22 offences", StringComparison.Ordinal) && l.EndsWith("| taken -> d-03", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("14 | One case involved a 14-year-old girl", StringComparison.Ordinal) && l.EndsWith("left out: an age", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("101 | ", StringComparison.Ordinal) && l.EndsWith("left out: a telephone number", StringComparison.Ordinal));
        foreach (var line in lines) Assert.Contains(line, toStdout.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(dir.File("c.csv")), File.ReadAllBytes(dir.File("c2.csv")));
    }

    [Theory]
    [InlineData("draft-claims", "--force", "Kent", "--article", "a", "--out", "c.csv")]                              // no article
    [InlineData("draft-claims", "a.txt", "--article", "a", "--out", "c.csv")]                                         // no --force
    [InlineData("draft-claims", "a.txt", "--force", "Kent", "--out", "c.csv")]                                        // no --article
    [InlineData("draft-claims", "a.txt", "--force", "Kent", "--article", "a")]                                        // no --out
    [InlineData("draft-claims", "a.txt", "--force", "Kent", "--article", "a b", "--out", "c.csv")]                    // an id with a space
    [InlineData("draft-claims", "a.txt", "b.txt", "--force", "Kent", "--article", "a", "--out", "c.csv")]             // two articles: one at a time
    [InlineData("draft-claims", "a.txt", "--force", "Narnia Police", "--article", "a", "--out", "c.csv")]             // no such force
    [InlineData("draft-claims", "a.txt", "--force", "Kent", "--article", "a", "--out", "c.csv", "--request", "nope")] // no such request
    public async Task Bad_usage_exits_2_with_one_sentence(params string[] args)
    {
        var run = await Foi.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.StartsWith("foi draft-claims: ", run.StderrLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.txt", null, "no such file")]
    [InlineData("empty.txt", "", "the file is empty")]
    [InlineData("letter.pdf", "%PDF-1.7 binary", "not an article this reader takes")]
    [InlineData("fake.html", "%PDF-1.7\0\0binary", "holds binary data")]
    [InlineData("nav-only.html", "<html><body><nav>Home 1 2 3</nav><footer>© 2024</footer></body></html>", "no article text found")]
    public async Task An_article_that_cannot_be_read_exits_1_naming_it_in_one_sentence(string name, string? content, string why)
    {
        using var dir = new TempDir();
        var path = content is null ? dir.File(name) : dir.Write(name, content);

        var run = await Foi.RunAsync("draft-claims", path, "--force", "Kent", "--article", "a", "--out", dir.File("c.csv"));

        Assert.Equal(1, run.ExitCode);
        run.AssertNoStackTrace();
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(why, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_names_the_verb_its_options_and_the_optional_explanation_file()
    {
        var run = await Foi.RunAsync("draft-claims", "--help");
        Assert.Equal(0, run.ExitCode);
        var usage = string.Join(' ', run.Stdout.Split("\n\n")[0].Split(' ', '\n').Where(w => w.Length > 0));
        Assert.Equal("usage: foi draft-claims <article>... --force <name> --article <id> --out <claims.csv> [--request <id>] [--explain [<file>]]", usage);
        var root = await Foi.RunAsync("--help");
        Assert.Contains("draft-claims", root.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_article_gives_the_same_bytes()
    {
        using var dir = new TempDir();
        await Foi.RunAsync("draft-claims", Article("lancashire-preston.md"), "--force", "Lancashire", "--article", "p", "--out", dir.File("a.csv"), "--explain", dir.File("a.txt"));
        await Foi.RunAsync("draft-claims", Article("lancashire-preston.md"), "--force", "Lancashire", "--article", "p", "--out", dir.File("b.csv"), "--explain", dir.File("b.txt"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.csv")), File.ReadAllBytes(dir.File("b.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("a.txt")), File.ReadAllBytes(dir.File("b.txt")));
    }

    /// <summary>
    /// The two extra columns are ignored by the claims reader today: a draft whose values are all plain figures
    /// (the kinds and value forms the reader on main accepts) is checked as it is.
    /// </summary>
    [Fact]
    public async Task Check_claims_reads_a_draft_as_it_is_ignoring_review_and_draft_note()
    {
        using var dir = new TempDir();
        var article = dir.Write("kent.txt", "Kent Police recorded 40 offences in 2021/22 and 52 offences in 2022/23.\n\nThe force recorded 150 offences in the last three years.\n");
        var draft = await Foi.RunAsync("draft-claims", article, "--force", "Kent", "--article", "kent", "--out", dir.File("claims.csv"));
        Assert.Equal(0, draft.ExitCode);

        var check = await Foi.RunAsync("check-claims", "--claims", dir.File("claims.csv"), "--out", dir.File("verdicts.csv"));

        Assert.True(check.ExitCode == 0, check.Stderr);
        var verdicts = File.ReadAllLines(dir.File("verdicts.csv"));
        Assert.Equal(["kent-01", "kent-02", "kent-03"], verdicts.Skip(1).Select(l => l.Split(',')[0]));
    }

    /// <summary>
    /// A draft is valid input as the contract writes it (§4 kinds share and highest, values as printed: "nine",
    /// "more than 500", "doubled", "around one third"). This depends on the claims reader accepting worded values
    /// and the kinds share and highest, which the wording integration brings; until it lands this test fails there.
    /// </summary>
    [Theory]
    [MemberData(nameof(Articles))]
    public async Task Check_claims_accepts_the_draft_of_every_test_article_as_it_is(string name, string force)
    {
        using var dir = new TempDir();
        var draft = await Foi.RunAsync("draft-claims", Article(name), "--force", force, "--article", "a", "--out", dir.File("claims.csv"));
        Assert.Equal(0, draft.ExitCode);

        var check = await Foi.RunAsync("check-claims", "--claims", dir.File("claims.csv"), "--out", dir.File("verdicts.csv"));

        Assert.True(check.ExitCode == 0, $"check-claims refused the draft of {name} (needs the claims reader to accept values as printed and the kinds share and highest): {check.Stderr}");
        var claims = File.ReadAllLines(dir.File("claims.csv")).Length - 1;
        Assert.Equal(claims, File.ReadAllLines(dir.File("verdicts.csv")).Length - 1);
    }
}
