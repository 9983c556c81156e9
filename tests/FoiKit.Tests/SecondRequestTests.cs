// A second request, SYNTHETIC and about another subject, proves the core is not built around the
// one real request in data/: four financial years (2019/20 to 2022/23, 1 April basis), question
// ids Q1/Q2/Q3, no keywords and no caveat. Every figure below is invented here, by this code, and
// labelled so; the expected values are worked out by hand in the comments.
using System.Globalization;
using System.Text.Json;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Reference;

namespace FoiKit.Tests;

/// <summary>The synthetic request's folder (definition, two sources, claims), normalised and checked once.</summary>
public sealed class SecondRequestStudy : IDisposable
{
    public const string RequestId = "synthetic-test-four-year-request";
    public const string Article = "synthetic-gazette-cumbria";

    private readonly TempDir _dir = new();

    public SecondRequestStudy()
    {
        Directory.CreateDirectory(_dir.File("requests"));
        Directory.CreateDirectory(_dir.File("sources"));
        _dir.Write("requests/synthetic-test-four-year-request.json", JsonSerializer.Serialize(new
        {
            id = RequestId,
            requester = "SYNTHETIC test requester",
            sent = "2023",
            subject = "SYNTHETIC: a made-up request about offences recorded in railway station car parks, for tests only",
            questions = new Dictionary<string, object>
            {
                ["Q1"] = new { measure = "offences", by = "period", periods = new[] { "2019/20", "2020/21", "2021/22", "2022/23" }, requested_basis = "financial_year" },
                ["Q2"] = new { measure = "offences", by = "category", period = "2022/23" },
                ["Q3"] = new { measure = "outcomes", by = "category", period = "2022/23" },
            },
        }));
        // Cumbria's own (invented) answer: 10, 12, 15, 18 a year, total 55; 2022/23 by offence (9 + 5 + 4 = 18)
        // and by outcome (3 + 5 + 10 = 18), each with its printed total.
        _dir.Write("sources/cumbria.json", Transcript("Cumbria Constabulary", "force_response",
            ("Q1", ["Financial year", "Number of offences"], [["2019/20", "10"], ["2020/21", "12"], ["2021/22", "15"], ["2022/23", "18"], ["Total", "55"]]),
            ("Q2", ["Offence", "Count"], [["49 - Other theft", "9"], ["58A - Criminal damage to a dwelling", "5"], ["8L - Harassment", "4"], ["Total", "18"]]),
            ("Q3", ["Outcome", "Count"], [["Outcome 1 - Charged/Summonsed", "3"], ["Outcome 14", "5"], ["Outcome 16", "10"], ["Total", "18"]])));
        // An (invented) article's figures for Gwent, printed wide: 20, 25, 30, 35 (total 110, +75%).
        _dir.Write("sources/synthetic-gazette-gwent.json", Transcript("Gwent Police", "published_article",
            ("Q1", ["", "2019/20", "2020/21", "2021/22", "2022/23"], [["Offences", "20", "25", "30", "35"]])));
        _dir.Write("claims.csv", string.Join('\n',
            "claim_id,article_id,force,measure,kind,category_label,period_label,value,text",
            $"s-01,{Article},Cumbria,offences,count,,2022/23,18,SYNTHETIC: 18 offences in 2022/23",
            $"s-02,{Article},Cumbria,offences,total,,in the last four years,55,SYNTHETIC: 55 in the last four years",
            $"s-03,{Article},Cumbria,offences,growth_pct,,since 2019,80,SYNTHETIC: up 80% since 2019",
            $"s-04,{Article},Cumbria,offences,rising,,over four years,,SYNTHETIC: rising every year",
            $"s-05,{Article},Cumbria,charges,count,,2022/23,3,SYNTHETIC: three charged",
            $"s-06,{Article},Cumbria,offences,count,other theft,2022/23,9,SYNTHETIC: nine thefts",
            $"s-07,{Article},Cumbria,offences,count,,2021,15,SYNTHETIC: 15 in 2021",
            $"s-08,{Article},Cumbria,offences,total,,in the last three years,45,SYNTHETIC: a span the request did not ask about",
            $"s-09,{Article},Cumbria,offences,count,,2018/19,7,SYNTHETIC: a year before the request's",
            "s-10,synthetic-gazette-gwent,Gwent,offences,total,,over four years,110,SYNTHETIC: 110 over four years",
            "s-11,synthetic-gazette-gwent,Gwent,offences,growth_pct,,over four years,75,SYNTHETIC: up 75%",
            "s-12,synthetic-gazette-national,England and Wales,offences,at_least,,,1000,SYNTHETIC: more than 1000 nationally",
            $"s-13,{Article},Cumbria,offences,total,,across three years,45,SYNTHETIC: three of the four years with no anchor") + "\n");

        Kit = KitData.Load(Repo.Data, [_dir.File("requests")]);
        Data = NormaliseRun.Load(Kit, _dir.File("sources"));
        var problems = new List<Diagnostic>();
        var claims = ClaimsRun.LoadClaims([_dir.File("claims.csv")], problems.Add);
        Findings = new Findings(Kit, Data, claims, problems);
    }

