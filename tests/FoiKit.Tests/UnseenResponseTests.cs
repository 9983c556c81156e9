using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Tests;

/// <summary>
/// Responses the kit has never seen, in the contract format: the synthetic fixtures under
/// fixtures/unseen/ (invented figures, labelled as such in each file) go through the same code as
/// the real data, with no special cases.
/// </summary>
public class UnseenResponseTests
{
    private static TidyDataset Load(string name) => NormaliseRun.Load(Kit.Data, Repo.PathOf($"tests/FoiKit.Tests/fixtures/unseen/{name}"));

    private static Observation At(TidyDataset d, int table, int row, int column) =>
        Assert.Single(d.Observations, o => o.Source.Table == table && o.Source.Row == row && o.Source.Column == column);

    private static (string Label, string Start, string End, string FinancialYear, string Basis) PeriodOf(Observation o) =>
        (o.Period.Label, Present.TidyCsv.Date(o.Period.Start), Present.TidyCsv.Date(o.Period.End), o.Period.FinancialYear?.Label ?? "", o.Period.Basis.ToContract());

    private static (string Level, string Code, string Name, string Subgroup, string Group) CategoryOf(Observation o) =>
        (o.Category.Level.ToContract(), o.Category.Code, o.Category.Name, o.Category.Subgroup, o.Category.Group);

    [Fact]
    public void Surrey_wide_year_table_with_a_total_column()
    {
        var d = Load("surrey-wide.json");

        Assert.Equal(0, d.Summary.Errors);
        Assert.Empty(d.Rejects);
        Assert.Empty(d.Diagnostics);
        Assert.All(d.Observations, o => Assert.Equal(("surrey", "Surrey Police", SourceKind.ForceResponse), (o.Force.Id, o.Force.OfficialName, o.SourceKind)));
        var q1 = d.Observations.Where(o => o.Question == "1").ToList();
        Assert.Equal(4, q1.Count);
        Assert.Equal(("2021/22", "2021-04-06", "2022-04-05", "2021/22", "tax_year"), PeriodOf(At(d, 1, 1, 1)));
        Assert.Equal(("2022/23", "2022-04-06", "2023-04-05", "2022/23", "tax_year"), PeriodOf(At(d, 1, 1, 2)));
        Assert.Equal(("2023/24", "2023-04-06", "2024-04-05", "2023/24", "tax_year"), PeriodOf(At(d, 1, 1, 3)));
        Assert.Equal([21L, 34, 40], q1.Where(o => o.Value.Status == ValueStatus.Reported).Select(o => o.Value.Value!.Value));
        var total = At(d, 1, 1, 4);
        Assert.Equal(new CellValue("95", 95, ValueStatus.PrintedTotal), total.Value);
        Assert.Equal(("Total", "2021-04-06", "2024-04-05", "", "multi_year"), PeriodOf(total));
    }

    [Fact]
    public void Surrey_offence_and_outcome_labels_resolve_as_far_as_the_lists_allow()
    {
        var d = Load("surrey-wide.json");

        Assert.All(d.Observations.Where(o => o.Question != "1"), o => Assert.Equal(("2023/24", "2023-04-06", "2024-04-05", "2023/24", "tax_year"), PeriodOf(o)));
        Assert.Equal(("code", "8L", "Harassment", "Stalking and harassment", "Violence against the person"), CategoryOf(At(d, 2, 1, 2)));
        Assert.Equal(("code", "8R", "Malicious Communications", "Stalking and harassment", "Violence against the person"), CategoryOf(At(d, 2, 2, 2)));
        Assert.Equal(new CellValue("<5", null, ValueStatus.Suppressed), At(d, 2, 3, 2).Value);
        Assert.Equal(("group", "", "Sexual offences", "", "Sexual offences"), CategoryOf(At(d, 2, 4, 2)));
        Assert.Equal(("unresolved", "", "", "", ""), CategoryOf(At(d, 2, 5, 2)));
        Assert.Equal("Other", At(d, 2, 5, 2).Category.Label);
        Assert.Equal(ValueStatus.PrintedTotal, At(d, 2, 6, 2).Value.Status);

        Assert.All(d.Observations.Where(o => o.Question == "1b"), o => Assert.Equal(Measure.Outcomes, o.Measure));
        Assert.Equal(("code", "16", "Evidential difficulties (victim does not support action)", "evidential difficulties"),
            (CategoryOf(At(d, 3, 1, 2)).Level, At(d, 3, 1, 2).Category.Code, At(d, 3, 1, 2).Category.Subgroup, At(d, 3, 1, 2).Category.Group));
        Assert.Equal(("code", "18", "no suspect identified"), (CategoryOf(At(d, 3, 2, 2)).Level, At(d, 3, 2, 2).Category.Code, At(d, 3, 2, 2).Category.Group));
        Assert.Equal("1", At(d, 3, 3, 2).Category.Code);
        Assert.Equal(("8", ValueStatus.Suppressed), (At(d, 3, 4, 2).Category.Code, At(d, 3, 4, 2).Value.Status));
    }

