// The key values each notebook computes, read back from its kernel's variables and from what it
// showed: not just that it ran. Where a value is derived (the year bounds), it is also worked out
// here independently of the library.
using System.Globalization;
using System.Text.Json;
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.NotebookRunner;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

namespace FoiNotebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class ReproduceTheArticleTests(NotebookRuns runs)
{
    private Outcome01 N => new(runs["01"]);

    [Fact]
    public void The_three_year_total_is_the_printed_513()
    {
        Assert.Equal(513L, N.Get<long?>("total"));
        Assert.Contains("513 offences, printed total (published_article: cambridgeshire 1 row 1)", Outputs.Stdout(N.O), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rise_and_rising_cannot_be_checked()
    {
        Assert.Equal("not_checkable", N.Get<string>("riseVerdict"));
        Assert.Equal("not_checkable", N.Get<string>("risingVerdict"));
        Assert.Contains("rise of 73%: not_checkable; rising year on year: not_checkable", Outputs.Stdout(N.O), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bounds_are_what_the_total_rise_and_rising_allow()
    {
        var bounds = N.Get<SplitBounds>("bounds");
        Assert.Equal(28L, N.Get<long>("splits"));
        Assert.Equal(["116-137", "139-196", "201-237"], bounds.PerYear.Select(r => r.ToString()));

        // Worked out by hand: a + b + c = 513, a < b < c, and (c - a) / a rounds to 73%.
        var splits = new List<(int A, int B, int C)>();
        for (var a = 1; a < 513; a++)
            for (var c = a + 2; c <= 513 - a; c++)
            {
                var b = 513 - a - c;
                if (a < b && b < c && Math.Round((c - a) * 100m / a, 0, MidpointRounding.AwayFromZero) == 73) splits.Add((a, b, c));
            }
        Assert.Equal(28, splits.Count);
        Assert.Equal((116, 137), (splits.Min(s => s.A), splits.Max(s => s.A)));
        Assert.Equal((139, 196), (splits.Min(s => s.B), splits.Max(s => s.B)));
        Assert.Equal((201, 237), (splits.Min(s => s.C), splits.Max(s => s.C)));
    }

    [Fact]
    public void The_2023_24_offence_breakdown_is_as_printed_and_violent_crimes_is_ambiguous()
    {
        var offences = N.Get<IReadOnlyList<Figure>>("offences");
        Assert.Equal([("stalking and harassment", 108L), ("violent crimes", 32L), ("rape", 5L), ("other sexual offences", 13L)],
            offences.Select(f => (f.Category.Label, f.Value!.Value)));
        Assert.Equal(158L, N.Get<long>("offencesSum"));
        Assert.Equal(0, N.Get<int>("offencesWithout"));
        // The one ambiguous claim of the article is "violent crimes".
        var ambiguous = Assert.Single(N.Get<List<ClaimVerdict>>("ambiguous"));
        Assert.Equal("violent crimes", ambiguous.Claim.CategoryLabel);
        Assert.Equal(FoiKit.Model.VerdictKind.Ambiguous, ambiguous.Verdict.Kind);
        Assert.Equal(FoiKit.Model.CategoryLevel.Unresolved, offences[1].Category.Level);
    }

    [Fact]
    public void The_2023_24_outcomes_are_as_printed()
    {
        var outcomes = N.Get<IReadOnlyList<Figure>>("outcomes");
        Assert.Equal([18L, 55L, 44L, 12L, 12L, 7L], outcomes.Select(f => f.Value!.Value));
        Assert.Equal(148L, N.Get<long>("outcomesSum"));
    }

    [Fact]
    public void Evidential_difficulties_are_most_common_99_of_148()
    {
        Assert.Equal(99L, N.Get<long>("evidential"));
        Assert.Equal("consistent", N.Get<string>("mostCommonVerdict"));
        Assert.Contains("consistent: evidential difficulties 99 of 148", Outputs.Stdout(N.O), StringComparison.Ordinal);
    }

    [Fact]
    public void The_breakdowns_leave_part_of_2023_24_unaccounted_for()
    {
        Assert.Equal("43-111", N.Get<string>("offencesUnaccounted"));
        Assert.Equal("53-89", N.Get<string>("outcomesUnaccounted"));
        // 201-237 less the printed parts, by hand. The 32 "violent crimes" are no Home Office category and may
        // lie inside the 108 stalking and harassment, so the offence types cover 108 + 5 + 13 = 126 to 158:
        // the gap runs from 201 - 158 to 237 - 126. The outcomes are Home Office types side by side: 148.
        Assert.Equal((201 - 158, 237 - (108 + 5 + 13)), (43, 111));
        Assert.Equal((201 - 148, 237 - 148), (53, 89));
        Assert.Contains("so 43-111 are not accounted for", Outputs.Stdout(N.O), StringComparison.Ordinal);
        Assert.Contains("or cover as few as 126 if they overlap", Outputs.Stdout(N.O), StringComparison.Ordinal);
    }

    [Fact]
    public void Its_charts_are_the_librarys_offences_by_year_bounds_and_mixes()
    {
        var charts = Outputs.Charts(N.O);
        Assert.Equal(4, charts.Count);
        var bounds = Outputs.ChartData(charts[1])[0];
        Assert.Equal([116, 139, 201], bounds.GetProperty("base").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([21, 57, 36], bounds.GetProperty("y").EnumerateArray().Select(e => e.GetInt32()));
        var offenceMix = Outputs.ChartData(charts[2])[0];
        Assert.Equal([5, 13, 32, 108], offenceMix.GetProperty("x").EnumerateArray().Select(e => e.GetInt32()));
        var outcomeMix = Outputs.ChartData(charts[3])[0];
        Assert.Equal(148, outcomeMix.GetProperty("x").EnumerateArray().Sum(e => e.GetInt32()));
        // Exactly the chart the library builds (the notebook adds nothing of its own).
        var study = N.Get<Study>("study");
        using var expected = JsonDocument.Parse(ChartJson.Parts(StoryCharts.YearBounds(study, "cambridgeshire")).Data);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, Outputs.ChartData(charts[1])));
    }

    private sealed record Outcome01(NotebookOutcome O)
    {
        public T Get<T>(string name) => O.Get<T>(name);
    }
}

[Collection(NotebookCollection.Name)]
public sealed class AcrossForcesTests(NotebookRuns runs)
{
    private NotebookOutcome O => runs["02"];

    [Fact]
    public void Every_force_with_material_is_covered()
    {
        Assert.Equal(["cambridgeshire", "dorset", "dyfed-powys", "hertfordshire", "lancashire", "west-mercia"], O.Get<List<string>>("forces"));
    }

    [Fact]
    public void Rates_per_100k_residents()
    {
        var rates = O.Get<Dictionary<string, decimal>>("rates");
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["cambridgeshire"] = 54.9m, ["dorset"] = 5.8m, ["dyfed-powys"] = 20.2m, ["hertfordshire"] = 15.2m, ["lancashire"] = 14.7m,
        }, rates);
        // By hand: total x 100,000 / ONS mid-2024 population.
        Assert.Equal(54.9m, Math.Round(513 * 100_000m / 933_972, 1));
        Assert.Equal(5.8m, Math.Round(46 * 100_000m / 798_914, 1));
    }

    [Fact]
    public void Charge_rates_where_both_figures_are_printed()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["dyfed-powys"] = 0.0m, ["hertfordshire"] = 0.0m, ["lancashire"] = 3.1m },
            O.Get<Dictionary<string, decimal>>("chargeRates"));
    }

    [Fact]
    public void Each_force_has_its_own_section_built_from_the_data_the_chosen_force_first()
    {
        var study = O.Get<Study>("study");
        var briefs = O.Get<IReadOnlyList<ForceBrief>>("briefs");
        // Every force with material, the notebook's force (cambridgeshire) first, then in id order.
        Assert.Equal(["cambridgeshire", "dorset", "dyfed-powys", "hertfordshire", "lancashire", "west-mercia"], briefs.Select(b => b.ForceId));
        var stdout = Outputs.Stdout(O);
        foreach (var brief in briefs) Assert.Contains(brief.ToString(), stdout, StringComparison.Ordinal);
        Assert.Contains("Dorset Police recorded 46 offences linked to TikTok from 2021/22 to 2023/24, according to its own FOI answer", stdout, StringComparison.Ordinal);
        Assert.Contains("Change 2021/22 to 2023/24: up 137.8%, rising every year.", stdout, StringComparison.Ordinal);
        // No section is written by hand: no force's name stands in the notebook's markdown as a heading.
        Assert.DoesNotContain(study.Kit.Reference.Forces.All, f => O.Result.Notebook.Document.Elements.Any(e => e.KernelName == "markdown" && e.Contents.Contains("### " + f.OfficialName, StringComparison.Ordinal)));
        // The section loop draws one chart per force with figures (5), after the two charts across forces.
        Assert.Equal(2 + study.Profiles.Count, Outputs.Charts(O).Count);
    }
}