    public KitData Kit { get; }

    public TidyDataset Data { get; }

    public Findings Findings { get; }

    public Verdict Verdict(string id) => Findings.Verdicts.Single(v => v.ClaimId == id);

    public void Dispose() => _dir.Dispose();

    private static string Transcript(string force, string kind, params (string Question, string[] Columns, string[][] Rows)[] tables) =>
        JsonSerializer.Serialize(new
        {
            schema = "foi-response/1",
            request = RequestId,
            kind,
            force,
            source_url = "synthetic://foikit-tests/second-request",
            tables = tables.Select(t => new { question = t.Question, caption = "SYNTHETIC", columns = t.Columns, rows = t.Rows }),
            truncated = false,
            notes = "SYNTHETIC: invented by SecondRequestTests; not a real answer",
        });
}

public sealed class SecondRequestTests(SecondRequestStudy s) : IClassFixture<SecondRequestStudy>
{
    [Fact]
    public void Its_definition_is_read_with_its_own_years_basis_and_questions()
    {
        var request = s.Kit.FindRequest(SecondRequestStudy.RequestId)!;
        Assert.Equal(["2019/20", "2020/21", "2021/22", "2022/23"], request.AllYears.Select(y => y.Label));
        Assert.Equal(PeriodBasis.FinancialYear, request.RequestedBasis);
        Assert.Equal(["Q1", "Q2", "Q3"], request.Questions.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(request.Keywords);
        Assert.Equal("", request.ComparisonCaveat);
        Assert.Same(request, s.Findings.Request);
    }

    [Fact]
    public void Every_cell_is_a_tidy_row_dated_on_the_requested_basis()
    {
        Assert.Empty(s.Data.Rejects);
        Assert.DoesNotContain(s.Data.Diagnostics, d => d.Severity == Severity.Error);
        // Cumbria: 5 + 4 + 4 printed cells; Gwent: 4.
        Assert.Equal(17, s.Data.Observations.Count);
        var first = s.Data.Observations.Single(o => o.Force.Id == "cumbria" && o.Question == "Q1" && o.Source.Row == 1);
        // "2019/20" gives no day: the request asked for 1 April to 31 March years.
        Assert.Equal((new DateOnly(2019, 4, 1), new DateOnly(2020, 3, 31)), (first.Period.Start!.Value, first.Period.End!.Value));
        Assert.Equal(PeriodBasis.FinancialYear, first.Period.Basis);
        Assert.Equal("2019/20", first.Period.FinancialYear?.Label);
        // The printed total covers the four years above it.
        var total = s.Data.Observations.Single(o => o.Force.Id == "cumbria" && o.Question == "Q1" && o.Source.Row == 5);
        Assert.Equal((ValueStatus.PrintedTotal, 55L), (total.Value.Status, total.Value.Value!.Value));
        Assert.Equal((new DateOnly(2019, 4, 1), new DateOnly(2023, 3, 31)), (total.Period.Start!.Value, total.Period.End!.Value));
        // A by-category table with no period takes its question's period, 2022/23.
        var theft = s.Data.Observations.Single(o => o.Question == "Q2" && o.Source.Row == 1);
        Assert.Equal(("49", "2022/23"), (theft.Category.Code, theft.Period.FinancialYear?.Label));
        var charged = s.Data.Observations.Single(o => o.Question == "Q3" && o.Source.Row == 1);
        Assert.Equal((Measure.Outcomes, "1"), (charged.Measure, charged.Category.Code));
    }

    [Fact]
    public void The_printed_totals_match_their_parts()
    {
        // 10 + 12 + 15 + 18 = 55; 9 + 5 + 4 = 18; 3 + 5 + 10 = 18.
        Assert.Equal(3, s.Findings.Totals.Count);
        Assert.All(s.Findings.Totals, t => Assert.Equal("matches the parts", t.Status));
    }

    public static TheoryData<string, VerdictKind, string> Verdicts => new()
    {
        // Cumbria's own answer prints 2022/23 as 18.
        { "s-01", VerdictKind.Reproduced, "18" },
        // 10 + 12 + 15 + 18 = 55 over "the last four years", the request's four.
        { "s-02", VerdictKind.Reproduced, "55" },
        // 10 to 18 is (18 - 10) / 10 = 80%; "since 2019" is every year from 2019/20.
        { "s-03", VerdictKind.Reproduced, "80%" },
        // 10 < 12 < 15 < 18.
        { "s-04", VerdictKind.Reproduced, "2019/20 10, 2020/21 12, 2021/22 15, 2022/23 18" },
        // Charges are outcome 1: 3 in 2022/23.
        { "s-05", VerdictKind.Reproduced, "3" },
        // "other theft" is offence code 49: 9.
        { "s-06", VerdictKind.Reproduced, "9" },
        // "2021" is the request year starting in 2021, 2021/22: 15.
        { "s-07", VerdictKind.Reproduced, "15" },
        // "The last three years" are the latest three of the request's four, 2020/21 to 2022/23: 12 + 15 + 18 = 45.
        // (Read by the period grammar: "last" anchors the count at the latest year, so nothing is guessed.)
        { "s-08", VerdictKind.Reproduced, "45" },
        // 2018/19 is not asked for.
        { "s-09", VerdictKind.Ambiguous, "" },
        // The article's own figures, 20 + 25 + 30 + 35 = 110, with no force answer: consistent, never reproduced.
        { "s-10", VerdictKind.Consistent, "110" },
        // (35 - 20) / 20 = 75%.
        { "s-11", VerdictKind.Consistent, "75%" },
        // Two forces cannot check a national figure.
        { "s-12", VerdictKind.NotCheckable, "" },
        // "Across three years" does not say which three of the four: no guess.
        { "s-13", VerdictKind.Ambiguous, "" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Each_claim_gets_the_verdict_worked_out_by_hand(string id, VerdictKind kind, string computed)
    {
        Assert.Empty(s.Findings.ClaimProblems);
        var v = s.Verdict(id);
        Assert.True((kind, computed) == (v.Kind, v.Computed), $"{id}: {v.Kind.ToContract()} '{v.Computed}' ({v.Note})");
    }

    [Fact]
    public void Period_wording_is_read_against_this_requests_years()
    {
        // "in the last four years" is exactly the request's four years: not loose wording, but the reading is
        // named like every other (the period grammar names each reading in the verdict's note).
        Assert.Contains("'in the last four years' read as 2019/20 to 2022/23, the request's last four years", s.Verdict("s-02").Note, StringComparison.Ordinal);
        Assert.DoesNotContain("printed for", s.Verdict("s-02").Note, StringComparison.Ordinal);
        Assert.Contains("'over four years' read as the request's years 2019/20 to 2022/23", s.Verdict("s-04").Note, StringComparison.Ordinal);
        Assert.Contains("'2021' printed for 2021/22", s.Verdict("s-07").Note, StringComparison.Ordinal);
        Assert.Contains("'in the last three years' read as 2020/21 to 2022/23, the request's last three years", s.Verdict("s-08").Note, StringComparison.Ordinal);
        Assert.Contains("'across three years' does not say which three of the request's four years (2019/20 to 2022/23)", s.Verdict("s-13").Note, StringComparison.Ordinal);
        Assert.Contains("'2018/19' is 2018/19, outside the request's years 2019/20 to 2022/23", s.Verdict("s-09").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_national_note_speaks_of_four_years_and_adds_no_other_requests_caveat()
    {
        var note = s.Verdict("s-12").Note;
        // Known: cumbria 55 (own response), gwent 110 (article figures); together 165. The other
        // 41 territorial forces (43 - 2) would need (1000 - 165) / 41 = 20.4 each.
        Assert.StartsWith("not checkable from 2 of 43 territorial forces: cumbria 55 (own response); gwent 110 (article figures); together 165.", note, StringComparison.Ordinal);
        Assert.Contains("average more than 20 each over the four years", note, StringComparison.Ordinal);
        Assert.DoesNotContain("keyword", note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Force_profiles_cover_the_four_years_with_the_population_of_the_nearest_mid_year()
    {
        var cumbria = s.Findings.Profile("cumbria");
        Assert.Equal(SourceKind.ForceResponse, cumbria.Source);
        Assert.Equal([10L, 12L, 15L, 18L], cumbria.Years.Select(y => y.Value!.Value));
        Assert.Equal(55, cumbria.Total);
        Assert.Equal(80.0m, cumbria.GrowthPct);
        Assert.True(cumbria.Rising);
        // 2022/23 ends on 31 March 2023: mid-2023 is 91 days later, mid-2022 274 days earlier.
        Assert.Equal(2023, cumbria.PopulationYear);
        // force_population.csv: Cumbria, mid-2023, 505,063. 55 × 100,000 / 505,063 = 10.889… → 10.9.
        Assert.Equal(505_063, cumbria.Population);
        Assert.Equal(10.9m, cumbria.RatePer100k);
        // 3 charges of the 18 offences of 2022/23 (the year of the outcomes question): 16.666…% → 16.7.
        Assert.Equal((3L, 18L, 16.7m), (cumbria.Charges!.Value, cumbria.OffencesInChargeYear!.Value, cumbria.ChargeRatePct!.Value));

        var gwent = s.Findings.Profile("gwent");
        Assert.Equal(SourceKind.PublishedArticle, gwent.Source);
        Assert.Equal([20L, 25L, 30L, 35L], gwent.Years.Select(y => y.Value!.Value));
        Assert.Equal((110L, 75.0m), (gwent.Total!.Value, gwent.GrowthPct!.Value));
        Assert.Equal(2023, s.Findings.National.PopulationYear);
    }

    [Fact]
    public void A_breakdown_gap_uses_this_requests_breakdown_year()
    {
        Assert.Equal("2022/23", s.Findings.BreakdownYear(Measure.Offences).Label);
        var gap = s.Findings.Gap("cumbria", Measure.Offences, s.Findings.BreakdownYear(Measure.Offences));
        // 9 + 5 + 4 = 18 of 2022/23's 18 offences.
        Assert.Equal((18L, 0L), (gap.PartsSum, gap.Unaccounted!.Value.Max));
    }

    [Fact]
    public void Yearly_bounds_over_four_years_are_not_guessed_and_the_note_says_why()
    {
        // An article printing only a four-year total and a rise: no yearly figures, and the kit's
        // enumeration of splits covers two or three years, which the verdict says.
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("requests"));
        File.Copy(s.Kit.FindRequest(SecondRequestStudy.RequestId)!.SourceFile, dir.File("requests/r.json"));
        var claimsFile = dir.Write("claims.csv", string.Join('\n',
            "claim_id,article_id,force,measure,kind,category_label,period_label,value,text",
            "b-01,synthetic-only-totals,Gwent,offences,total,,over four years,110,SYNTHETIC",
            "b-02,synthetic-only-totals,Gwent,offences,growth_pct,,over four years,75,SYNTHETIC") + "\n");
        var kit = KitData.Load(Repo.Data, [dir.File("requests")]);
        var claims = ClaimsRun.LoadClaims([claimsFile], _ => { });
        var empty = new TidyDataset([], [], [], [], new NormaliseSummary(0, 0, 0, 0, 0, []));
        var checker = new ClaimChecker(kit, empty, claims, SecondRequestStudy.RequestId);

        var growth = checker.CheckAll()[1];
        Assert.Equal(VerdictKind.NotCheckable, growth.Kind);
        Assert.Contains("worked out over two or three years, not the request's 4", growth.Note, StringComparison.Ordinal);
        Assert.Null(checker.YearBounds("gwent", 110));
    }

    [Fact]
    public void Its_population_year_can_be_stated_in_the_definition()
    {
        var request = s.Kit.FindRequest(SecondRequestStudy.RequestId)! with { PopulationYear = 2022 };
        Assert.Equal(2022, ForceProfiles.PopulationYearFor(request, s.Kit.Reference.Population));
        Assert.Equal(2023, ForceProfiles.PopulationYearFor(request with { PopulationYear = null }, s.Kit.Reference.Population));
        Assert.Equal("2023", s.Findings.National.PopulationYear.ToString(CultureInfo.InvariantCulture));
    }
}
