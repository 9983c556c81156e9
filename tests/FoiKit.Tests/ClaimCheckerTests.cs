using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Read;

namespace FoiKit.Tests;

/// <summary>
/// Verdicts for the real claims in data/claims and for hand-written claims about Dorset, each
/// expected value worked out by hand from the printed figures (see fixtures/claims/README.md). Both are
/// checked against exactly the shipped files (<see cref="Shipped"/>), so what else is in data/ changes nothing.
/// </summary>
public sealed class ClaimCheckerTests
{
    private static readonly Lazy<Study> RealStudy = new(() => Study.Load(Shipped.Folder));

    private static readonly Lazy<IReadOnlyDictionary<string, Verdict>> Synthetic = new(() =>
    {
        var problems = new List<Diagnostic>();
        var claims = ClaimsRun.LoadClaims([Repo.PathOf("tests/FoiKit.Tests/fixtures/claims/dorset-synthetic-claims.csv")], problems.Add);
        Assert.Empty(problems);
        var (verdicts, _, _) = ClaimsRun.Check(Kit.Data, claims, [Shipped.Folder]);
        return verdicts.ToDictionary(v => v.ClaimId);
    });

    private static Verdict Real(string id) => Assert.Single(RealStudy.Value.Verdicts, v => v.ClaimId == id);

