using FoiKit.Model;
using FoiKit.Normalise;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

public class NormaliserTests
{
    private static readonly DateOnly Apr6_2021 = new(2021, 4, 6);
    private static readonly DateOnly Apr5_2024 = new(2024, 4, 5);

    [Fact]
    public void Long_table_by_period_gives_one_dated_row_per_period_and_keeps_the_total_as_printed()
    {
        var n = Run(Table("1", ["Year", "Offences"],
            ["2021/22", "14"], ["2022/23", "16"], ["2023/24", "16"], ["Total", "46"]));

        Assert.Empty(n.Rejects);
        Assert.Empty(n.Warnings);
        Assert.Equal(4, n.Observations.Count);
        var first = n.At(1, 2);
        Assert.Equal(("2021/22", Apr6_2021, new DateOnly(2022, 4, 5), PeriodBasis.TaxYear), (first.Period.Label, first.Period.Start, first.Period.End, first.Period.Basis));
        Assert.Equal(new CellValue("14", 14, ValueStatus.Reported), first.Value);
        Assert.True(first.Category.IsNone);
        Assert.Equal(Measure.Offences, first.Measure);
        Assert.Equal("1", first.Question);
        var total = n.At(4, 2);
        Assert.Equal(new CellValue("46", 46, ValueStatus.PrintedTotal), total.Value);
        Assert.Equal(("Total", Apr6_2021, Apr5_2024, PeriodBasis.MultiYear), (total.Period.Label, total.Period.Start, total.Period.End, total.Period.Basis));
        Assert.Null(total.Period.FinancialYear);
    }

    [Fact]
    public void Long_table_by_category_takes_the_questions_period_and_resolves_labels()
    {
        var n = Run(Table("1a", ["Offence", "Count"],
            ["8L - Harassment", "6"], ["Malicious Communications", "5"], ["Widget crime", "2"]));

        Assert.Equal(3, n.Observations.Count);
        Assert.All(n.Observations, o =>
        {
            Assert.Equal("2023/24", o.Period.Label);
            Assert.Equal(new DateOnly(2023, 4, 6), o.Period.Start);
            Assert.Equal(new DateOnly(2024, 4, 5), o.Period.End);
            Assert.Equal(PeriodBasis.TaxYear, o.Period.Basis);
        });
        Assert.Equal(("8L", "Stalking and harassment"), (n.At(1, 2).Category.Code, n.At(1, 2).Category.Subgroup));
        Assert.Equal("8R", n.At(2, 2).Category.Code);
        Assert.Equal(Category.Unresolved("Widget crime"), n.At(3, 2).Category);
        Assert.Equal(2, n.At(3, 2).Value.Value);
    }

    [Fact]
    public void Outcome_tables_are_measured_as_outcomes()
    {
        var n = Run(Table("1b", ["Outcome", "Number"], ["OC16", "7"], ["Outcome 18", "3"], ["Charge/Summons", "<5"]));

        Assert.All(n.Observations, o => Assert.Equal(Measure.Outcomes, o.Measure));
        Assert.Equal(("16", "evidential difficulties"), (n.At(1, 2).Category.Code, n.At(1, 2).Category.Group));
        Assert.Equal("18", n.At(2, 2).Category.Code);
        Assert.Equal(("1", ValueStatus.Suppressed), (n.At(3, 2).Category.Code, n.At(3, 2).Value.Status));
    }

    [Fact]
    public void Wide_table_with_periods_as_headers_gives_one_row_per_period_and_a_dated_total()
    {
        var n = Run(Table("1", ["2021/22", "2022/23", "2023/24", "Total"], ["12", "15", "9", "36"]));

        Assert.Empty(n.Rejects);
        Assert.Empty(n.Warnings);
        Assert.Equal(["2021/22", "2022/23", "2023/24"], n.Observations.Where(o => o.Value.Status == ValueStatus.Reported).Select(o => o.Period.FinancialYear?.Label));
        Assert.All(n.Observations.Take(3), o => Assert.Equal(PeriodBasis.TaxYear, o.Period.Basis));
        Assert.Equal(new DateOnly(2022, 4, 6), n.At(1, 2).Period.Start);
        Assert.Equal(15, n.At(1, 2).Value.Value);
        var total = n.At(1, 4);
        Assert.Equal(new CellValue("36", 36, ValueStatus.PrintedTotal), total.Value);
        Assert.Equal(("Total", Apr6_2021, Apr5_2024, PeriodBasis.MultiYear), (total.Period.Label, total.Period.Start, total.Period.End, total.Period.Basis));
    }

