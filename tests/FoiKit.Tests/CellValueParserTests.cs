using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Tests;

public class CellValueParserTests
{
    [Theory]
    [InlineData("14", 14L)]
    [InlineData(" 16 ", 16L)]
    [InlineData("0", 0L)]
    [InlineData("1,234", 1234L)]
    [InlineData("1 234 567", 1234567L)]
    [InlineData("12.0", 12L)] // spreadsheet export of a whole number
    public void Whole_counts_are_reported_with_their_raw_text(string raw, long expected)
    {
        var parsed = CellValueParser.Parse(raw);

        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(expected, parsed.Value.Value);
        Assert.Equal(ValueStatus.Reported, parsed.Value.Status);
        Assert.Equal(raw, parsed.Value.Raw);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("<5")]
    [InlineData("< 5")]
    [InlineData("[c]")]
    [InlineData("<10")]
    public void Suppression_markers_are_suppressed_with_no_value(string raw)
    {
        var parsed = CellValueParser.Parse(raw);

        Assert.True(parsed.Ok, parsed.Error);
        Assert.Null(parsed.Value.Value);
        Assert.Equal(ValueStatus.Suppressed, parsed.Value.Status);
        Assert.Equal(raw, parsed.Value.Raw);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("[x]")]
    [InlineData("N/A")]
    [InlineData("Not held")]
    [InlineData("")]
    [InlineData(null)]
    public void Not_held_markers_and_blanks_are_not_available_with_no_value(string? raw)
    {
        var parsed = CellValueParser.Parse(raw);

        Assert.True(parsed.Ok, parsed.Error);
        Assert.Null(parsed.Value.Value);
        Assert.Equal(ValueStatus.NotAvailable, parsed.Value.Status);
        Assert.Equal(raw ?? "", parsed.Value.Raw);
    }

    [Theory]
    [InlineData("-3", "negative")]
    [InlineData("(4)", "negative")]
    [InlineData("2.5", "not a whole number")]
    [InlineData("twelve", "text where a count belongs")]
    [InlineData("12%", "percentage")]
    [InlineData("1,23", "not a whole number")] // a decimal comma is not read as a thousands separator
    public void Unusable_cells_fail_with_a_reason_naming_the_text(string raw, string reason)
    {
        var parsed = CellValueParser.Parse(raw);

        Assert.False(parsed.Ok);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
        Assert.Contains($"'{raw}'", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_printed_total_keeps_its_value_but_changes_status()
    {
        var total = CellValueParser.Parse("46").Value.AsPrintedTotal();
        var suppressed = CellValueParser.Parse("*").Value.AsPrintedTotal();

        Assert.Equal(new CellValue("46", 46, ValueStatus.PrintedTotal), total);
        Assert.Equal(ValueStatus.Suppressed, suppressed.Status);
    }

    [Theory]
    [InlineData("<5", 0L, 4L)]
    [InlineData("< 10", 0L, 9L)]
    [InlineData("<=5", 0L, 5L)]
    [InlineData("\u22645", 0L, 5L)]
    [InlineData("1-4", 1L, 4L)]
    [InlineData("1 to 4", 1L, 4L)]
    public void A_suppression_marker_that_says_what_it_hides_gives_that_range(string raw, long low, long high)
    {
        Assert.Equal(ValueStatus.Suppressed, CellValueParser.Parse(raw).Value.Status);
        Assert.Equal((low, high), CellValueParser.SuppressedBounds(raw));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("[c]")]
    [InlineData("redacted")]
    [InlineData("4-1")]
    [InlineData("12")]
    public void A_marker_that_bounds_nothing_gives_no_range(string raw) => Assert.Null(CellValueParser.SuppressedBounds(raw));
}
