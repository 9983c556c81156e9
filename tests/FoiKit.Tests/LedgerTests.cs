using System.Text.Json;
using FoiKit.Model;
using FoiKit.Pipeline;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>
/// The ledger of what the articles in data/ printed: every checkable statement has a claim, values are
/// kept as printed ("double", "three", "no"), article transcripts keep numbers in words and the kit reads
/// them, and the README says what the data holds.
/// </summary>
public sealed class LedgerTests
{
    private static readonly Lazy<Study> RealStudy = new(() => Study.Load(Repo.Data));

    private static Claim ClaimOf(string id) => Assert.Single(RealStudy.Value.Claims, c => c.ClaimId == id);

    [Theory]
    [InlineData("dyfed-01", "growth_pct", "double")]          // 'as figures double': no percentage was printed, so not 100
    [InlineData("dyfed-09", "count", "no")]                   // 'no charges have been confirmed'
    [InlineData("dyfed-14", "count", "no")]                   // 'no charges have been made'
    [InlineData("herts-02", "count", "no")]
    [InlineData("gazette-07", "count", "three")]              // the word, as printed
    [InlineData("gazette-10", "count", "three")]
    [InlineData("preston-10", "count", "three")]
    [InlineData("dyfed-10", "share", "majority")]             // 'the majority of alleged offences': a share above half
    [InlineData("cambs-01", "at_least", "more than 500")]
    [InlineData("cambs-02", "growth_pct", "73%")]
    [InlineData("gazette-01", "at_least", "more than 140,000")]
    [InlineData("wmercia-03", "at_least", "more than 14,000")]
    public void Values_are_kept_as_printed(string id, string kind, string value)
    {
        var c = ClaimOf(id);
        Assert.Equal((kind, value), (c.Kind.ToContract(), c.ValueText));
        Assert.Null(c.ValueProblem);
    }

    [Theory]
    [InlineData("preston-13", "share", "malicious communications", "around one third")] // Blog Preston's share
    [InlineData("gazette-12", "highest", "", "")]                                     // the Gazette's three-year high
    [InlineData("gazette-13", "at_least", "stalking", "at least 1")]                  // the Gazette's offence types 'this year'
    [InlineData("gazette-14", "at_least", "harassment", "at least 1")]
    [InlineData("gazette-15", "at_least", "distribution of indecent photographs of children", "at least 1")]
    [InlineData("herts-11", "at_least", "harassment", "at least 1")]                  // Hemel Today's offence types 'logged this year'
    [InlineData("herts-12", "at_least", "obscene publications", "at least 1")]
    [InlineData("herts-13", "at_least", "blackmail", "at least 1")]
    [InlineData("dyfed-17", "most_common", "sexual communication with a child", "")]  // Tenby Today's 'among the top offences'
    [InlineData("dyfed-18", "most_common", "stalking", "")]
    [InlineData("preston-14", "highest", "taking, making or distributing indecent photographs or pseudo-photographs of children", "")] // the highest of any force
    [InlineData("dyfed-16", "total", "", "hundreds")]                                 // the article's address: 'hundreds of disturbing crimes'
    [InlineData("wmercia-05", "total", "", "hundreds")]                               // the headline's 'hundreds of crimes'
    public void The_statements_the_review_found_missing_have_claims(string id, string kind, string category, string value)
    {
        var c = ClaimOf(id);
        Assert.Equal((kind, category, value), (c.Kind.ToContract(), c.CategoryLabel, c.ValueText));
    }

    [Fact]
    public void Offence_types_named_without_a_figure_are_claims_of_at_least_one()
    {
        // Naming an offence type says at least one was recorded: at_least with 'at least 1', read as 1 or more.
        var named = RealStudy.Value.Claims.Where(c => c.ValueText == "at least 1").ToList();
        Assert.Equal(11, named.Count); // Gazette 3, Blog Preston 4, Hemel Today 3, Shropshire Star 1
        Assert.All(named, c =>
        {
            Assert.Equal((ClaimKind.AtLeast, 1m), (c.Kind, c.Value));
            Assert.NotEqual("", c.CategoryLabel);
        });
        Assert.Equal(["blackpool-gazette-lancashire", "blog-preston-lancashire", "hemel-today-hertfordshire", "shropshire-star-west-mercia"],
            named.Select(c => c.ArticleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("data/articles/blackpool-gazette__lancashire.json", 3, 1, "three", 3)]
    [InlineData("data/articles/blackpool-gazette__lancashire.json", 3, 2, "three", 3)]
    [InlineData("data/articles/blog-preston__lancashire.json", 3, 1, "three", 3)]
    [InlineData("data/articles/hemel-today__hertfordshire.json", 2, 1, "no", 0)]
    [InlineData("data/articles/tenby-today__dyfed-powys.json", 3, 1, "no", 0)]
    [InlineData("data/articles/tenby-today__dyfed-powys.json", 3, 2, "no", 0)]
    public void Article_transcripts_keep_numbers_in_words_and_the_kit_reads_them(string file, int table, int row, string printed, long value)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Repo.PathOf(file)));
        var cells = doc.RootElement.GetProperty("tables")[table - 1].GetProperty("rows")[row - 1];
        Assert.Equal(printed, cells[cells.GetArrayLength() - 1].GetString());

        var o = Assert.Single(RealStudy.Value.Data.Observations, x => x.Source.SourceFile.EndsWith(file, StringComparison.Ordinal) && x.Source.Table == table && x.Source.Row == row);
        Assert.Equal(new CellValue(printed, value, ValueStatus.Reported), o.Value);
        Assert.Empty(RealStudy.Value.Data.Rejects);
    }

    [Fact]
    public void Words_in_an_article_are_read_but_words_in_a_forces_table_go_to_the_ledger()
    {
        var table = Table("1b", ["Outcome", "Count"], ["charges", "three"], ["summons", "no"], ["cautions", "more than 5"]);
        var article = Run(Transcript(table) with { Kind = SourceKind.PublishedArticle });
        var force = Run(Transcript(table));

        // The article's "three" and "no" are its figures 3 and 0; "more than 5" bounds a figure but is none.
        Assert.Equal([("three", 3L), ("no", 0L)], article.Observations.Select(o => (o.Value.Raw, o.Value.Value!.Value)));
        Assert.Equal("more than 5", Assert.Single(article.Rejects).RawValue);
        // A force prints its figures in digits: words there are kept out of the data, with the reason.
        Assert.Empty(force.Observations);
        Assert.Equal(3, force.Rejects.Count);
    }

    [Fact]
    public void The_readme_counts_the_articles_in_the_data_that_print_each_national_total()
    {
        // Three articles in data/ print 'more than 140,000' (the corpus names a fourth outlet, not in data/), one '14,000'.
        var national = RealStudy.Value.Claims.Where(c => c.IsNational && c.Kind == ClaimKind.AtLeast).ToList();
        Assert.Equal(3, national.Where(c => c.Value == 140_000).Select(c => c.ArticleId).Distinct().Count());
        Assert.Single(national.Where(c => c.Value == 14_000).Select(c => c.ArticleId).Distinct());

        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        Assert.Contains("more than 140,000 by three articles in the data", readme, StringComparison.Ordinal);
        Assert.Contains("more than 14,000 by one", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("by\nfour outlets", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("by four outlets", readme, StringComparison.Ordinal);
    }
}