    [Fact]
    public void Wide_table_by_category_crosses_each_label_with_each_period_column()
    {
        var n = Run(Table("1a", ["Offence", "FY 2022/23", "FY 2023/24", "Total"],
            ["8L Harassment", "2", "3", "5"], ["8Q: Stalking", "1", "1", "2"], ["Total", "3", "4", "7"]));

        Assert.Empty(n.Rejects);
        Assert.Empty(n.Warnings);
        Assert.Equal(9, n.Observations.Count);
        var cell = n.At(2, 3);
        Assert.Equal(("8Q", "FY 2023/24", new DateOnly(2023, 4, 1), PeriodBasis.FinancialYear), (cell.Category.Code, cell.Period.Label, cell.Period.Start, cell.Period.Basis));
        Assert.Equal(4, n.Observations.Count(o => o.Value.Status == ValueStatus.Reported));
        Assert.Equal(5, n.Observations.Count(o => o.Value.Status == ValueStatus.PrintedTotal));
        Assert.Equal("Total", n.At(1, 4).Period.Label);
    }

    [Fact]
    public void Blank_spacer_columns_and_blank_rows_hold_no_figures_and_columns_keep_their_printed_position()
    {
        var n = Run(Table("1a", ["Crime Description", "", "Count", ""],
            ["Harassment", "", "6", ""], ["", "", "", ""], ["Stalking", " ", "1", ""]));

        Assert.Empty(n.Rejects);
        Assert.Equal(2, n.Observations.Count);
        Assert.Equal(6, n.At(1, 3).Value.Value);
        Assert.Equal(1, n.At(3, 3).Value.Value);
    }

    [Fact]
    public void Dimension_columns_named_by_their_headers_give_each_row_its_own_period_and_category()
    {
        var n = Run(Table("1a", ["Period", "Offence", "Count"], ["2022/23", "Stalking", "4"], ["FY 2023/24", "8L", "5"]));

        Assert.Equal(2, n.Observations.Count);
        var first = n.At(1, 3);
        Assert.Equal(("8Q", 4L, "2022/23", new DateOnly(2022, 4, 6)), (first.Category.Code, first.Value.Value, first.Period.Label, first.Period.Start));
        var second = n.At(2, 3);
        Assert.Equal(("8L", new DateOnly(2023, 4, 1), PeriodBasis.FinancialYear), (second.Category.Code, second.Period.Start, second.Period.Basis));
    }

    [Fact]
    public void A_figure_column_printed_before_the_dimension_columns_is_still_read()
    {
        var n = Run(Table("1a", ["Count", "Offence", "Period"], ["4", "Stalking", "2023/24"]));

        Assert.Empty(n.Rejects);
        var o = Assert.Single(n.Observations);
        Assert.Equal(("8Q", 4L), (o.Category.Code, o.Value.Value));
        Assert.Equal(new DateOnly(2023, 4, 6), o.Period.Start);
        Assert.Equal(1, o.Source.Column);
    }

