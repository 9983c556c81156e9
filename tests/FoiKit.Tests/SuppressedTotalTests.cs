using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Tests;

/// <summary>
/// A total over years one of which a force suppressed as "&lt;5" lies in a range (that year is 0 to 4), worked by hand:
/// 101 + (0 to 4) + 188 = 289 to 293. The answer and claims are SYNTHETIC, written by the test, about Kent (no file in data/).
/// </summary>
public sealed class SuppressedTotalTests
{
    private static Study StudyWith(string secondYear)
    {
        var dir = Directory.CreateTempSubdirectory("foikit-suppressed-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "responses"));
        Directory.CreateDirectory(Path.Combine(dir, "claims"));
        File.WriteAllText(Path.Combine(dir, "responses", "kent.csv"),
            "Kent Police: SYNTHETIC test answer\nFinancial year,Offences\n2021/22,101\n2022/23," + secondYear + "\n2023/24,188\n");
        File.WriteAllText(Path.Combine(dir, "responses", "kent.csv.meta.json"),
            "{ \"request\": \"legal-expert-tiktok-2024\", \"kind\": \"force_response\", \"force\": \"Kent Police\", \"source_url\": \"https://example.invalid/kent\" }");
        File.WriteAllText(Path.Combine(dir, "claims", "test-kent.csv"),
            "claim_id,article_id,force,measure,kind,category_label,period_label,value,text\n" +
            "k-1,test-kent,Kent,offences,total,,since 2021/22,293,the highest the range allows\n" +
            "k-2,test-kent,Kent,offences,total,,since 2021/22,289,the lowest the range allows\n" +
            "k-3,test-kent,Kent,offences,total,,since 2021/22,294,one above the range\n" +
            "k-4,test-kent,Kent,offences,total,,since 2021/22,nearly 300,a loose figure the range allows\n" +
            "k-5,test-kent,England and Wales,offences,at_least,,since 2021,\"more than 140,000\",a national figure\n");
        try
        {
            return Study.Load(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_total_over_a_year_printed_as_fewer_than_five_is_a_range_that_can_hold_or_contradict_a_claim()
    {
        var verdicts = StudyWith("<5").Verdicts.ToDictionary(v => v.ClaimId);
        Assert.Equal(VerdictKind.Consistent, verdicts["k-1"].Kind);
        Assert.Equal("289 to 293", verdicts["k-1"].Computed);
        Assert.Contains("2022/23 is suppressed as '<5' (0 to 4)", verdicts["k-1"].Note);
        Assert.Equal(VerdictKind.Consistent, verdicts["k-2"].Kind);
        Assert.Equal(VerdictKind.Contradicted, verdicts["k-3"].Kind);
        Assert.Equal(VerdictKind.Consistent, verdicts["k-4"].Kind);
    }

    [Fact]
    public void A_year_suppressed_without_a_bound_leaves_the_total_not_checkable()
    {
        var verdicts = StudyWith("*").Verdicts.ToDictionary(v => v.ClaimId);
        Assert.All(new[] { "k-1", "k-2", "k-3" }, id => Assert.Equal(VerdictKind.NotCheckable, verdicts[id].Kind));
        Assert.Equal("", verdicts["k-1"].Computed);
    }

    [Fact]
    public void A_national_figure_with_no_force_total_known_says_so_plainly()
    {
        var note = StudyWith("*").Verdicts.Single(v => v.ClaimId == "k-5").Note;
        Assert.StartsWith("not checkable: the study gives no force's total over the request's years (0 of 43 territorial forces).", note);
    }
}
