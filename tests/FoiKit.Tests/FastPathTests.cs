using System.Globalization;
using System.Text;
using CsvHelper;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Present;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>
/// The fast paths added for speed give exactly what the general code gave: label keys, total
/// labels, the tidy CSV's bytes and its dates. Each is checked against the plain version it
/// replaced (kept here as the oracle).
/// </summary>
public class FastPathTests
{
    private static readonly string[] Labels =
    [
        "Total", "TOTAL", "Totals", "Grand Total:", "grand total (all forces)", "Overall total", "Sum", "ALL", "All offences",
        "Total offences", "Total of which charged", "Total - 2021/22", "Subtotal", "Totally", "tot'al", "To-tal", "Smallest", "All's well",
        "Avon & Somerset", "Avon and Somerset", "  spaced   out  ", "8L - Harassment", "Harassment (8L)", "OC16", "Outcome 16",
        "Victim's", "victim\u2019s", "Caf\u00e9 crime", "T\u00f6tal", "Total\u00a0offences", "6th Apr 2021 to 5th Apr 2022", "2021/22", "",
        " ", "&", "&&", "a&b", "'", "total's", "Crime\tType", "Line\nbreak", "ALL OUTCOMES", "Grand total offences", "sum of parts",
    ];

    /// <summary>LabelKey as it was before the ASCII fast path: Unicode-normalise, then map character by character.</summary>
    private static string OracleKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        var space = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch == '&')
            {
                if (!space) sb.Append(' ');
                sb.Append("and ");
                space = true;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (ch is '\'' or '\u2019' or '\u2018')
            {
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    private static bool OracleIsTotal(string? label)
    {
        var key = OracleKey(label);
        return key is "total" or "totals" or "grand total" or "overall total" or "sum" or "all" or "total offences" or "total outcomes"
            or "total crimes" or "all offences" or "all outcomes" or "total count"
            || key.StartsWith("total ", StringComparison.Ordinal) && !key.Contains(" of ", StringComparison.Ordinal)
            || key.StartsWith("grand total", StringComparison.Ordinal);
    }

    private static IEnumerable<string> ManyLabels()
    {
        var rng = new Random(7);
        const string alphabet = "abcdeTOTALsumSUMall ALL&'-,./()\u00e9\u2019 0123456789";
        foreach (var l in Labels) yield return l;
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[rng.Next(0, 16)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[rng.Next(alphabet.Length)];
            yield return new string(chars);
        }
    }

    [Fact]
    public void Label_keys_are_the_same_as_the_unicode_path_gives()
    {
        foreach (var label in ManyLabels()) Assert.Equal(OracleKey(label), LabelKey.Of(label));
    }

    [Fact]
    public void Total_labels_are_recognised_exactly_as_by_their_keys()
    {
        foreach (var label in ManyLabels()) Assert.True(OracleIsTotal(label) == TableLayout.IsTotalLabel(label), $"'{label}'");
        Assert.True(TableLayout.IsTotalLabel("tot'al"));
        Assert.True(TableLayout.IsTotalLabel("T\u00f6tal"));
        Assert.False(TableLayout.IsTotalLabel("Total of which charged"));
    }

    [Fact]
    public void The_tidy_csv_writer_writes_the_bytes_csvhelper_writes_for_the_same_fields()
    {
        // Tricky text in every text column a printed table controls, and enough rows to cross the write buffer.
        string[] labels = ["Taking, making or \"distributing\" images – etc", "8L - Harassment", "Line\nbreak", "Carriage\rreturn", "Caf\u00e9 \u00a3 \u2013",
            "\"", ",", "", " lead", "trail ", new string('x', 70_000) + ",", "Stalking"];
        var rows = Enumerable.Range(0, 3_000).Select(i => new[] { labels[i % labels.Length], (i % 7 == 0 ? "1,234" : i.ToString(CultureInfo.InvariantCulture)) })
            .ToArray();
        var n = Run(Table("1a", ["Offence", "Count"], rows));
        Assert.Equal(3_000, n.Cells);
        using var dir = new TempDir();

        using (var writer = new TidyCsvWriter(dir.File("fast.csv"), dir.File("fast.rejects.csv")))
        {
            foreach (var o in n.Observations) writer.Add(o);
            foreach (var r in n.Rejects) writer.Add(r);
        }
        var options = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.ToFile(dir.File("csvhelper.csv"), options))
        {
            csv.WriteRecord(TidyCsv.Columns);
            foreach (var o in n.Observations) csv.WriteRecord(TidyCsv.Fields(o));
        }

        Assert.Equal(File.ReadAllBytes(dir.File("csvhelper.csv")), File.ReadAllBytes(dir.File("fast.csv")));
        Assert.Equal(n.Observations.Select(TidyCsv.Fields), TidyCsvReader.Read(dir.File("fast.csv"), Kit.Reference.Forces).Select(TidyCsv.Fields));
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2023-13-01", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2023-1-01", false)]
    [InlineData("2023/01/01", false)]
    [InlineData("2023-01-0x", false)]
    [InlineData("9999-12-31", true)]
    public void Iso_dates_are_read_as_parse_exact_reads_them(string text, bool valid)
    {
        Assert.Equal(valid, TidyCsvReader.TryIsoDate(text, out var date));
        var exact = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
        Assert.Equal(exact, valid);
        if (valid) Assert.Equal(expected, date);
    }

    [Fact]
    public void A_bad_date_in_a_tidy_csv_still_fails_as_before()
    {
        using var dir = new TempDir();
        var good = Run(Table("1a", ["Offence", "Count"], ["8L - Harassment", "3"])).Observations;
        var path = dir.File("tidy.csv");
        using (var writer = new TidyCsvWriter(path, null)) writer.Add(good[0]);
        File.WriteAllText(path, File.ReadAllText(path).Replace("2023-04-06", "2023-02-30", StringComparison.Ordinal));

        Assert.Throws<FormatException>(() => TidyCsvReader.Read(path).ToList());
    }

    [Theory]
    [InlineData("12", 12L, ValueStatus.Reported)]
    [InlineData("1,234", 1234L, ValueStatus.Reported)]
    [InlineData("1 234", 1234L, ValueStatus.Reported)]
    [InlineData("12 ", 12L, ValueStatus.Reported)]
    [InlineData("1\u00a0234", 1234L, ValueStatus.Reported)]
    [InlineData("1-4", null, ValueStatus.Suppressed)]
    [InlineData("1 to 4", null, ValueStatus.Suppressed)]
    [InlineData("12.0", 12L, ValueStatus.Reported)]
    public void Counts_are_read_first_without_changing_what_markers_mean(string raw, long? value, ValueStatus status)
    {
        var parsed = CellValueParser.Parse(raw);

        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(new CellValue(raw, value, status), parsed.Value);
    }
}
