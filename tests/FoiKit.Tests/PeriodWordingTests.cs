using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Read;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// The period grammar against a table of press and FOI phrasings (fixtures/wording/periods.csv).
/// Every expected reading in that table was worked out by hand from what the words mean against
/// the request's years (2021/22 to 2023/24 on the 6 April basis unless a row says otherwise),
/// not copied from the code's output; the `why` column gives the reasoning.
/// </summary>
public sealed class PeriodWordingTests
{
    private static readonly string TablePath = Repo.PathOf("tests/FoiKit.Tests/fixtures/wording/periods.csv");

    private static readonly FinancialYear[] RequestYears = [new(2021), new(2022), new(2023)];

    public static TheoryData<int> Rows() => WordingFixtures.RowIndexes(TablePath);

    [Fact]
    public void The_table_has_at_least_a_hundred_distinct_phrasings()
    {
        var csv = CsvFile.Load(TablePath);
        var distinct = csv.Rows.Select(r => csv.Get(r, "phrase")).Distinct(StringComparer.Ordinal).Count();
        Assert.True(distinct >= 100, $"{distinct} distinct phrasings");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_phrasing_reads_as_worked_by_hand(int index)
    {
        var csv = CsvFile.Load(TablePath);
        var row = csv.Rows[index];
        string F(string c) => csv.Get(row, c);
        var phrase = F("phrase");
        var context = Context(F("years"), F("basis"), F("previous"), F("published"));

        var reading = PeriodWording.Read(phrase, context);

        var expected = F("expected");
        var where = $"row {index + 2} '{phrase}'";
        if (expected.StartsWith("unresolved: ", StringComparison.Ordinal))
        {
            Assert.False(reading.Ok, $"{where} read as {reading.Label}");
            Assert.NotNull(reading.Problem);
            Assert.Contains(expected["unresolved: ".Length..], reading.Problem, StringComparison.Ordinal);
            Assert.Empty(reading.Years);
        }
        else
        {
            Assert.True(reading.Ok, $"{where}: {reading.Problem}");
            Assert.Equal(expected, reading.Label);
            // Every resolved reading is named, and the name quotes the phrase as printed.
            Assert.Contains($"'{phrase}'", reading.Name, StringComparison.Ordinal);
            Assert.Equal(F("wording") == "loose", reading.LooseNote.Length > 0);
        }
        var noteHas = F("note_has");
        if (noteHas.Length > 0) Assert.Contains(noteHas, reading.Name + " | " + reading.LooseNote + " | " + reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rise_reads_its_first_and_last_year()
    {
        var r = PeriodWording.Read("between 2022/23 and 2023/24", new PeriodContext(RequestYears, PeriodBasis.TaxYear));
        Assert.Equal(new FinancialYear(2022), r.First);
        Assert.Equal(new FinancialYear(2023), r.Last);
        Assert.Equal(PeriodForm.Range, r.Form);
    }

    [Fact]
    public void A_reading_is_named_the_way_a_verdict_note_quotes_it()
    {
        var r = PeriodWording.Read("since 2021/22", new PeriodContext(RequestYears, PeriodBasis.TaxYear));
        Assert.Equal("'since 2021/22' read as 2021/22 to 2023/24, the request's years from 2021/22", r.Name);
        Assert.Equal("", r.LooseNote);
    }

    /// <summary>
    /// The grammar agrees with today's RequestPeriods.Resolve wherever that resolves a phrase (the
    /// same years), over this table and every period label in data/claims. The one deliberate
    /// difference: wording that says "calendar year" explicitly is no longer relabelled as the
    /// April year starting in it.
    /// </summary>
    [Fact]
    public void Agrees_with_the_request_periods_it_will_replace_wherever_they_resolve()
    {
        var today = new RequestPeriods(RequestYears, PeriodBasis.TaxYear);
        var phrases = new List<(string Phrase, FinancialYear? Previous)>();
        var csv = CsvFile.Load(TablePath);
        foreach (var r in csv.Rows.Where(r => csv.Get(r, "years").Length == 0 && csv.Get(r, "published").Length == 0))
            phrases.Add((csv.Get(r, "phrase"), Year(csv.Get(r, "previous"))));
        foreach (var file in Directory.GetFiles(Repo.PathOf("data/claims"), "*.csv"))
        {
            var claims = CsvFile.Load(file);
            FinancialYear? previous = null;
            foreach (var r in claims.Rows)
            {
                var label = claims.Get(r, "period_label");
                phrases.Add((label, previous));
                var before = today.Resolve(label, previous);
                if (before.IsSingle && claims.Get(r, "category_label").Length == 0) previous = before.Years[0];
            }
        }
        Assert.True(phrases.Count > 150);
        var compared = 0;
        foreach (var (phrase, previous) in phrases)
        {
            var old = today.Resolve(phrase, previous);
            if (!old.Ok) continue;
            if (phrase.Contains("calendar", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("Jan", StringComparison.OrdinalIgnoreCase)) continue;
            var now = PeriodWording.Read(phrase, new PeriodContext(RequestYears, PeriodBasis.TaxYear, previous));
            Assert.True(now.Ok, $"'{phrase}': {now.Problem}");
            Assert.Equal(old.Years, now.Years);
            compared++;
        }
        Assert.True(compared > 80, $"{compared} compared");
    }

    private static PeriodContext Context(string years, string basis, string previous, string published)
    {
        IReadOnlyList<FinancialYear> ys = RequestYears;
        if (years.Length > 0)
        {
            var parts = years.Split(" to ");
            var a = Year(parts[0])!.Value.StartYear;
            var b = Year(parts[1])!.Value.StartYear;
            ys = Enumerable.Range(a, b - a + 1).Select(y => new FinancialYear(y)).ToList();
        }
        PeriodBasis? b2 = basis.Length == 0 ? PeriodBasis.TaxYear : PeriodBasisNames.TryParse(basis, out var pb) ? pb : throw new ArgumentException(basis);
        DateOnly? pub = published.Length == 0 ? null : DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new PeriodContext(ys, b2, Year(previous), pub);
    }

    private static FinancialYear? Year(string label) =>
        label.Length == 0 ? null : FinancialYear.TryParseLabel(label, out var y) ? y : throw new ArgumentException(label);
}