    [Fact]
    public void Every_real_claim_has_a_verdict_with_a_basis_and_a_note_unless_reproduced()
    {
        var s = RealStudy.Value;
        Assert.Empty(s.ClaimProblems);
        Assert.Equal(s.Claims.Count, s.Verdicts.Count);
        // Every claim of the shipped claims files, none lost or added on the way (counted per file, so a change to a
        // shipped claims file, recorded in data/sources.csv, does not need this test changed).
        Assert.Equal(Shipped.In("claims").Sum(f => ClaimsReader.Read(Shipped.PathOf(f.File)).Value!.Count), s.Claims.Count);
        Assert.True(s.Claims.Count >= 60);
        Assert.All(s.Verdicts, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Basis), v.ClaimId);
            if (v.Kind != VerdictKind.Reproduced) Assert.False(string.IsNullOrWhiteSpace(v.Note), v.ClaimId);
        });
        // No force in data/ with a claim has its own response, so nothing can be reproduced.
        Assert.DoesNotContain(s.Verdicts, v => v.Kind == VerdictKind.Reproduced);
    }

    [Theory]
    [InlineData("cambs-01", VerdictKind.Consistent, "513")]      // more than 500: the article's own 513
    [InlineData("cambs-02", VerdictKind.NotCheckable, "")]       // 73%: no yearly figures printed
    [InlineData("cambs-04", VerdictKind.NotCheckable, "")]       // 513 is the only three-year figure
    [InlineData("cambs-05", VerdictKind.NotCheckable, "")]       // rising: no yearly figures
    [InlineData("cambs-07", VerdictKind.Ambiguous, "")]          // 'violent crimes' is no Home Office category
    [InlineData("cambs-10", VerdictKind.Consistent, "evidential difficulties 99 of 148")] // 55 + 44 of 18+55+44+12+12+7
    [InlineData("cambs-11", VerdictKind.NotCheckable, "")]       // 18: printed once, nothing else pins it
    public void Seed_article_claims(string id, VerdictKind expected, string computed)
    {
        var v = Real(id);
        Assert.Equal(expected, v.Kind);
        Assert.Equal(computed, v.Computed);
    }

    [Fact]
    public void The_seed_articles_rise_is_bounded_not_filled_in()
    {
        var v = Real("cambs-02");
        // Checked by brute force by hand: 28 splits of 513 with a rise rounding to 73% and every year higher.
        Assert.Contains("28 whole-number splits fit; 2021/22 116-137, 2022/23 139-196, 2023/24 201-237", v.Note);
    }

    [Theory]
    [InlineData("herts-01", VerdictKind.Consistent, "138%")]      // 37 -> 88 is 137.84%
    [InlineData("herts-04", VerdictKind.Consistent, "37")]        // 188 - 63 - 88
    [InlineData("herts-09", VerdictKind.Consistent, "188")]       // 37 + 63 + 88
    // 'double' as printed (the ledger had recorded it as exactly 100): a multiple in words allows a ratio within 10%,
    // 1.8 to 2.2, a rise of 80% to 120%; 22 -> 42 is 90.91%: consistent, where it was contradicted at exactly 100%.
    [InlineData("dyfed-01", VerdictKind.Consistent, "91%")]
    // "despite rising figures" is rising figures (the last above the first: 42 > 22), not "rising year on year"
    // (42 is not above 42), which only the Cambridgeshire article claims: consistent, where it was contradicted.
    [InlineData("dyfed-06", VerdictKind.Consistent, "2021/22 22, 2022/23 42, 2023/24 42")]
    [InlineData("gazette-04", VerdictKind.Consistent, "48%")]     // 66 -> 98 is 48.48%, year on year
    // The same wording: 98 > 71 although 66 < 71 between them; consistent, where it was contradicted.
    [InlineData("gazette-06", VerdictKind.Consistent, "2021/22 71, 2022/23 66, 2023/24 98")]
    [InlineData("preston-01", VerdictKind.Consistent, "235")]     // more than 230
    public void Other_articles_are_checked_against_their_own_figures(string id, VerdictKind expected, string computed)
    {
        var v = Real(id);
        Assert.Equal(expected, v.Kind);
        Assert.Equal(computed, v.Computed);
        Assert.StartsWith("published_article", v.Basis);
    }

    [Fact]
    public void Loose_period_wording_is_named_in_the_note()
    {
        Assert.Contains("'2021' printed for 2021/22", Real("herts-04").Note);
        Assert.Contains("'This year so far' printed for 2023/24, a year that had ended", Real("herts-06").Note);
        Assert.Contains("'the following year' printed for 2022/23", Real("herts-05").Note);
    }

    [Fact]
    public void National_totals_are_not_checkable_and_the_two_printed_figures_are_named()
    {
        var v = Real("wmercia-03");
        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("more than 140,000", v.Note);
        Assert.Contains("more than 14,000", v.Note);
        Assert.Contains("not checkable from 5 of 43 territorial forces", v.Note);
        // 14,000 - 1,088 known, over the other 38 forces: 339.8 each.
        Assert.Contains("average more than 340 each", v.Note);
    }

    [Theory]
    [InlineData("d-01", VerdictKind.Reproduced, "46")]        // 14 + 16 + 16
    [InlineData("d-02", VerdictKind.Reproduced, "14%")]       // 14 -> 16 is 14.29%
    [InlineData("d-03", VerdictKind.Contradicted, "2021/22 14, 2022/23 16, 2023/24 16")] // 'rising year on year': 16 is not above 16
    [InlineData("d-14", VerdictKind.Reproduced, "2021/22 14, 2022/23 16, 2023/24 16")]   // 'rising figures': the last, 16, is above the first, 14
    [InlineData("d-04", VerdictKind.Reproduced, "6")]         // 8L Harassment
    [InlineData("d-05", VerdictKind.Reproduced, "12")]        // 8L 6 + 8R 5 + 8Q 1
    [InlineData("d-06", VerdictKind.Reproduced, "8L 6 of 16")]
    [InlineData("d-07", VerdictKind.Reproduced, "16")]
    [InlineData("d-08", VerdictKind.Contradicted, "14")]      // '2021' is 2021/22: 14, not 15
    [InlineData("d-09", VerdictKind.NotCheckable, "")]        // the 1b table is cut off
    [InlineData("d-10", VerdictKind.Reproduced, "0")]         // no robbery in a complete breakdown
    [InlineData("d-11", VerdictKind.Reproduced, "46")]        // more than 40
    [InlineData("d-12", VerdictKind.Ambiguous, "")]           // no such force
    [InlineData("d-13", VerdictKind.Reproduced, "16")]        // the year after 2021/22
    [InlineData("d-15", VerdictKind.Contradicted, "37.5%")]   // 8L 6 of the printed total 16 = 37.5%; 'around a third' allows 30% to 36.67%
    [InlineData("d-16", VerdictKind.Reproduced, "75%")]       // 8L 6 + 8Q 1 + 8R 5 = 12 of 16 = 75%; 'most' is more than 50%
    [InlineData("d-17", VerdictKind.Contradicted, "31.25%")]  // 8R 5 of 16 = 31.25%; '30%' at its printed precision is 29.5% to under 30.5%
    [InlineData("d-18", VerdictKind.Contradicted, "2021/22 14, 2022/23 16, 2023/24 16")] // 'a record' in 2022/23: 16 equals 2023/24's 16, so no high
    [InlineData("d-19", VerdictKind.Reproduced, "2021/22 14, 2022/23 16, 2023/24 16")]   // 'lowest' in 2021/22: 14 < 16 and 14 < 16
    [InlineData("d-20", VerdictKind.Reproduced, "46")]        // 'since 2021/22': 2021/22 to 2023/24, 14 + 16 + 16
    [InlineData("d-21", VerdictKind.Reproduced, "46")]        // 'during the last three years': the same three years
    [InlineData("d-22", VerdictKind.Reproduced, "46")]        // 'in the three years to March 2024': March 2024 is in 2023/24, so 2021/22 to 2023/24
    [InlineData("d-23", VerdictKind.Reproduced, "32")]        // 'between 2022/23 and 2023/24': 16 + 16
    [InlineData("d-24", VerdictKind.Reproduced, "16")]        // 'year ending March 2024': 2023/24
    [InlineData("d-25", VerdictKind.Reproduced, "46")]        // 'nearly 50' allows 45 to 49: 46 fits
    [InlineData("d-26", VerdictKind.Contradicted, "46")]      // 'about 40' allows 36 to 44: 46 does not fit
    [InlineData("d-27", VerdictKind.Contradicted, "14%")]     // 'nearly doubled' is a rise of 80% to under 100%; 14 to 16 is 14.29%
    [InlineData("d-28", VerdictKind.Reproduced, "1")]         // 'one' blackmail: 35 Blackmail 1
    [InlineData("d-29", VerdictKind.Contradicted, "37.5%")]   // 'most of the offences were harassment' is a share above 50%: 6 of 16 = 37.5%
    [InlineData("d-30", VerdictKind.NotCheckable, "")]        // 'among the top offences' names no rank
    public void Claims_about_a_force_with_its_own_response_are_reproduced_or_contradicted(string id, VerdictKind expected, string computed)
    {
        var v = Synthetic.Value[id];
        Assert.Equal(expected, v.Kind);
        Assert.Equal(computed, v.Computed);
    }

    [Fact]
    public void A_contradicted_claim_says_what_the_data_gives_and_where()
    {
        var v = Synthetic.Value["d-08"];
        Assert.Equal("force_response: dorset 1 row 1", v.Basis);
        Assert.Contains("'2021' printed for 2021/22", v.Note);
    }
}

