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
        Assert.Equal("ambiguous", N.Get<string>("violentVerdict"));
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
    public async Task Each_force_has_its_own_section_a_reporter_can_lift()
    {
        var notebook = await NotebookLoader.LoadAsync(O.SourcePath);
        var headings = notebook.Document.Elements.Where(e => e.KernelName == "markdown").Select(e => e.Contents.Trim()).ToList();
        var study = O.Get<Study>("study");
        var stdout = Outputs.Stdout(O);
        foreach (var id in O.Get<List<string>>("forces"))
        {
            var brief = ForceBrief.Of(study, id);
            Assert.Contains($"### {brief.ForceName}", headings);
            Assert.Contains(brief.Headline, stdout, StringComparison.Ordinal);
        }
        Assert.Contains("Dorset Police recorded 46 offences linked to TikTok from 2021/22 to 2023/24, according to its own FOI answer", stdout, StringComparison.Ordinal);
        Assert.Contains("Change 2021/22 to 2023/24: up 137.8%, rising every year.", stdout, StringComparison.Ordinal);
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
    public void Question_1_answers_to_1a_by_Home_Office_group()
    {
        var byGroup = O.Get<Microsoft.Data.Analysis.DataFrame>("byGroup");
        var rows = byGroup.Rows.Select(r => ((string)r["category_group"], (long)r["value"])).ToList();
        Assert.Equal([("", 170L), ("Violence against the person", 168L), ("Sexual offences", 18L), ("Miscellaneous crimes against society", 3L), ("Theft offences", 1L)], rows);
        Assert.Equal(170L, O.Get<long>("notPlaced"));
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
        }, O.Get<Dictionary<string, decimal>>("per100k2324"));
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
    public void The_exercises_wait_for_answers_and_the_notebook_checks_them()
    {
        var stdout = Outputs.Stdout(O);
        Assert.Equal(6, stdout.Split("not answered yet", StringSplitOptions.None).Length - 1);
        Assert.True(O.Get<bool>("allCorrect"));
        Assert.Equal(6, O.Get<IReadOnlyList<ExerciseCheck>>("answers").Count(a => a.Correct));
    }

    [Fact]
    public void The_checker_tells_right_from_wrong()
    {
        var lesson = O.Get<Lesson>("lesson");
        Assert.True(lesson.Check(1, 16).Correct);
        Assert.False(lesson.Check(1, 14).Correct);
        Assert.True(lesson.Check(2, 46L).Correct);
        Assert.False(lesson.Check(2, 92).Correct);   // the Total row added in
        Assert.True(lesson.Check(3, 3).Correct);
        Assert.True(lesson.Check(4, 5.76).Correct);
        Assert.False(lesson.Check(4, 5.7m).Correct);
        Assert.True(lesson.Check(5, false).Correct);
        Assert.True(lesson.Check(5, "false").Correct);
        Assert.True(lesson.Check(6, "b").Correct);
        Assert.False(lesson.Check(6, "a").Correct);
        Assert.Contains("Hint:", lesson.Check(6, "c").Feedback, StringComparison.Ordinal);
        Assert.Equal("5.8", string.Create(CultureInfo.InvariantCulture, $"{46 * 100_000m / 798_914:0.0}"));
    }
}