    [Theory]
    [InlineData("Total")]
    [InlineData("Total crimes")]
    public void A_lone_figure_column_headed_total_holds_counts_not_totals(string header)
    {
        var n = Run(Table("1", ["Year", header], ["2021/22", "14"], ["2022/23", "16"], ["Total", "30"]));

        Assert.Equal([ValueStatus.Reported, ValueStatus.Reported, ValueStatus.PrintedTotal], n.Observations.Select(o => o.Value.Status));
        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void A_row_printing_a_range_of_years_in_a_by_period_table_is_a_dated_total()
    {
        var n = Run(Table("1", ["Year", "Count"], ["2021/22", "14"], ["2022/23", "16"], ["2021/22 to 2022/23", "30"]));

        var total = n.At(3, 2);
        Assert.Equal(ValueStatus.PrintedTotal, total.Value.Status);
        Assert.Equal((Apr6_2021, new DateOnly(2023, 4, 5), PeriodBasis.MultiYear), (total.Period.Start, total.Period.End, total.Period.Basis));
        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void Matching_totals_raise_no_warning()
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", "1"], ["Total", "7"]));

        Assert.Empty(n.Warnings);
        Assert.Equal(ValueStatus.PrintedTotal, n.At(3, 2).Value.Status);
        Assert.Equal(Category.Unresolved("Total"), n.At(3, 2).Category);
    }

    [Fact]
    public void A_total_row_that_does_not_add_up_is_a_warning_and_both_figures_are_kept()
    {
        var n = Run(Table("1", ["Year", "Count"], ["2021/22", "14"], ["2022/23", "16"], ["2023/24", "16"], ["Total", "50"]));

        var warning = Assert.Single(n.Warnings);
        Assert.Equal((Severity.Warning, "test.json", 1, 4), (warning.Severity, warning.File, warning.Table, warning.Row));
        Assert.Contains("50", warning.Message, StringComparison.Ordinal);
        Assert.Contains("46", warning.Message, StringComparison.Ordinal);
        Assert.Equal(50, n.At(4, 2).Value.Value);
        Assert.Equal([14L, 16, 16], n.Observations.Where(o => o.Value.Status == ValueStatus.Reported).Select(o => o.Value.Value!.Value));
        Assert.Empty(n.Rejects);
    }

    [Fact]
    public void A_grand_total_after_subtotals_is_checked_against_every_row_above_it()
    {
        // 6 + 1 = 7 and 2 + 3 = 5 are subtotals; the grand total 12 follows straight after the second.
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", "1"], ["Total stalking and harassment", "7"],
            ["Rape", "2"], ["Other sexual offences", "3"], ["Total sexual offences", "5"], ["Grand total", "12"]));

