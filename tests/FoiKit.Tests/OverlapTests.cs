using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Tests;

/// <summary>
/// Sums and gaps over categories that may overlap. Each expected range is worked out by hand in the
/// comment beside it.
/// </summary>
public sealed class OverlapTests
{
    private static readonly Lazy<Study> RealStudy = new(() => Study.Load(Repo.Data));

    private static Figure Part(Category c, long? value) =>
        new("dorset", SourceKind.ForceResponse, "", Measure.Offences, c, [new FinancialYear(2023)], value, ValueStatus.Reported, false, "synthetic", "", "1a", false);

    private static Category Resolve(string label) => new Normalise.CategoryResolver(Kit.Reference).Resolve(label, Measure.Offences);

    [Fact]
    public void Cambridgeshire_2023_24_offence_gap_allows_for_violent_crimes_inside_the_others()
    {
        // Working, by hand: Peterborough Today printed four 2023/24 offence types, 108 stalking and harassment,
        // 32 'violent crimes', 5 rape and 13 other sexual offences: 158 if none overlap. The three Home Office
        // subgroups cannot overlap each other (an offence has one code), but 'violent crimes' is no Home Office
        // category: it may be wholly inside them (32 <= 108 + 5 + 13 = 126), so together they cover at least 126.
        // 2023/24 itself is not printed; the article's 513 total, 73% rise and 'rising year on year' allow it
        // 201 to 237 (28 splits, see YearSplitsTests). So the breakdown leaves at least 201 - 158 = 43
        // offences unaccounted for (no overlap, smallest year), and at most 237 - 126 = 111 (full overlap,
        // largest year): 43-111, where the sum without overlap gave 43-79.
        var gap = RealStudy.Value.Gap("cambridgeshire", Measure.Offences, new FinancialYear(2023));

        Assert.Equal((158L, 126L), (gap.PartsSum, gap.PartsMin));
        Assert.Equal(new CountRange(201, 237), gap.YearOffences);
        Assert.Equal(new CountRange(43, 111), gap.Unaccounted);
        Assert.Contains("add up to 158, or cover as few as 126 if they overlap ('violent crimes' is not a Home Office category and may overlap the other figures)", gap.Describe(), StringComparison.Ordinal);
        Assert.EndsWith("so 43-111 are not accounted for", gap.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cambridgeshire_outcomes_are_all_Home_Office_types_side_by_side_so_nothing_overlaps()
    {
        // 18 (outcome 18) + 55 (outcomes 14/16) + 44 (outcome 15) + 12 (1) + 12 (0) + 7 (20) = 148, no two of
        // them the same outcome: 201 - 148 = 53 to 237 - 148 = 89.
        var gap = RealStudy.Value.Gap("cambridgeshire", Measure.Outcomes, new FinancialYear(2023));

        Assert.Equal((148L, 148L, ""), (gap.PartsSum, gap.PartsMin, gap.OverlapNote));
        Assert.Equal(new CountRange(53, 89), gap.Unaccounted);
    }

    [Fact]
    public void Home_Office_categories_overlap_only_where_one_holds_the_other()
    {
        // Violence against the person (group) 20 holds 8L harassment 6 and 8Q stalking 3; 35 blackmail 2 is
        // beside them. The fewest they can cover: the group's 20 (it holds 6 + 3 = 9) plus 2 = 22; the most: 31.
        var group = Part(Resolve("violence against the person"), 20);
        var harassment = Part(Resolve("Harassment"), 6);
        var stalking = Part(Resolve("Stalking"), 3);
        var blackmail = Part(Resolve("Blackmail"), 2);
        Assert.Equal((CategoryLevel.Group, CategoryLevel.Code), (group.Category.Level, harassment.Category.Level));

        var union = CategoryOverlap.Of([group, harassment, stalking, blackmail]);

        Assert.Equal((22L, 31L), (union.Min, union.Max));
        Assert.Contains("'Harassment' is part of 'violence against the person'", union.Why, StringComparison.Ordinal);
        Assert.False(CategoryOverlap.MayOverlap(harassment.Category, blackmail.Category));
        Assert.True(CategoryOverlap.MayOverlap(group.Category, stalking.Category));
    }

    [Fact]
    public void A_label_that_is_no_Home_Office_category_may_overlap_anything()
    {
        // 'online offences' (no Home Office category) 25 beside 8L 6 and 35 blackmail 2: it may hold both, so the
        // fewest is the larger of 25 and 6 + 2 = 8, that is 25; the most is 33. Without it, 6 + 2 = 8 exactly.
        var online = Part(Category.Unresolved("online offences"), 25);
        var harassment = Part(Resolve("Harassment"), 6);
        var blackmail = Part(Resolve("Blackmail"), 2);

        Assert.Equal((25L, 33L), (CategoryOverlap.Of([online, harassment, blackmail]).Min, CategoryOverlap.Of([online, harassment, blackmail]).Max));
        Assert.Equal((8L, 8L, ""), (CategoryOverlap.Of([harassment, blackmail]).Min, CategoryOverlap.Of([harassment, blackmail]).Max, CategoryOverlap.Of([harassment, blackmail]).Why));
        // A part with no printed figure adds nothing either way.
        Assert.Equal((8L, 8L), (CategoryOverlap.Of([harassment, blackmail, Part(Resolve("Stalking"), null)]).Min, CategoryOverlap.Of([harassment, blackmail]).Max));
    }

    [Fact]
    public void The_gap_of_parts_that_may_overlap_runs_from_the_most_they_cover_to_the_fewest()
    {
        // A year of 201 to 237 offences, parts covering 126 to 158: 201 - 158 = 43 to 237 - 126 = 111.
        Assert.Equal(new CountRange(43, 111), YearSplits.Unaccounted(new CountRange(201, 237), 126, 158));
        // Parts that cannot overlap: the old arithmetic, 201 - 158 = 43 to 237 - 158 = 79.
        Assert.Equal(new CountRange(43, 79), YearSplits.Unaccounted(new CountRange(201, 237), 158, 158));
    }

    [Fact]
    public void A_share_with_no_printed_whole_is_bounded_by_the_fewest_the_parts_cover()
    {
        // SYNTHETIC article: 2023/24 offence types 'online offences' 30, harassment 10, blackmail 10 and no total.
        // 'most of the offences were harassment' needs more than 50%. The whole is at least what the parts cover,
        // at least max(30, 10 + 10) = 30, so harassment is at most 10 of 30 = 33.33%: contradicted, as a bound.
        using var dir = new TempDir();
        var article = dir.Write("synthetic-paper__surrey.json", Build.TranscriptJson("Surrey Police", Kit.RequestId,
            ("1a", ["Offence", "Count"], [["online offences", "30"], ["Harassment", "10"], ["Blackmail", "10"]])).Replace("\"force_response\"", "\"published_article\"", StringComparison.Ordinal));
        var claims = dir.Write("claims.csv", "claim_id,article_id,force,measure,kind,category_label,period_label,value,text\n"
            + "s-1,synthetic-paper-surrey,Surrey,offences,share,harassment,2023/24,most,SYNTHETIC: most of the offences were harassment\n");
        var problems = new List<Diagnostic>();
        var (verdicts, _, _) = ClaimsRun.Check(Kit.Data, ClaimsRun.LoadClaims([claims], problems.Add), [article]);

        Assert.Empty(problems);
        var v = Assert.Single(verdicts);
        Assert.Equal((VerdictKind.Contradicted, "at most 33.33%"), (v.Kind, v.Computed));
        Assert.Contains("10 of at least 30 is at most 33.33%", v.Note, StringComparison.Ordinal);
    }
}