    [Fact]
    public void Avon_and_somerset_oddly_spelled_long_table_on_1_april_years()
    {
        var d = Load("avon-long.json");

        Assert.Equal(0, d.Summary.Errors);
        Assert.All(d.Observations, o => Assert.Equal("avon-and-somerset", o.Force.Id));
        Assert.Equal(("01/04/2021 - 31/03/2022", "2021-04-01", "2022-03-31", "2021/22", "financial_year"), PeriodOf(At(d, 1, 1, 2)));
        Assert.Equal(30, At(d, 1, 1, 2).Value.Value);
        Assert.Equal(41, At(d, 1, 2, 2).Value.Value);
        Assert.Equal(new CellValue("-", null, ValueStatus.NotAvailable), At(d, 1, 3, 2).Value);
        var total = At(d, 1, 4, 2);
        Assert.Equal(new CellValue("71", 71, ValueStatus.PrintedTotal), total.Value);
        Assert.Equal(("Total", "2021-04-01", "2024-03-31", "", "multi_year"), PeriodOf(total));
        Assert.Empty(d.Diagnostics); // 30 + 41 + a figure not held can be 71
    }

    [Fact]
    public void Avon_and_somerset_codes_glued_to_labels_suppression_and_a_word_for_a_count()
    {
        var d = Load("avon-long.json");

        // The spacer column is skipped; figures sit in the third printed column, headed "Total crimes"
        // (the table's only figure column, so a count, not a total of other columns).
        Assert.Equal(("8L", ValueStatus.Reported, 15L), (At(d, 2, 1, 3).Category.Code, At(d, 2, 1, 3).Value.Status, At(d, 2, 1, 3).Value.Value));
        Assert.Equal(("8R", 11L), (At(d, 2, 2, 3).Category.Code, At(d, 2, 2, 3).Value.Value));
        Assert.Equal(("8Q", ValueStatus.Suppressed), (At(d, 2, 3, 3).Category.Code, At(d, 2, 3, 3).Value.Status));
        Assert.Equal(CategoryLevel.Unresolved, At(d, 2, 4, 3).Category.Level);
        var reject = Assert.Single(d.Rejects);
        Assert.Equal(("three", 2, 5, 3, "Violence against the person"), (reject.RawValue, reject.Source.Table, reject.Source.Row, reject.Source.Column, reject.CategoryLabel));
        Assert.Contains("text where a count belongs", reject.Reason, StringComparison.Ordinal);

        Assert.Equal(("16", 9L), (At(d, 3, 1, 2).Category.Code, At(d, 3, 1, 2).Value.Value));
        Assert.Equal(("18", ValueStatus.Suppressed, "[c]"), (At(d, 3, 2, 2).Category.Code, At(d, 3, 2, 2).Value.Status, At(d, 3, 2, 2).Value.Raw));
        Assert.Equal(("1", "charge/summons"), (At(d, 3, 3, 2).Category.Code, At(d, 3, 3, 2).Category.Group));
        Assert.Equal(("group", "", "evidential difficulties", "", "evidential difficulties"), CategoryOf(At(d, 3, 4, 2)));
        Assert.Equal(13, d.Observations.Count + d.Rejects.Count);
    }

    [Fact]
    public void Gwent_fy_years_beside_a_tax_year_with_a_row_total_column()
    {
        var d = Load("gwent-fy.json");

        Assert.All(d.Observations, o => Assert.Equal("gwent", o.Force.Id));
        Assert.Empty(d.Rejects);
        Assert.Equal(6, d.Observations.Count);
        Assert.Equal(("FY21/22", "2021-04-01", "2022-03-31", "2021/22", "financial_year"), PeriodOf(At(d, 1, 1, 2)));
        Assert.Equal(("FY21/22", "2021-04-01", "2022-03-31", "2021/22", "financial_year"), PeriodOf(At(d, 1, 1, 3)));
        Assert.Equal(ValueStatus.PrintedTotal, At(d, 1, 1, 3).Value.Status);
        Assert.Equal(new CellValue("Not held", null, ValueStatus.NotAvailable), At(d, 1, 2, 2).Value);
        Assert.Equal(("6 April 2023 - 5 April 2024", "2023-04-06", "2024-04-05", "2023/24", "tax_year"), PeriodOf(At(d, 1, 3, 2)));
        var warning = Assert.Single(d.Diagnostics);
        Assert.Equal((Severity.Warning, 1, 3), (warning.Severity, warning.Table, warning.Row));
        Assert.Contains("8", warning.Message, StringComparison.Ordinal);
        Assert.Equal(8, At(d, 1, 3, 3).Value.Value); // kept as printed, not corrected
    }
}