[Collection(NotebookCollection.Name)]
public sealed class MethodologyReviewTests(NotebookRuns runs)
{
    private NotebookOutcome O => runs["03"];

    [Fact]
    public void Only_Dorsets_answer_is_on_the_requested_6_April_basis()
    {
        Assert.Equal(1, O.Get<int>("asRequested"));
        var bases = O.Get<IReadOnlyList<PeriodBasisRow>>("bases");
        Assert.Equal("dorset", Assert.Single(bases, b => b.AsRequested).ForceId);
        Assert.Contains(bases, b => b.ForceId == "hertfordshire" && b.HowRead.Contains("'2021' printed for 2021/22", StringComparison.Ordinal));
    }

    [Fact]
    public void Keyword_search_caveats_come_from_the_method_notes()
    {
        Assert.Equal(1, O.Get<int>("keywordSearches"));
        var dorset = Assert.Single(O.Get<IReadOnlyList<SearchMethodRow>>("searches"), s => s.Keywords.Length > 0);
        Assert.Equal("TikTok, Tik Tok", dorset.Keywords);
        Assert.Contains("not its relevance", dorset.Limitation, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_totals_and_cut_off_sources()
    {
        Assert.Equal(5, O.Get<int>("totalsMatching"));
        Assert.Equal(7, O.Get<IReadOnlyList<CutOffRow>>("cutOff").Count);
    }

    [Fact]
    public void The_national_14000_and_140000_against_the_known_forces()
    {
        var national = O.Get<NationalPicture>("national");
        Assert.Equal(1088L, national.KnownTotal);
        Assert.Equal(3585L, national.IfAllAtLowestRate);
        Assert.Equal(33932L, national.IfAllAtHighestRate);
        Assert.Equal([140_000L, 14_000L], national.Printed.Select(p => p.AtLeast));
        Assert.Equal(3656m, Math.Round(national.AveragePerOtherForceFor(140_000)));
        Assert.Equal(340m, Math.Round(national.AveragePerOtherForceFor(14_000)));
        var stdout = Outputs.Stdout(O);
        Assert.Contains("above even the highest-rate illustration (33,932)", stdout, StringComparison.Ordinal);
        Assert.Contains("140,000 is exactly ten times 14,000", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentage_changes_of_small_counts_with_one_offence_moved()
    {
        var changes = O.Get<IReadOnlyList<SmallCountChange>>("smallCounts");
        // By hand: 14 to 16 is 2/14 = +14.3%; 13 to 16 = +23.1%, 15 to 16 = +6.7%, 14 to 15 = +7.1%, 14 to 17 = +21.4%.
        var dorset = Assert.Single(changes, c => c.Force == "Dorset Police");
        Assert.Equal((14L, 16L, 14.3m, 6.7m, 23.1m), (dorset.First, dorset.Last, dorset.Change, dorset.Lowest, dorset.Highest));
        // 37 to 88 is 51/37 = +137.8%; 38 to 88 = +131.6%, 36 to 88 = +144.4%.
        var herts = Assert.Single(changes, c => c.Force == "Hertfordshire Constabulary");
        Assert.Equal((137.8m, 131.6m, 144.4m), (herts.Change, herts.Lowest, herts.Highest));
        // Cambridgeshire prints no yearly figures, so it has no change to move.
        Assert.DoesNotContain(changes, c => c.Force.StartsWith("Cambridgeshire", StringComparison.Ordinal));
        Assert.Contains("Dorset Police: 14 in 2021/22 to 16 in 2023/24 is +14.3%; one offence more or fewer: +6.7% to +23.1%", Outputs.Stdout(O), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_over_three_years_and_what_consistent_was_checked_against()
    {
        var cambs = O.Get<IReadOnlyList<RateReading>>("rateReadings")[0];
        // By hand: 513 x 100,000 / 933,972 = 54.93 over three years, 18.31 a year.
        Assert.Equal(("Cambridgeshire Constabulary", 54.9m, 18.3m), (cambs.Force, cambs.Per100k, cambs.PerYearPer100k));
        // 30 consistent verdicts in verdicts.csv (the 86-claim ledger), counted by reading golden/verdicts.csv: every
        // one's basis is published_article or article_claims, none force_response.
        Assert.Equal(30, O.Get<int>("consistent"));
        Assert.Equal(30, O.Get<int>("checkedOnlyAgainstTheArticle"));
    }

    [Fact]
    public void Its_chart_shows_what_each_national_figure_requires_of_the_forces_not_seen()
    {
        var chart = Assert.Single(Outputs.Charts(O));
        var traces = Outputs.ChartData(chart);
        Assert.Equal([513m, 235m, 188m, 106m, 46m], traces[0].GetProperty("x").EnumerateArray().Select(e => e.GetDecimal()));
        // (140,000 - 1,088) / 38 = 3,655.6; (14,000 - 1,088) / 38 = 339.8.
        Assert.Equal([3656m, 340m], traces[1].GetProperty("x").EnumerateArray().Select(e => e.GetDecimal()));
    }
}

[Collection(NotebookCollection.Name)]
public sealed class AskANewQuestionTests(NotebookRuns runs)
{
    private NotebookOutcome O => runs["04"];

    [Fact]
    public void The_tidy_data_is_a_typed_DataFrame_of_every_row()
    {
        var tidy = O.Get<Microsoft.Data.Analysis.DataFrame>("tidy");
        Assert.Equal(49, O.Get<long>("rows"));
        Assert.Equal(typeof(long), tidy["value"].DataType);
        Assert.Equal(typeof(DateTime), tidy["period_start"].DataType);
        Assert.Equal(FoiKit.Present.TidyCsv.Columns.Order(), tidy.Columns.Select(c => c.Name).Order());
    }

    [Fact]
    public void Question_1_sums_1a_within_one_source_and_one_period_and_never_fills_a_gap()
    {
        var sums = O.Get<IReadOnlyList<SourceSum>>("byGroup");
        // By hand from data/responses/dorset.json table 2 (2023/24): harassment 6 + malicious communications 5 +
        // stalking 1 = 12 violence against the person; blackmail 1 theft; obscene publications 3; the printed Total 16 left out.
        var dorset = sums.Where(x => x.ForceId == "dorset").Select(x => (x.Group, x.Total)).ToList();
        Assert.Equal([("Violence against the person", 12L), ("Miscellaneous crimes against society", 3L), ("Theft offences", 1L)], dorset);
        // Cambridgeshire's article: 2023/24 and "in the last year" are different printed periods, kept apart.
        Assert.Contains(sums, x => x.ForceId == "cambridgeshire" && x.Period.StartsWith("2023/24", StringComparison.Ordinal) && x.Group == "Violence against the person" && x.Total == 108);
        Assert.Contains(sums, x => x.ForceId == "cambridgeshire" && x.Period == "in the last year" && x.Group == "Sexual offences" && x.Total == 18);
        // The old worked answer added four sources' unplaced labels into one 170: no sum crosses a source now.
        Assert.DoesNotContain(sums, x => x.KnownPart == 170);
        Assert.All(sums.GroupBy(x => (x.SourceFile, x.Period, x.Group)), g => Assert.Single(g));
        // By hand from golden/tidy.csv: question 1a rows come from five sources (Dorset's answer; the Peterborough
        // Today, Tenby Today, Blog Preston and Blackpool Gazette articles).
        Assert.Equal(5, O.Get<int>("sourcesIn1a"));
    }

    [Fact]
    public void No_missing_figure_becomes_zero_and_every_chart_carries_its_caveats()
    {
        var code = string.Join("\n", O.Result.Notebook.CodeCells.Select(c => c.Element.Contents));
        Assert.DoesNotContain("?? 0", code, StringComparison.Ordinal);
        Assert.DoesNotContain("GetValueOrDefault()", code, StringComparison.Ordinal);
        var charts = Outputs.Charts(O);
        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            var text = ChartOutput.TextOf(chart);
            // Source kinds, the keyword caveat from Dorset's own method notes, and the cut-off copies.
            Assert.Contains("newspaper article(s), figures as printed", text, StringComparison.Ordinal);
            Assert.Contains("a match shows the word was recorded, not that it played a part in the offence", text, StringComparison.Ordinal);
            Assert.Contains("cut off: figures after the cut are unknown, not zero", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Question_2_how_closely_labels_match()
    {
        Assert.Equal(4L, O.Get<long>("unresolvedLabels"));
    }

    [Fact]
    public void Question_3_per_100k_in_2023_24()
    {
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["Dyfed-Powys Police"] = 8.0m, ["Hertfordshire Constabulary"] = 7.1m, ["Lancashire Constabulary"] = 6.1m, ["Dorset Police"] = 2.0m,
        }, O.Get<Dictionary<string, decimal>>("per100kLatest"));
        Assert.Equal(2, Outputs.Charts(O).Count);
        var chart = Outputs.ChartData(Outputs.Charts(O)[1])[0];
        Assert.Equal([8.0m, 7.1m, 6.1m, 2.0m], chart.GetProperty("y").EnumerateArray().Select(e => e.GetDecimal()));
    }
}

[Collection(NotebookCollection.Name)]
public sealed class TeachingTests(NotebookRuns runs)
{
    private NotebookOutcome O => runs["05"];

    [Fact]
    public void From_the_printed_table_to_tidy_rows()
    {
        Assert.Equal(4, O.Get<int>("printedRows"));
        Assert.Equal(4L, O.Get<long>("tidyRows"));
    }

    [Fact]
    public void The_defensible_sentence()
    {
        var sentence = O.Get<string>("sentence");
        Assert.StartsWith("Dorset Police logged 46 offences whose crime records mention TikTok or Tik Tok between 6 April 2021 and 5 April 2024 (14, 16 and 16 a year)", sentence, StringComparison.Ordinal);
        Assert.Contains("ref. 01/FIN/24/2153", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exercises_wait_for_answers_and_never_print_them()
    {
        var stdout = Outputs.Stdout(O);
        var lesson = O.Get<Lesson>("lesson");
        Assert.Equal(7, lesson.Exercises.Count);
        Assert.Equal(7, stdout.Split("not answered yet", StringSplitOptions.None).Length - 1);
        // The default force has no answer of its own: the lesson says whose it reads instead.
        Assert.Contains("Cambridgeshire Constabulary has no FOI answer of its own in the study", stdout, StringComparison.Ordinal);
        // Run All shows no answer and no explanation.
        Assert.DoesNotContain("the answer is", stdout, StringComparison.Ordinal);
        Assert.All(lesson.Exercises, e => Assert.DoesNotContain(e.Explanation, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_tells_right_from_wrong_and_says_why()
    {
        var lesson = O.Get<Lesson>("lesson");
        // Totals, by hand: 14 + 16 + 16 = 46; 92 adds the printed Total too.
        Assert.True(lesson.Check(1, 46).Correct);
        Assert.Contains("Total row", lesson.Check(1, 92).Feedback, StringComparison.Ordinal);
        // Year basis: 6 Apr 2021 - 5 Apr 2022 against 1 Apr 2021 - 31 Mar 2022: 1 to 5 April 2022 are outside, 5 days.
        Assert.True(lesson.Check(2, new DateOnly(2022, 4, 5).DayNumber - new DateOnly(2022, 3, 31).DayNumber).Correct);
        Assert.False(lesson.Check(2, 0).Correct);
        // Suppression: with 16 hidden, 14 + 16 = 30 is all that is known; 46 uses the hidden figure.
        Assert.True(lesson.Check(3, 30L).Correct);
        Assert.Contains("did not print", lesson.Check(3, 46).Feedback, StringComparison.Ordinal);
        // Cut-off: the copy stops before question 1b, so the outcomes are unknown, and zero is wrong.
        Assert.True(lesson.Check(4, Lesson.Unknown).Correct);
        Assert.Contains("not zero", lesson.Check(4, 0).Feedback + lesson.Answer(4), StringComparison.Ordinal);
        // Small counts: (16 - 14) / 14 = 14.3%; dividing by 16 gives 12.5%.
        Assert.True(lesson.Check(5, Math.Round((16 - 14) * 100m / 14, 1)).Correct);
        Assert.Contains("divides by the last year", lesson.Check(5, 12.5m).Feedback, StringComparison.Ordinal);
        // Rates: 46 x 100,000 / 798,914 = 5.76.
        Assert.True(lesson.Check(6, 5.76).Correct);
        Assert.False(lesson.Check(6, 5.7m).Correct);
        Assert.Equal("5.8", string.Create(CultureInfo.InvariantCulture, $"{46 * 100_000m / 798_914:0.0}"));
        Assert.True(lesson.Check(7, "b").Correct);
        Assert.Contains("cause", lesson.Check(7, "c").Feedback, StringComparison.Ordinal);
        Assert.Contains("not answered yet", lesson.Check(7, null).Feedback, StringComparison.Ordinal);
        // Answers only when asked for.
        Assert.StartsWith("Exercise 5: the answer is 14.3.", lesson.Answer(5), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesson_on_a_force_with_its_own_answer_reads_that_answer()
    {
        var study = O.Get<Study>("study");
        var lesson = Lesson.For(study, "Dorset");
        Assert.Equal("The exercises read Dorset Police's own answer to the FOI request.", lesson.Message);
    }

    [Fact]
    public void A_lesson_reads_an_answer_sent_as_a_spreadsheet_with_its_tables_matched_by_shape()
    {
        // A SYNTHETIC answer written by the test, laid out as forces send them: a title row, a table by year with no
        // question number, a note, a table by offence type. Its printed cells, worked by hand, are the rows below.
        var folder = Path.Combine(Path.GetTempPath(), "foi-lesson-csv-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "responses"));
            File.WriteAllText(Path.Combine(folder, "responses", "kent.csv"),
                "Kent Police: SYNTHETIC test answer\nFinancial year,Offences\n2021/22,101\n2022/23,<5\n2023/24,188\n" +
                "Note: years run 1 April to 31 March.\n,\nOffence type 2023/24,Number\n8L - Harassment,40\nStalking,22\n");
            File.WriteAllText(Path.Combine(folder, "responses", "kent.csv.meta.json"),
                "{ \"request\": \"legal-expert-tiktok-2024\", \"kind\": \"force_response\", \"force\": \"Kent Police\", \"source_url\": \"https://example.invalid/kent\" }");
            var lesson = Lesson.For(Study.Load(folder), "Kent");
            var years = lesson.PrintedTable("1");
            Assert.Equal(new[] { "2021/22", "2022/23", "2023/24" }, years.Rows.Select(r => r.Cells[0] ?? ""));
            Assert.Equal("<5", years.Rows.ElementAt(1).Cells[1]);
            var types = lesson.PrintedTable("1a");
            Assert.Equal(new[] { "8L - Harassment", "Stalking" }, types.Rows.Select(r => r.Cells[0] ?? ""));
            Assert.Equal(2, lesson.TidyRows("1").Count(r => r.Value.Value is not null));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_study_without_any_force_answer_gets_a_clear_message()
    {
        // A copy of data/ without responses/: only newspaper figures.
        var folder = Path.Combine(Path.GetTempPath(), "foi-lesson-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in Directory.EnumerateFiles(FoiKit.Tests.Repo.Data, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(FoiKit.Tests.Repo.Data, file);
                if (relative.StartsWith("responses", StringComparison.Ordinal)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
                File.Copy(file, Path.Combine(folder, relative));
            }
            var e = Assert.Throws<InvalidOperationException>(() => Lesson.For(Study.Load(folder), "dorset"));
            Assert.Contains("the study has no force's own FOI answer", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
