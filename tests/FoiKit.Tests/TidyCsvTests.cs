using FoiKit.Model;
using FoiKit.Present;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>The tidy CSV (contract §3): exact columns, quoting, and reading it back.</summary>
public class TidyCsvTests
{
    [Fact]
    public void The_columns_are_the_contracts_in_order_plus_the_optional_source_column()
    {
        string[] contract =
        [
            "request_id", "force_id", "force_name", "source_kind", "question", "measure", "period_label", "period_start", "period_end",
            "financial_year", "period_basis", "category_label", "category_level", "category_code", "category_name", "category_subgroup",
            "category_group", "value", "value_status", "raw_value", "source_file", "source_table", "source_row", "source_url",
        ];

        Assert.Equal([.. contract, "source_column"], TidyCsv.Columns);
        Assert.Equal([.. contract, "source_column", "reason"], TidyCsv.RejectColumns);
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
}
