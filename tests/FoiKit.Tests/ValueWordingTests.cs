using System.Globalization;
using FoiKit.Read;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// Values as printed against fixtures/wording/values.csv. The expected intervals were worked out
/// by hand from the tolerance table in docs/wording.md (10% for nearly/around/multiples/fractions,
/// 5% for just under/just over, at least one whole number for a count, percentages to the printed
/// precision), not copied from the code's output; the `why` column shows the arithmetic.
/// </summary>
public sealed class ValueWordingTests
{
    private static readonly string TablePath = Repo.PathOf("tests/FoiKit.Tests/fixtures/wording/values.csv");

    public static TheoryData<int> Rows() => WordingFixtures.RowIndexes(TablePath);

    [Fact]
    public void The_table_has_at_least_fifty_readings()
    {
        Assert.True(CsvFile.Load(TablePath).Rows.Count >= 50);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_value_reads_as_worked_by_hand(int index)
    {
        var csv = CsvFile.Load(TablePath);
        var row = csv.Rows[index];
        string F(string c) => csv.Get(row, c);
        var scale = F("scale") switch
        {
            "count" => ValueScale.Count,
            "growth" => ValueScale.Growth,
            "share" => ValueScale.Share,
            var s => throw new ArgumentException(s),
        };

        var r = ValueWording.Read(F("printed"), scale);

        var expected = F("expected");
        if (expected.StartsWith("unreadable: ", StringComparison.Ordinal))
        {
            Assert.False(r.Ok);
            Assert.StartsWith($"'{F("printed")}' cannot be read as a value", r.Problem, StringComparison.Ordinal);
            Assert.Contains(expected["unreadable: ".Length..], r.Problem, StringComparison.Ordinal);
            return;
        }
        Assert.True(r.Ok, r.Problem);
        Assert.Equal(expected, Show(r.Allowed));
        Assert.Equal(F("bound"), BoundName(r.Bound));
        Assert.Equal(F("tolerance"), r.Tolerance.Key);
        Assert.Equal(decimal.Parse(F("stated"), CultureInfo.InvariantCulture), Math.Round(r.Stated, 2, MidpointRounding.AwayFromZero));
        Assert.StartsWith($"'{F("printed")}' read as ", r.Name, StringComparison.Ordinal);
        if (F("name_has").Length > 0) Assert.Contains(F("name_has"), r.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tenby_rise_is_what_double_allows_and_an_exact_100_percent_is_not()
    {
        // 22 -> 42 is +90.91%: inside 'double' (80% to 120%), outside '100' at its printed precision.
        var rise = (42m - 22m) * 100m / 22m;
        Assert.True(ValueWording.Read("double", ValueScale.Growth).Allows(rise));
        Assert.False(ValueWording.Read("100", ValueScale.Growth).Allows(rise));
    }

    [Fact]
    public void An_approximate_reading_names_its_tolerance()
    {
        var r = ValueWording.Read("nearly 50", ValueScale.Count);
        Assert.True(r.IsApproximate);
        Assert.Equal("'nearly 50' read as 45 to 49 (nearly: up to 10% below, never at or above)", r.Name);
        Assert.False(ValueWording.Read("513", ValueScale.Count).IsApproximate);
    }

    private static string BoundName(ValueBound b) => b switch
    {
        ValueBound.Exact => "exact",
        ValueBound.Interval => "interval",
        ValueBound.LowerBound => "lower_bound",
        _ => "upper_bound",
    };

    private static string Show(ValueInterval i)
    {
        static string D(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
        var low = i.Low is { } lo ? D(lo) : "-inf";
        var high = i.High is { } hi ? D(hi) : "inf";
        return $"{(i.LowIncluded ? "[" : "(")}{low},{high}{(i.HighIncluded && i.High is not null ? "]" : ")")}";
    }
}