public sealed class RequestPeriodsTests
{
    private static readonly RequestPeriods Periods = new([new(2021), new(2022), new(2023)], PeriodBasis.TaxYear);

    [Theory]
    [InlineData("2023/24", "2023/24", false)]
    [InlineData("2023-2024", "2023/24", false)]
    [InlineData("2021", "2021/22", true)]
    [InlineData("this year so far", "2023/24", true)]
    [InlineData("In the last year", "2023/24", true)]
    [InlineData("since 2021", "2021/22 to 2023/24", true)]
    [InlineData("in the last three years", "2021/22 to 2023/24", false)]
    [InlineData("across three years", "2021/22 to 2023/24", true)]
    public void Press_wording_resolves_to_request_years(string label, string expected, bool loose)
    {
        var r = Periods.Resolve(label);
        Assert.True(r.Ok, r.Problem);
        Assert.Equal(expected, r.Label);
        Assert.Equal(loose, r.Note.Length > 0);
    }

    [Fact]
    public void The_following_year_needs_the_figure_before_it()
    {
        Assert.Equal("2022/23", Periods.Resolve("the following year", new FinancialYear(2021)).Label);
        Assert.False(Periods.Resolve("the following year").Ok);
        Assert.False(Periods.Resolve("the year after", new FinancialYear(2023)).Ok); // 2024/25 is not asked for
    }

