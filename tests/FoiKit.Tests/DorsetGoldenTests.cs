using FoiKit.Model;
using FoiKit.Present;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>
/// Dorset Police's real answer, pinned. golden/dorset.tidy.csv was written by hand from
/// data/responses/dorset.json (periods, counts, rows) and data/reference/offences.csv (codes,
/// subgroups, groups); the program must produce it byte for byte.
/// </summary>
public class DorsetGoldenTests
{
    private const string AsGiven = "data/responses/dorset.json";

    private static string DorsetPath => Repo.PathOf(AsGiven);

    internal static string GoldenPath => Repo.PathOf("tests/FoiKit.Tests/golden/dorset.tidy.csv");

    [Fact]
    public void Dorset_normalises_to_the_hand_checked_golden_csv_byte_for_byte()
    {
        using var dir = new TempDir();
        var output = dir.File("dorset.tidy.csv");
        var n = Run(ReadAs(DorsetPath, AsGiven));
        using (var writer = new TidyCsvWriter(output, null))
        {
            foreach (var o in n.Observations) writer.Add(o);
        }

        Assert.Equal(File.ReadAllText(GoldenPath), File.ReadAllText(output));
        Assert.Equal(File.ReadAllBytes(GoldenPath), File.ReadAllBytes(output));
    }

    [Fact]
    public void Question_1_is_three_tax_years_of_14_16_16_starting_6_april()
    {
        var n = Run(ReadAs(DorsetPath, AsGiven));

        var years = n.Observations.Where(o => o.Question == "1" && o.Value.Status == ValueStatus.Reported).ToList();
        Assert.Equal([14L, 16, 16], years.Select(o => o.Value.Value!.Value));
        Assert.Equal(["2021/22", "2022/23", "2023/24"], years.Select(o => o.Period.FinancialYear?.Label));
        Assert.All(years, o =>
        {
            Assert.Equal(PeriodBasis.TaxYear, o.Period.Basis);
            Assert.Equal((4, 6), (o.Period.Start!.Value.Month, o.Period.Start.Value.Day));
            Assert.Equal(o.Period.Start.Value.AddYears(1).AddDays(-1), o.Period.End);
        });
    }

    [Fact]
    public void The_printed_totals_46_and_16_are_kept_and_agree_with_their_parts()
    {
        var n = Run(ReadAs(DorsetPath, AsGiven));

        Assert.Empty(n.Warnings);
        Assert.Empty(n.Rejects);
        var totals = n.Observations.Where(o => o.Value.Status == ValueStatus.PrintedTotal).ToList();
        Assert.Equal([("1", 46L), ("1a", 16L)], totals.Select(o => (o.Question, o.Value.Value!.Value)));
        foreach (var total in totals)
        {
            var parts = n.Observations.Where(o => o.Question == total.Question && o.Value.Status == ValueStatus.Reported).Sum(o => o.Value.Value!.Value);
            Assert.Equal(total.Value.Value, parts);
        }
    }

    [Fact]
    public void The_five_1a_rows_resolve_to_their_home_office_codes_and_groups()
    {
        var n = Run(ReadAs(DorsetPath, AsGiven));

        var rows = n.Observations.Where(o => o.Question == "1a" && o.Value.Status == ValueStatus.Reported)
            .Select(o => (o.Category.Label, o.Category.Level, o.Category.Code, o.Category.Group, o.Value.Value!.Value)).ToList();
        Assert.Equal(
        [
            ("Blackmail", CategoryLevel.Code, "35", "Theft offences", 1L),
            ("Harassment", CategoryLevel.Code, "8L", "Violence against the person", 6L),
            ("Malicious Communications", CategoryLevel.Code, "8R", "Violence against the person", 5L),
            ("Obscene publications", CategoryLevel.Code, "86", "Miscellaneous crimes against society", 3L),
            ("Stalking", CategoryLevel.Code, "8Q", "Violence against the person", 1L),
        ], rows);
    }
}