        Assert.Empty(n.Warnings);
        Assert.Equal([7L, 5, 12], n.Observations.Where(o => o.Value.Status == ValueStatus.PrintedTotal).Select(o => o.Value.Value!.Value));
    }

    [Fact]
    public void A_grand_total_after_a_subtotal_and_more_rows_is_not_taken_for_a_wrong_subtotal()
    {
        // Rows since the subtotal (2) are not 9; every row above (6 + 1 + 2) is.
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", "1"], ["Total stalking and harassment", "7"],
            ["Rape", "2"], ["Total", "9"]));

        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void A_grand_total_that_fits_neither_its_block_nor_every_row_above_is_a_warning()
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", "1"], ["Total stalking and harassment", "7"],
            ["Rape", "2"], ["Total", "10"]));

        var warning = Assert.Single(n.Warnings);
        Assert.Equal(5, warning.Row);
        Assert.Contains("the printed total 10", warning.Message, StringComparison.Ordinal);
        Assert.Contains("rows 4-4", warning.Message, StringComparison.Ordinal);

        // Straight after subtotals, a grand total that is not their sum (7 + 5 = 12) is named against every row above.
        var after = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", "1"], ["Total stalking and harassment", "7"],
            ["Rape", "2"], ["Other sexual offences", "3"], ["Total sexual offences", "5"], ["Grand total", "13"]));
        var grand = Assert.Single(after.Warnings);
        Assert.Equal(7, grand.Row);
        Assert.Contains("the printed total 13", grand.Message, StringComparison.Ordinal);
        Assert.Contains("12 (rows 1-5)", grand.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_column_that_does_not_add_up_is_a_warning_naming_the_row()
    {
        var n = Run(Table("1a", ["Offence", "2022/23", "2023/24", "Total"], ["Harassment", "2", "3", "6"]));

        var warning = Assert.Single(n.Warnings);
        Assert.Equal(1, warning.Row);
        Assert.Contains("6", warning.Message, StringComparison.Ordinal);
        Assert.Contains("5", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new CellValue("6", 6, ValueStatus.PrintedTotal), n.At(1, 4).Value);
    }

    [Theory]
    [InlineData("*", ValueStatus.Suppressed)]
    [InlineData("<5", ValueStatus.Suppressed)]
    [InlineData("[c]", ValueStatus.Suppressed)]
    [InlineData("-", ValueStatus.NotAvailable)]
    [InlineData("[x]", ValueStatus.NotAvailable)]
    [InlineData("N/A", ValueStatus.NotAvailable)]
    [InlineData("Not held", ValueStatus.NotAvailable)]
    public void Suppression_markers_become_a_status_with_no_value_and_the_raw_text(string marker, ValueStatus status)
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", marker], ["Total", "9"]));

        Assert.Empty(n.Rejects);
        var o = n.At(2, 2);
        Assert.Equal(new CellValue(marker, null, status), o.Value);
        Assert.Equal("8Q", o.Category.Code);
        Assert.Empty(n.Warnings); // 6 plus an unknown part can be 9
    }

    [Fact]
    public void A_total_smaller_than_its_known_parts_is_a_warning_even_with_suppressed_parts()
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", "<5"], ["Total", "4"]));

        var warning = Assert.Single(n.Warnings);
        Assert.Contains("smaller than its known parts", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-3", "negative")]
    [InlineData("twelve", "text where a count belongs")]
    [InlineData("2.5", "not a whole number")]
    public void Unusable_figures_go_to_the_rejects_ledger_with_a_reason(string raw, string reason)
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["Stalking", raw]));

        var reject = n.RejectAt(2, 2);
        Assert.Equal(raw, reject.RawValue);
        Assert.Contains(reason, reject.Reason, StringComparison.Ordinal);
        Assert.Equal(("Stalking", "2023/24", "1a", "offences", "dorset", "Dorset Police", "force_response"),
            (reject.CategoryLabel, reject.PeriodLabel, reject.Question, reject.Measure, reject.ForceId, reject.ForceName, reject.SourceKind));
        Assert.Single(n.Observations);
    }

    [Fact]
    public void A_short_row_rejects_every_figure_column_it_should_have_filled()
    {
        var n = Run(Table("1a", ["Offence", "2022/23", "2023/24"], ["Harassment", "2", "3"], ["Stalking", "1"]));

        Assert.Equal(2, n.Observations.Count);
        Assert.Equal(2, n.Rejects.Count);
        Assert.All(n.Rejects, r => Assert.Contains("the row has 2 cells but the table has 3 columns", r.Reason, StringComparison.Ordinal));
        Assert.Equal("1", n.RejectAt(2, 2).RawValue);
        Assert.Equal("", n.RejectAt(2, 3).RawValue);
        Assert.Equal("2023/24", n.RejectAt(2, 3).PeriodLabel);
    }

    [Fact]
    public void A_long_row_rejects_all_its_figures_including_the_extra_one()
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6", "2"], ["Stalking", "1"]));

        Assert.Single(n.Observations);
        Assert.Equal(["6", "2"], n.Rejects.Select(r => r.RawValue));
        Assert.All(n.Rejects, r => Assert.Contains("the row has 3 cells but the table has 2 columns", r.Reason, StringComparison.Ordinal));
        Assert.Equal(3, n.Rejects[1].Source.Column);
    }

    [Fact]
    public void A_figure_in_a_column_with_no_header_is_rejected_not_guessed()
    {
        var n = Run(Table("1a", ["Crime Description", "Count", ""], ["Harassment", "6", ""], ["Stalking", "1", "1"]));

        Assert.Equal(2, n.Observations.Count);
        var reject = n.RejectAt(2, 3);
        Assert.Equal("1", reject.RawValue);
        Assert.Contains("no header", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_for_a_question_the_request_does_not_have_is_rejected_whole_with_a_warning()
    {
        var n = Run(
            Table("1a", ["Offence", "Count"], ["Harassment", "6"]),
            Table("7", ["Offence", "Count"], ["Harassment", "4"], ["Stalking", "2"]));

        Assert.Single(n.Observations);
        Assert.Equal(2, n.Rejects.Count);
        Assert.All(n.Rejects, r =>
        {
            Assert.Equal(2, r.Source.Table);
            Assert.Contains("question '7' is not in request 'legal-expert-tiktok-2024'", r.Reason, StringComparison.Ordinal);
        });
        var warning = Assert.Single(n.Warnings);
        Assert.Equal(2, warning.Table);
    }

    [Fact]
    public void A_table_that_names_no_question_and_whose_shape_fits_none_is_rejected()
    {
        // Neither a period nor a Home Office offence or outcome: nothing tells which question it answers.
        var n = Run(Table("", ["Item", "Count"], ["Widgets", "6"]));

        var reject = Assert.Single(n.Rejects);
        Assert.Contains("does not say which question", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("neither periods nor Home Office offence or outcome categories", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_with_no_category_label_is_rejected()
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Harassment", "6"], ["", "2"]));

        var reject = n.RejectAt(2, 2);
        Assert.Contains("no category label", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_with_no_period_label_in_a_by_period_table_is_rejected()
    {
        var n = Run(Table("1", ["Year", "Count"], ["2021/22", "6"], ["", "2"]));

        Assert.Contains("no period label", n.RejectAt(2, 2).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_that_is_not_a_list_of_cells_is_rejected_not_dropped()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.json", """
            { "request": "legal-expert-tiktok-2024", "kind": "force_response", "force": "Dorset Police",
              "tables": [ { "question": "1a", "columns": ["Offence", "Count"], "rows": [["Harassment", "6"], "Stalking 1"] } ] }
            """);
        var transcript = Read.TranscriptReader.Read(path).Value!;

        var n = Run(transcript);

        Assert.Single(n.Observations);
        var reject = n.RejectAt(2, 2);
        Assert.Contains("not a list of cells", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_observation_carries_its_provenance()
    {
        var n = Run(Table("1", ["Year", "Count"], ["2021/22", "14"]), Table("1a", ["Offence", "", "Count"], ["Stalking", "", "1"]));

        var o = n.At(1, 3, table: 2);
        Assert.Equal(new Provenance("test.json", 2, 1, 3, "https://example.org/foi"), o.Source);
        Assert.Equal(Kit.RequestId, o.RequestId);
        Assert.Equal("dorset", o.Force.Id);
        Assert.Equal(SourceKind.ForceResponse, o.SourceKind);
    }

    [Fact]
    public void An_unknown_force_or_request_is_refused_with_a_sentence_naming_the_file()
    {
        var normaliser = new Normaliser(Kit.Data);

        var force = normaliser.Prepare(Transcript("Gotham City Police", Table("1", ["Year", "Count"])));
        var request = normaliser.Prepare(Transcript(Table("1", ["Year", "Count"])) with { RequestId = "no-such-request" });

        Assert.False(force.Ok);
        Assert.StartsWith("test.json: unknown force", force.Error, StringComparison.Ordinal);
        Assert.Contains("'Gotham City Police'", force.Error, StringComparison.Ordinal);
        Assert.False(request.Ok);
        Assert.StartsWith("test.json: unknown request id 'no-such-request'", request.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_period_wording_is_kept_undated_and_a_multi_year_row_counts_as_a_total()
    {
        var n = Run(Table("1", ["Period", "Count"], ["2021", "71"], ["the following year", "66"], ["in the last three years", "235"]));

        Assert.Equal(PeriodBasis.CalendarYear, n.At(1, 2).Period.Basis);
        Assert.Equal((PeriodBasis.Other, (DateOnly?)null), (n.At(2, 2).Period.Basis, n.At(2, 2).Period.Start));
        var total = n.At(3, 2);
        Assert.Equal((PeriodBasis.MultiYear, ValueStatus.PrintedTotal), (total.Period.Basis, total.Value.Status));
    }
}

/// <summary>Regression: a JSON object where a cell belongs was read as a blank (not available) and its text lost.</summary>
public sealed class ObjectCellRegressionTests
{
    [Fact]
    public void A_json_object_in_a_cell_is_rejected_with_its_text()
    {
        const string json = """
            {"schema":"foi-response/1","request":"legal-expert-tiktok-2024","kind":"force_response","force":"Dorset Police",
             "tables":[{"question":"1a","columns":["Offence","Count"],"rows":[["Harassment",{"n":6}],["Stalking","1"]]}]}
            """;
        var path = Path.Combine(Path.GetTempPath(), $"object-cell-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var transcript = FoiKit.Read.TranscriptReader.Read(path);
            Assert.True(transcript.Ok, transcript.Error);
            var result = Build.Run(transcript.Value!);
            var reject = Assert.Single(result.Rejects);
            Assert.Equal("{\"n\":6}", reject.RawValue);
            Assert.Contains("text where a count belongs", reject.Reason);
            Assert.Single(result.Observations);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