    [Theory]
    [InlineData("2024")]           // calendar 2024 overlaps 2023/24 and a year not asked for
    [InlineData("2019/20")]
    [InlineData("when it began")]
    [InlineData("")]
    public void Wording_that_fits_no_single_thing_is_a_problem_not_a_guess(string label)
    {
        var r = Periods.Resolve(label);
        Assert.False(r.Ok);
        Assert.NotNull(r.Problem);
    }
}

public sealed class YearSplitsTests
{
    [Fact]
    public void Small_case_enumerated_by_hand()
    {
        // 6 over three strictly rising years: (0,1,5), (0,2,4), (1,2,3).
        var b = YearSplits.Enumerate(6, 3, null, 0, strictlyRising: true);
        Assert.Equal(3, b.Solutions);
        Assert.Equal([new CountRange(0, 1), new CountRange(1, 2), new CountRange(3, 5)], b.PerYear);
    }

    [Fact]
    public void Cambridgeshire_513_up_73_percent_and_rising()
    {
        var b = YearSplits.Enumerate(513, 3, 73m, 0, strictlyRising: true);
        Assert.Equal(28, b.Solutions);
        Assert.Equal([new CountRange(116, 137), new CountRange(139, 196), new CountRange(201, 237)], b.PerYear);
        Assert.All(b.Examples, s => Assert.Equal(513, s.Sum()));
    }

    [Fact]
    public void Impossible_combinations_have_no_split()
    {
        // Two rising years summing to 3 with a 500% rise: (0,3) has no defined rise; (1,2) is +100%.
        Assert.Equal(0, YearSplits.Enumerate(3, 2, 500m, 0, true).Solutions);
    }

    [Fact]
    public void Unaccounted_share_of_a_range()
    {
        // 2023/24 can be 201-237; the printed 1a parts add to 108 + 32 + 5 + 13 = 158.
        Assert.Equal(new CountRange(43, 79), YearSplits.Unaccounted(new CountRange(201, 237), 158));
        Assert.Equal(1, YearSplits.DecimalsOf("137.8"));
        Assert.Equal(0, YearSplits.DecimalsOf("73"));
    }
}

public sealed class ClaimsReaderTests
{
    [Fact]
    public void A_file_that_is_not_a_claims_file_is_named()
    {
        var path = Repo.PathOf("data/reference/forces.csv");
        var r = ClaimsReader.Read(path);
        Assert.False(r.Ok);
        Assert.StartsWith(path, r.Error);
        Assert.Contains("not a claims file", r.Error);
    }

    [Fact]
    public void A_bad_kind_names_the_row()
    {
        var path = Path.Combine(Path.GetTempPath(), $"claims-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "claim_id,article_id,force,measure,kind,category_label,period_label,value,text\nx-1,a,Dorset,offences,guess,,,1,t\n");
        try
        {
            var r = ClaimsReader.Read(path);
            Assert.False(r.Ok);
            Assert.Contains("row 2", r.Error);
            Assert.Contains("'guess'", r.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class YearSplitsScaleTests
{
    [Fact]
    public void A_large_total_with_a_printed_rise_is_enumerated_quickly_and_agrees_with_brute_force_on_a_small_one()
    {
        // Brute force by hand-written loop over every split, for a total small enough to check.
        long brute = 0;
        for (long a = 1; a <= 300; a++)
            for (long c = 0; c <= 300 - a; c++)
            {
                var b = 300 - a - c;
                var rise = Math.Round((c - a) * 100m / a, 0, MidpointRounding.AwayFromZero);
                if (a < b && b < c && rise == 50m) brute++;
            }
        Assert.Equal(brute, YearSplits.Enumerate(300, 3, 50m, 0, true).Solutions);

        var big = YearSplits.Enumerate(900_000, 3, 40m, 0, true);
        Assert.True(big.Solutions > 0);
        Assert.All(big.Examples, s => Assert.Equal(900_000, s.Sum()));
    }
}
