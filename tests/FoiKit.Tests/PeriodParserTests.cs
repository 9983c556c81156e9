using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Tests;

public class PeriodParserTests
{
    // label, requested basis, start, end, basis, financial_year ("" when not one April year)
    public static TheoryData<string, string?, string, string, string, string> Families => new()
    {
        // Explicit dates decide the basis, whatever the request asked for.
        { "6th Apr 2021 to 5th Apr 2022", null, "2021-04-06", "2022-04-05", "tax_year", "2021/22" },
        { "6 April 2021 - 5 April 2022", "financial_year", "2021-04-06", "2022-04-05", "tax_year", "2021/22" },
        { "01/04/2021 - 31/03/2022", "tax_year", "2021-04-01", "2022-03-31", "financial_year", "2021/22" },
        { "April 2021 to March 2022", "tax_year", "2021-04-01", "2022-03-31", "financial_year", "2021/22" },
        { "Apr 21 - Mar 22", null, "2021-04-01", "2022-03-31", "financial_year", "2021/22" },
        // A bare April year takes the request's basis (the Legal Expert request asked for tax years).
        { "2021/22", "tax_year", "2021-04-06", "2022-04-05", "tax_year", "2021/22" },
        { "2021/2022", "tax_year", "2021-04-06", "2022-04-05", "tax_year", "2021/22" },
        { "2021-22", "tax_year", "2021-04-06", "2022-04-05", "tax_year", "2021/22" },
        { "2021-2022", "tax_year", "2021-04-06", "2022-04-05", "tax_year", "2021/22" },
        // ... and the 1 April year when the request says nothing or asked for financial years.
        { "2021/22", null, "2021-04-01", "2022-03-31", "financial_year", "2021/22" },
        { "2022-23", "financial_year", "2022-04-01", "2023-03-31", "financial_year", "2022/23" },
        // "FY" means the 1 April financial year even when the request asked for tax years.
        { "FY21/22", "tax_year", "2021-04-01", "2022-03-31", "financial_year", "2021/22" },
        { "FY 2021/22", "tax_year", "2021-04-01", "2022-03-31", "financial_year", "2021/22" },
        // A bare four-digit year is the calendar year, kept as such (not read as 2021/22).
        { "2021", "tax_year", "2021-01-01", "2021-12-31", "calendar_year", "" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_period_family_gets_exact_dates_and_basis(string label, string? requested, string start, string end, string basis, string financialYear)
    {
        PeriodBasis? requestedBasis = requested is null ? null : PeriodBasisNames.TryParse(requested, out var b) ? b : throw new ArgumentException(requested);

        var period = PeriodParser.Parse(label, requestedBasis);

        Assert.Equal(label, period.Label);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(basis, period.Basis.ToContract());
        Assert.Equal(financialYear, period.FinancialYear?.Label ?? "");
    }

    [Fact]
    public void Tax_year_and_financial_year_of_the_same_april_year_share_one_label()
    {
        var tax = PeriodParser.Parse("2021/22", PeriodBasis.TaxYear);
        var fy = PeriodParser.Parse("FY21/22", PeriodBasis.TaxYear);

        Assert.NotEqual(tax.Start, fy.Start);
        Assert.Equal(new FinancialYear(2021), tax.FinancialYear);
        Assert.Equal(tax.FinancialYear, fy.FinancialYear);
    }

    [Fact]
    public void A_bare_year_says_which_basis_it_assumed()
    {
        var period = PeriodParser.Parse("2021/22", PeriodBasis.TaxYear);

        Assert.Contains("6 April", period.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the following year")]
    [InlineData("This year so far")]
    [InlineData("not stated")]
    public void Relative_wording_gets_no_dates_and_basis_other(string label)
    {
        var period = PeriodParser.Parse(label, PeriodBasis.TaxYear);

        Assert.False(period.HasDates);
        Assert.Null(period.Start);
        Assert.Null(period.End);
        Assert.Equal(PeriodBasis.Other, period.Basis);
        Assert.Null(period.FinancialYear);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("in the last three years")]
    [InlineData("since 2021")]
    [InlineData("over the past 3 years")]
    [InlineData("a three-year total")]
    [InlineData("the four-year figure")]
    public void Several_years_without_dates_are_multi_year(string label)
    {
        var period = PeriodParser.Parse(label, PeriodBasis.TaxYear);

        Assert.Equal(PeriodBasis.MultiYear, period.Basis);
        Assert.False(period.HasDates);
        Assert.Null(period.FinancialYear);
    }

    [Theory]
    [InlineData("a 1-year high")]
    [InlineData("the year")]
    public void One_year_wording_is_not_several_years(string label) =>
        Assert.NotEqual(PeriodBasis.MultiYear, PeriodParser.Parse(label, PeriodBasis.TaxYear).Basis);

    [Fact]
    public void A_range_of_april_years_spans_first_start_to_last_end()
    {
        var period = PeriodParser.Parse("2021/22 to 2023/24", PeriodBasis.TaxYear);

        Assert.Equal(new DateOnly(2021, 4, 6), period.Start);
        Assert.Equal(new DateOnly(2024, 4, 5), period.End);
        Assert.Equal(PeriodBasis.MultiYear, period.Basis);
        Assert.Null(period.FinancialYear);
    }

    [Theory]
    [InlineData("2021/23")] // not consecutive years
    [InlineData("31/02/2021 - 01/03/2022")] // no such day
    [InlineData("Widget 2021 to Gadget 2022")] // not months
    public void Malformed_labels_are_never_given_dates(string label)
    {
        var period = PeriodParser.Parse(label, PeriodBasis.TaxYear);

        Assert.NotEqual(PeriodBasis.TaxYear, period.Basis);
        Assert.NotEqual(PeriodBasis.FinancialYear, period.Basis);
        Assert.Null(period.FinancialYear);
    }

    [Fact]
    public void Dates_that_are_not_a_year_keep_their_dates_with_basis_other()
    {
        var period = PeriodParser.Parse("01/01/2024 - 30/06/2024");

        Assert.Equal(new DateOnly(2024, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2024, 6, 30), period.End);
        Assert.Equal(PeriodBasis.Other, period.Basis);
        Assert.Null(period.FinancialYear);
    }

    [Fact]
    public void Financial_year_label_round_trips_and_rejects_non_consecutive_years()
    {
        Assert.True(FinancialYear.TryParseLabel("2023/24", out var fy));
        Assert.Equal("2023/24", fy.Label);
        Assert.Equal(new DateOnly(2023, 4, 6), fy.Start(PeriodBasis.TaxYear));
        Assert.Equal(new DateOnly(2024, 3, 31), fy.End(PeriodBasis.FinancialYear));
        Assert.Equal("1999/00", new FinancialYear(1999).Label);
        Assert.False(FinancialYear.TryParseLabel("2023/25", out _));
        Assert.False(FinancialYear.TryParseLabel("2023", out _));
    }
}
