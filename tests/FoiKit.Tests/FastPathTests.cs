using System.Globalization;
using System.Text;
using CsvHelper;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Testing;
using FoiKit.Text;
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

    /// <summary>The tidy CSV of a list of observations as CsvHelper writes their fields (the plain way the fast writer must match).</summary>
    private static byte[] PlainCsv(IEnumerable<Observation> observations, string path)
    {
        var options = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.ToFile(path, options))
        {
            csv.WriteRecord(TidyCsv.Columns);
            foreach (var o in observations) csv.WriteRecord(TidyCsv.Fields(o));
        }
        return File.ReadAllBytes(path);
    }

    private static byte[] FastCsv(IEnumerable<Observation> observations, string path)
    {
        using (var writer = new TidyCsvWriter(path, null))
            foreach (var o in observations) writer.Add(o);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void The_tidy_csv_writer_writes_the_real_data_as_the_plain_fields_give_it()
    {
        using var dir = new TempDir();
        var data = NormaliseRun.Load(Kit.Data, Shipped.Folder);
        Assert.True(data.Observations.Count > 10);

        Assert.Equal(PlainCsv(data.Observations, dir.File("plain.csv")), FastCsv(data.Observations, dir.File("fast.csv")));
    }

    [Fact]
    public void The_tidy_csv_writer_remembers_nothing_it_should_not()
    {
        // Periods and categories it has seen come back after others (many more than its table holds, so
        // slots are reused), equal records that are different objects, texts that need quotes or are
        // not ASCII, undated periods, a category with no level, a request, force, question, file and
        // URL that change from one row to the next and change back.
        var seed = Run(Table("1a", ["Offence", "Count"], ["8L - Harassment", "3"])).Observations[0];
        var force2 = seed.Force with { Id = "other", OfficialName = "Other, \"quoted\" Police" };
        var periods = Enumerable.Range(0, 300).Select(i => i % 3 == 0
                ? Period.Undated($"period {i}, undated", PeriodBasis.Other)
                : Period.OfFinancialYear($"20{i % 90:00}/{(i + 1) % 90:00}", new FinancialYear(2000 + (i % 90)), i % 2 == 0 ? PeriodBasis.TaxYear : PeriodBasis.FinancialYear))
            .ToList();
        var categories = Enumerable.Range(0, 700).Select(i => i % 5 == 0 ? Category.None
                : new Category($"Caf\u00e9 {i}\n\"x\"", (CategoryLevel)(i % 4), $"C{i}", i % 7 == 0 ? "" : $"name, {i}", "sub\r", "\u2013group"))
            .ToList();
        var rng = new Random(11);
        var observations = new List<Observation>();
        for (var i = 0; i < 20_000; i++)
        {
            var p = periods[rng.Next(periods.Count)];
            var c = categories[rng.Next(i % 2 == 0 ? 5 : categories.Count)];
            if (i % 97 == 0) p = p with { }; // an equal period that is another object
            if (i % 89 == 0) c = c with { Code = c.Code + "'" };
            var value = i % 11 == 0 ? new CellValue("<5", null, ValueStatus.Suppressed) : new CellValue($"{i:N0}", i, (ValueStatus)(i % 4 == 1 ? 3 : 0));
            observations.Add(seed with
            {
                RequestId = i % 1000 < 500 ? seed.RequestId : "req, two",
                Force = i % 300 < 150 ? seed.Force : force2,
                SourceKind = (SourceKind)(i % 2),
                Question = i % 3 == 0 ? "1a" : "1\"b",
                Measure = (Measure)(i % 2),
                Period = p,
                Category = c,
                Value = value,
                Source = new Provenance(i % 400 < 200 ? "a.json" : "b, \u00e9.json", i % 5, i, i % 4, i % 600 < 300 ? "https://x.org/a?b=1,2" : ""),
            });
        }
        using var dir = new TempDir();

        Assert.Equal(PlainCsv(observations, dir.File("plain.csv")), FastCsv(observations, dir.File("fast.csv")));
    }

    private sealed class Recorder : ITidySink
    {
        public List<Observation> Observations { get; } = [];

        public List<Reject> Rejects { get; } = [];

        public void Add(Observation observation) => Observations.Add(observation);

        public void Add(Reject reject) => Rejects.Add(reject);
    }

    private static IEnumerable<ResponseTranscript> EveryKindOfTranscript()
    {
        var files = new[] { Path.Combine(Repo.Data, "responses"), Path.Combine(Repo.Data, "articles"), Repo.PathOf("tests/FoiKit.Tests/fixtures/unseen") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json")).Order(StringComparer.Ordinal);
        foreach (var f in files) yield return FoiKit.Read.TranscriptReader.Read(f).Value!;
        // Every layout, marker, total and unusable cell the generator makes, and a table with no question.
        foreach (var t in new SyntheticResponses(Kit.Reference, 40_000, seed: 5).All()) yield return t;
        yield return Transcript(Table("9z", ["Offence", "Count"], ["8L - Harassment", "3"]), Table("1a", ["Offence", "Count", ""], ["8L", "1", "2", "x"], ["Total", "1"]));
    }

    [Fact]
    public void Cells_pushed_to_a_sink_are_the_cells_the_normaliser_yields()
    {
        foreach (var t in EveryKindOfTranscript())
        {
            var normaliser = new Normaliser(Kit.Data);
            var p = normaliser.Prepare(DuplicateTables.Mark(t)).Value!;
            var pulledWarnings = new List<Diagnostic>();
            var pulled = normaliser.Normalise(p, pulledWarnings.Add).ToList();
            var pushedWarnings = new List<Diagnostic>();
            var sink = new Recorder();

            var (observations, rejects) = new Normaliser(Kit.Data).NormaliseInto(p, sink, pushedWarnings.Add);

            Assert.Equal(pulled.Where(c => !c.IsReject).Select(c => c.Observation!), sink.Observations);
            Assert.Equal(pulled.Where(c => c.IsReject).Select(c => c.Reject!), sink.Rejects);
            Assert.Equal((sink.Observations.Count, sink.Rejects.Count), ((int)observations, (int)rejects));
            Assert.Equal(pulledWarnings, pushedWarnings);
        }
    }

    /// <summary>
    /// The normaliser remembers the period and category it found for a text by reference (the reader
    /// shares repeated texts): one normaliser over every transcript, as a run uses it, gives the cells
    /// and warnings of a fresh normaliser per transcript, where nothing is remembered between them.
    /// </summary>
    [Fact]
    public void A_normaliser_used_for_every_transcript_gives_what_fresh_ones_give()
    {
        var shared = new Normaliser(Kit.Data);
        foreach (var t in EveryKindOfTranscript())
        {
            var sharedWarnings = new List<Diagnostic>();
            var fromShared = shared.Normalise(shared.Prepare(DuplicateTables.Mark(t)).Value!, sharedWarnings.Add).ToList();
            var fresh = new Normaliser(Kit.Data);
            var freshWarnings = new List<Diagnostic>();
            var fromFresh = fresh.Normalise(fresh.Prepare(DuplicateTables.Mark(t)).Value!, freshWarnings.Add).ToList();

            Assert.Equal(fromFresh, fromShared);
            Assert.Equal(freshWarnings, sharedWarnings);
        }
    }

    /// <summary>A label resolved again (the same string, for either measure, in any order) is what a fresh resolver says.</summary>
    [Fact]
    public void Categories_remembered_by_reference_are_what_a_fresh_resolver_gives()
    {
        var labels = ManyLabels().Concat(Kit.Reference.Offences.Codes.Select(c => c.Description)).Concat(["8L - Harassment", "OC16", "16", "Outcome 1A"]).ToList();
        var resolver = new CategoryResolver(Kit.Reference);
        var rng = new Random(3);
        for (var i = 0; i < 40_000; i++)
        {
            var label = labels[rng.Next(labels.Count)];
            var measure = rng.Next(2) == 0 ? Measure.Offences : Measure.Outcomes;
            Assert.Equal(new CategoryResolver(Kit.Reference).Resolve(label, measure), resolver.Resolve(label, measure));
        }
    }

    [Fact]
    public void The_tidy_csv_writer_given_rows_writes_what_it_writes_for_observations()
    {
        using var dir = new TempDir();
        var all = EveryKindOfTranscript().ToList();
        var pulled = new List<Observation>();
        var normaliser = new Normaliser(Kit.Data);
        foreach (var t in all)
            pulled.AddRange(normaliser.Normalise(normaliser.Prepare(t).Value!, _ => { }).Where(c => !c.IsReject).Select(c => c.Observation!));

        var pushed = new Normaliser(Kit.Data);
        using (var writer = new TidyCsvWriter(dir.File("pushed.csv"), null))
            foreach (var t in all) pushed.NormaliseInto(pushed.Prepare(t).Value!, writer, _ => { });

        Assert.True(pulled.Count > 30_000);
        Assert.Equal(PlainCsv(pulled, dir.File("plain.csv")), File.ReadAllBytes(dir.File("pushed.csv")));
    }

    /// <summary>
    /// The caller chooses the row path by the sink it passes: the same writer passed as a plain sink gets
    /// observations, as row parts it gets rows, and the two files have the same bytes.
    /// </summary>
    [Fact]
    public void The_caller_chooses_the_row_path_and_both_paths_write_the_same_bytes()
    {
        using var dir = new TempDir();
        var all = EveryKindOfTranscript().ToList();
        var asSink = new Normaliser(Kit.Data);
        var asRows = new Normaliser(Kit.Data);
        using (var plain = new TidyCsvWriter(dir.File("plain.csv"), dir.File("plain.rejects.csv")))
        using (var rows = new TidyCsvWriter(dir.File("rows.csv"), dir.File("rows.rejects.csv")))
        {
            ITidySink sink = plain;
            ITidyRowSink rowSink = rows;
            foreach (var t in all)
            {
                asSink.NormaliseInto(asSink.Prepare(t).Value!, sink, _ => { });
                asRows.NormaliseInto(asRows.Prepare(t).Value!, rowSink, _ => { });
            }
        }

        Assert.True(new FileInfo(dir.File("rows.csv")).Length > 1_000_000);
        Assert.Equal(File.ReadAllBytes(dir.File("plain.csv")), File.ReadAllBytes(dir.File("rows.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("plain.rejects.csv")), File.ReadAllBytes(dir.File("rows.rejects.csv")));
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
    public void A_bad_date_in_a_tidy_csv_still_fails_and_says_where()
    {
        using var dir = new TempDir();
        var good = Run(Table("1a", ["Offence", "Count"], ["8L - Harassment", "3"])).Observations;
        var path = dir.File("tidy.csv");
        using (var writer = new TidyCsvWriter(path, null)) writer.Add(good[0]);
        File.WriteAllText(path, File.ReadAllText(path).Replace("2023-04-06", "2023-02-30", StringComparison.Ordinal));

        // It failed (FormatException) before the reader named the place; now it says which file, row and column.
        var e = Assert.Throws<InvalidDataException>(() => TidyCsvReader.Read(path).ToList());
        Assert.Equal($"{path}, row 2, column period_start: '2023-02-30' is not a date written yyyy-MM-dd", e.Message);
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
