using FoiKit.Model;
using FoiKit.Present;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>The tidy CSV (contract §3): exact columns, quoting, and reading it back.</summary>
public class TidyCsvTests
{
    [Fact]
    public void The_columns_are_the_contracts_in_order_plus_the_optional_extensions()
    {
        string[] contract =
        [
            "request_id", "force_id", "force_name", "source_kind", "question", "measure", "period_label", "period_start", "period_end",
            "financial_year", "period_basis", "category_label", "category_level", "category_code", "category_name", "category_subgroup",
            "category_group", "value", "value_status", "raw_value", "source_file", "source_table", "source_row", "source_url",
        ];

        Assert.Equal([.. contract, "source_column", "period_basis_source"], TidyCsv.Columns);
        Assert.Equal([.. contract, "source_column", "period_basis_source", "reason"], TidyCsv.RejectColumns);
    }

    [Fact]
    public void Labels_with_commas_quotes_and_dashes_survive_a_write_and_read_back()
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["Taking, making or \"distributing\" images – etc", "3"], ["8L - Harassment", "<5"]));
        using var dir = new TempDir();
        var path = dir.File("tidy.csv");
        using (var writer = new TidyCsvWriter(path, null))
        {
            foreach (var o in n.Observations) writer.Add(o);
        }

        var back = TidyCsvReader.Read(path, Kit.Reference.Forces).ToList();

        Assert.Equal(n.Observations.Select(TidyCsv.Fields), back.Select(TidyCsv.Fields));
        Assert.Equal("Taking, making or \"distributing\" images – etc", back[0].Category.Label);
        Assert.Equal(new CellValue("<5", null, ValueStatus.Suppressed), back[1].Value);
        Assert.Equal(new DateOnly(2023, 4, 6), back[1].Period.Start);
        Assert.Equal("Dorset Police", back[1].Force.OfficialName);
    }

    [Fact]
    public void The_golden_file_reads_back_to_the_same_fields()
    {
        var golden = DorsetGoldenTests.GoldenPath;

        var rows = TidyCsvReader.Read(golden).ToList();

        Assert.Equal(10, rows.Count);
        Assert.Equal(File.ReadAllLines(golden).Skip(1), rows.Select(o => string.Join(',', TidyCsv.Fields(o))));
    }

    [Fact]
    public void A_file_that_is_not_a_tidy_csv_is_refused_naming_it()
    {
        using var dir = new TempDir();
        var path = dir.Write("other.csv", "a,b\n1,2\n");

        var e = Assert.Throws<InvalidDataException>(() => TidyCsvReader.Read(path).ToList());

        Assert.StartsWith(path + ": not a tidy CSV", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A tidy file of two rows (a by-category figure, then a by-period one) with one cell of row 3 replaced.</summary>
    private static string WithCell(TempDir dir, string column, string text)
    {
        var n = Run(Table("1a", ["Offence", "Count"], ["8L - Harassment", "3"]));
        var byPeriod = Run(Table("1", ["Period", "Count"], ["2021/22", "14"]));
        var path = dir.File("tidy.csv");
        using (var writer = new TidyCsvWriter(path, null))
        {
            writer.Add(n.Observations[0]);
            writer.Add(byPeriod.Observations[0]);
        }
        var lines = File.ReadAllLines(path);
        var i = Array.IndexOf(TidyCsv.Columns, column);
        Assert.True(i >= 0, column);
        var fields = lines[2].Split(',');
        Assert.Equal(TidyCsv.Columns.Length, fields.Length); // no field of these rows holds a comma
        fields[i] = text;
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("measure", "crimes", "'crimes' is not offences or outcomes")]
    [InlineData("value_status", "estimated", "'estimated' is not reported, suppressed, not_available or printed_total")]
    [InlineData("period_basis", "academic_year", "'academic_year' is not financial_year, tax_year, calendar_year, multi_year or other")]
    [InlineData("source_kind", "press_release", "'press_release' is not force_response or published_article")]
    [InlineData("category_level", "division", "'division' is not code, subgroup, group or unresolved")]
    [InlineData("period_start", "06/04/2021", "'06/04/2021' is not a date written yyyy-MM-dd")]
    [InlineData("period_end", "2022-02-30", "'2022-02-30' is not a date written yyyy-MM-dd")]
    [InlineData("financial_year", "2021-22", "'2021-22' is not an April-to-April year like 2021/22")]
    [InlineData("value", "1.5", "'1.5' is not a whole number of 0 or more")]
    [InlineData("value", "-3", "'-3' is not a whole number of 0 or more")]
    [InlineData("source_table", "", "'' is not a position of 1 or more")]
    [InlineData("source_row", "0", "'0' is not a position of 1 or more")]
    [InlineData("source_column", "x", "'x' is not a position of 1 or more")]
    public void A_value_outside_the_contract_is_an_error_naming_the_file_row_and_column(string column, string text, string why)
    {
        using var dir = new TempDir();
        var path = WithCell(dir, column, text);

        var e = Assert.Throws<InvalidDataException>(() => TidyCsvReader.Read(path).ToList());

        // Row 3 of the file: the header is row 1, the first observation row 2.
        Assert.Equal($"{path}, row 3, column {column}: {why}", e.Message);
    }

    [Fact]
    public void A_category_without_a_level_is_an_error()
    {
        // Row 2 is the by-category figure; an empty level is right only for a by-period figure (row 3).
        using var dir = new TempDir();
        var path = WithCell(dir, "category_level", "");
        Assert.Equal(2, TidyCsvReader.Read(path).Count());

        var lines = File.ReadAllLines(path);
        var i = Array.IndexOf(TidyCsv.Columns, "category_level");
        var fields = lines[1].Split(',');
        fields[i] = "";
        lines[1] = string.Join(',', fields);
        File.WriteAllLines(path, lines);

        var e = Assert.Throws<InvalidDataException>(() => TidyCsvReader.Read(path).ToList());
        Assert.StartsWith($"{path}, row 2, column category_level: empty, but the category '8L - Harassment' needs a level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_fields_are_the_column_maps_and_each_column_reads_back_what_it_writes()
    {
        Assert.Equal(TidyColumns.All.Select(c => c.Name), TidyCsv.Columns);
        Assert.Equal(["source_column", "period_basis_source"], TidyColumns.All.Where(c => !c.InContract).Select(c => c.Name));
        var o = Run(Table("1a", ["Offence", "Count"], ["8L - Harassment", "<5"])).Observations[0];
        Assert.Equal(TidyColumns.All.Select(c => c.TextOf(o)), TidyCsv.Fields(o));
        // Each column reads back what it writes.
        Assert.Equal(o.Measure, TidyColumns.Measure.Read(TidyColumns.Measure.TextOf(o), "f", 2));
        Assert.Equal(o.Period.Start, TidyColumns.PeriodStart.Read(TidyColumns.PeriodStart.TextOf(o), "f", 2));
        Assert.Equal(o.Category.Level, TidyColumns.CategoryLevel.Read(TidyColumns.CategoryLevel.TextOf(o), "f", 2));
        Assert.Null(TidyColumns.Value.Read(TidyColumns.Value.TextOf(o), "f", 2));
        Assert.Equal(o.Period.BasisSource, TidyColumns.PeriodBasisSource.Read(TidyColumns.PeriodBasisSource.TextOf(o), "f", 2));
    }
}
