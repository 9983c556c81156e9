using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Tests;

/// <summary>
/// Every claim of every article in data/, with the verdict worked out by hand from what the articles
/// printed (their transcripts in data/articles and their claims files), not copied from a run. None of
/// these forces has its own response in data/, so an article's claims are checked against its own other
/// figures: consistent, contradicted, not checkable or ambiguous, never reproduced. The request's years are
/// 2021/22 to 2023/24 (6 April); its breakdowns (1a, 1b) are of 2023/24.
/// </summary>
public sealed class ArticleVerdictTests
{
    private static readonly Lazy<Study> RealStudy = new(() => Study.Load(Repo.Data));

    private const string C = "consistent", X = "contradicted", N = "not_checkable", A = "ambiguous";

    /// <summary>claim id, verdict, computed (the key figure; empty unless a check ran), a part of the note the working predicts.</summary>
    public static TheoryData<string, string, string, string> Verdicts => new()
    {
        // ---- Blackpool Gazette, Lancashire: 71 in '2021', 66 'the following year', 98 'this year ... so far', 235 in the last three years.
        { "gazette-01", N, "", "printed as more than 140,000 by 3 article(s) in the data" }, // national: five forces' figures cannot check it
        { "gazette-02", C, "71", "2021/22 derived" },             // 235 - 66 - 98 = 71
        { "gazette-03", C, "66", "2022/23 derived" },             // 235 - 71 - 98 = 66
        { "gazette-04", C, "48%", "66 to 98 is 48.48%" },         // one year printed: the rise on 2022/23, (98 - 66) / 66 = 48.48%, within 47.5 to under 48.5
        { "gazette-05", C, "98", "2023/24 derived" },             // 235 - 71 - 66 = 98
        { "gazette-06", C, "2021/22 71, 2022/23 66, 2023/24 98", "read as rising figures" }, // 'figures are rising': last 98 above first 71 (66 dips, but that is year on year)
        { "gazette-07", N, "", "'three' read as exactly 3" },     // charges 'this year': printed once, nothing else pins them
        { "gazette-08", N, "", "no 'evidential difficulties' figure is printed for 2023/24" }, // the only outcome printed is charges
        { "gazette-09", C, "235", "sum over 2021/22 to 2023/24" }, // 71 + 66 + 98 = 235
        { "gazette-10", N, "", "'three' read as exactly 3" },     // charges/summons with no period: printed once
        { "gazette-11", A, "", "is not a Home Office offences category" }, // the category of the 82 was cut off
        { "gazette-12", C, "2021/22 71, 2022/23 66, 2023/24 98", "2023/24 is the highest of 3 years" }, // a three-year high: 98 > 71 and 98 > 66
        { "gazette-13", N, "", "has no 'stalking' figure and may be partial" },   // named, no figure; the article's 2023/24 breakdown is one cut-off row
        { "gazette-14", N, "", "has no 'harassment' figure and may be partial" }, // as gazette-13
        { "gazette-15", A, "", "is not a Home Office offences category" },      // indecent photographs: no Home Office category, no figure with that label

        // ---- Blog Preston, Lancashire: 71 in '2021', 66 the following year, 98 in '2023'; 235 with no period; 37 harassment; 37 indecent images 'this year'.
        { "preston-01", C, "235", "'More than 230' read as 231 or more" }, // 71 + 66 + 98 = 235 > 230
        { "preston-02", N, "", "the article prints this figure and nothing else" }, // 37 harassment, printed once
        { "preston-03", C, "2022/23 66, 2023/24 98", "read as rising figures" }, // 'rose in 2023': 2023/24 (98) above the year before (66)
        { "preston-04", N, "", "not checkable from 5 of 43 territorial forces" }, // national rise
        { "preston-05", C, "71", "2021/22 derived" },             // 235 - 66 - 98
        { "preston-06", C, "66", "2022/23 derived" },             // 235 - 71 - 98
        { "preston-07", C, "98", "2023/24 derived" },             // 235 - 71 - 66
        { "preston-08", A, "", "is not a Home Office offences category" }, // indecent photographs: no Home Office category in the kit's lists
        { "preston-09", C, "2021/22 71, 2022/23 66, 2023/24 98", "read as rising figures" }, // 98 > 71
        { "preston-10", N, "", "'three' read as exactly 3" },     // printed once
        { "preston-11", C, "235", "sum over 2021/22 to 2023/24" }, // 71 + 66 + 98
        { "preston-12", N, "", "not checkable from 5 of 43 territorial forces" }, // national most common
        { "preston-13", N, "", "a share over 2021/22 to 2023/24 cannot come from its answer" }, // around a third over three years: categories were asked for 2023/24 only
        { "preston-14", N, "", "compares forces, not periods" },  // the highest of any force: the data holds five forces
        { "preston-15", N, "", "has no 'stalking' figure and may be partial" }, // named only; the article's breakdown has harassment and indecent images
        { "preston-16", N, "", "has no 'blackmail' figure and may be partial" },
        { "preston-17", A, "", "is not a Home Office offences category" }, // inciting children: not in the kit's lists
        { "preston-18", A, "", "is not a Home Office offences category" }, // distribution of indecent images: as preston-08

        // ---- Hemel Today, Hertfordshire: 37 in '2021', 63 the following year, 88 'this year so far', 188 in the last three years; no charges.
        { "herts-01", C, "138%", "37 to 88 is 137.84%" },         // (88 - 37) / 37 = 137.84%, within 137.5 to under 138.5
        { "herts-02", N, "", "'no' read as exactly 0" },          // 'no charges', printed once
        { "herts-03", N, "", "printed as more than 140,000 by 3 article(s) in the data" },
        { "herts-04", C, "37", "2021/22 derived" },               // 188 - 63 - 88
        { "herts-05", C, "63", "2022/23 derived" },               // 188 - 37 - 88
        { "herts-06", C, "88", "2023/24 derived" },               // 188 - 37 - 63
        { "herts-07", C, "2021/22 37, 2022/23 63, 2023/24 88", "read as rising figures" }, // 88 > 37 (and every year rises too)
        { "herts-08", N, "", "not checkable from 5 of 43 territorial forces" },
        { "herts-09", C, "188", "sum over 2021/22 to 2023/24" },  // 37 + 63 + 88
        { "herts-10", C, "2021/22 37, 2022/23 63, 2023/24 88", "read as rising figures" }, // cut off after 'rising y': read as printed, 88 > 37
        { "herts-11", N, "", "no offences breakdown for 2023/24 is in the data" }, // harassment named; the article prints no offence types with figures
        { "herts-12", N, "", "no offences breakdown for 2023/24 is in the data" }, // obscene publications
        { "herts-13", N, "", "no offences breakdown for 2023/24 is in the data" }, // blackmail

        // ---- Peterborough Today, Cambridgeshire: 513 since 2021, no yearly figures; 2023/24 offence types and outcomes.
        { "cambs-01", C, "513", "'more than 500' read as 501 or more" }, // 513 > 500
        { "cambs-02", N, "", "28 whole-number splits fit" },      // 73% with no yearly figures: bounded, not checked
        { "cambs-03", C, "evidential difficulties 99 of 148", "compared at the group level over 2023/24" }, // 55 + 44 = 99 of 18 + 55 + 44 + 12 + 12 + 7 = 148, the largest group
        { "cambs-04", N, "", "the article prints this figure and nothing else" }, // 513, the only three-year figure
        { "cambs-05", N, "", "read as rising year on year" },     // 'rose year on year': no yearly figures
        { "cambs-06", N, "", "the article prints this figure and nothing else" }, // 108 stalking and harassment
        { "cambs-07", A, "", "'violent crimes' is not a Home Office offences category" },
        { "cambs-08", N, "", "'in the last year' printed for 2023/24" }, // 5 rape, printed once
        { "cambs-09", N, "", "'in the last year' printed for 2023/24" }, // 13 other sexual offences
        { "cambs-10", C, "evidential difficulties 99 of 148", "'most often' read as the largest category" }, // as cambs-03
        { "cambs-11", N, "", "the article prints this figure and nothing else" }, // 18
        { "cambs-12", N, "", "the article prints this figure and nothing else" }, // 55
        { "cambs-13", N, "", "the article prints this figure and nothing else" }, // 44
        { "cambs-14", N, "", "the article prints this figure and nothing else" }, // 12 charges
        { "cambs-15", N, "", "the article prints this figure and nothing else" }, // 12 under investigation
        { "cambs-16", N, "", "the article prints this figure and nothing else" }, // 7 partner agency

        // ---- Shropshire Star, West Mercia: no figure of the force in the stored copy but 'more than 700'.
        { "wmercia-01", N, "", "read as rising figures" },        // 'on the rise': no yearly figures
        { "wmercia-02", N, "", "'more than 700' read as 701 or more" }, // no total printed to compare
        { "wmercia-03", N, "", "and as more than 14,000 by 1 article(s) in the data (shropshire-star-west-mercia)" },
        { "wmercia-04", N, "", "not checkable from 5 of 43 territorial forces" }, // national 70 per cent
        { "wmercia-05", N, "", "'hundreds' read as 200 to 999" }, // headline 'hundreds': no total printed
        { "wmercia-06", N, "", "no offences breakdown for 2023/24 is in the data" }, // sexual offences named in the headline

        // ---- Tenby Today, Dyfed-Powys: 22 in '2021', 42 the year after, 42 'this year so far', 106 in the last three years; no charges.
        { "dyfed-01", C, "91%", "'double' read as a rise of 80% to 120%" }, // (42 - 22) / 22 = 90.91%: 'double' allows a ratio of 1.8 to 2.2
        { "dyfed-02", N, "", "printed as more than 140,000 by 3 article(s) in the data" },
        { "dyfed-03", C, "22", "2021/22 derived" },               // 106 - 42 - 42
        { "dyfed-04", C, "42", "2022/23 derived" },               // 106 - 22 - 42
        { "dyfed-05", C, "42", "2023/24 derived" },               // 106 - 22 - 42
        { "dyfed-06", C, "2021/22 22, 2022/23 42, 2023/24 42", "read as rising figures" }, // 'despite rising figures': 42 > 22 (42 = 42 would fail year on year)
        { "dyfed-07", N, "", "not checkable from 5 of 43 territorial forces" },
        { "dyfed-08", C, "106", "sum over 2021/22 to 2023/24" },  // 22 + 42 + 42
        { "dyfed-09", N, "", "a figure over 2021/22 to 2023/24 cannot come from its answer" }, // no charges over three years: outcomes were asked for 2023/24
        { "dyfed-10", A, "", "'inappropriate communication with a minor' is not a Home Office offences category" }, // 'the majority': a share of a category the kit cannot pin
        { "dyfed-11", A, "", "is not a Home Office offences category" }, // sexual communication with a child: not in the kit's lists
        { "dyfed-12", N, "", "the article prints this figure and nothing else" }, // 9 letters (8R)
        { "dyfed-13", N, "", "the article prints this figure and nothing else" }, // 2 stalking
        { "dyfed-14", N, "", "'no' read as exactly 0" },          // no charges in the last year, printed once
        { "dyfed-15", N, "", "no 'evidential difficulties' figure is printed for 2023/24" }, // only charges (none) are printed
        { "dyfed-16", X, "106", "'hundreds' read as 200 to 999" }, // the address's 'hundreds of crimes' against the printed 106 over three years
        { "dyfed-17", N, "", "'among the top' names no rank" },   // among the top offences: no rank to check
        { "dyfed-18", N, "", "'among the top' names no rank" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Each_claim_has_the_verdict_worked_out_by_hand(string id, string verdict, string computed, string noteHas)
    {
        var v = Assert.Single(RealStudy.Value.Verdicts, x => x.ClaimId == id);
        Assert.True((verdict, computed) == (v.Kind.ToContract(), v.Computed), $"{id}: {v.Kind.ToContract()} '{v.Computed}' ({v.Note})");
        Assert.Contains(noteHas, v.Note, StringComparison.Ordinal);
        // What a check ran against is an article's own figures (its transcript or its claims), never a force response.
        if (v.Kind is VerdictKind.Consistent or VerdictKind.Contradicted) Assert.Matches("^(published_article|article_claims): ", v.Basis);
        Assert.DoesNotContain("force_response", v.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_covers_every_claim_in_the_data()
    {
        var ids = Verdicts.Select(row => (string)row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(RealStudy.Value.Claims.Select(c => c.ClaimId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Empty(RealStudy.Value.ClaimProblems);
    }
}
