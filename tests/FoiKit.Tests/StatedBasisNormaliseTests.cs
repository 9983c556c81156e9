using FoiKit.Model;
using FoiKit.Pipeline;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>
/// The basis a source states wins over the request's. Every answer here is SYNTHETIC, written for
/// the test; the expected dates were worked out by hand: a financial year runs 1 April to 31 March,
/// the 6 April to 5 April year is the one the Legal Expert request asked for, and a label such as
/// "2021/2022" gives no day, so it takes the basis the source states, else the request's.
/// </summary>
public sealed class StatedBasisNormaliseTests
{
    private static ResponseTranscript Answer(string caption, string methodNotes, string notes, string[] columns, params string?[][] rows) => new(
        "answer.json", Kit.RequestId, SourceKind.ForceResponse, "Surrey Police", "https://example.invalid/synthetic", "", "", methodNotes, false, notes,
        [new SourceTable(1, "1", caption, columns, rows.Select((cells, i) => new SourceRow(i + 1, cells)).ToList())]);

    private static readonly string[] WideYears = ["", "2021/2022", "2022/2023", "2023/2024"];

    private static readonly string?[] WideRow = ["Offences", "10", "12", "15"];

    [Fact]
    public void A_force_answer_by_financial_year_in_full_months_is_read_as_1_April_years_and_says_why()
    {
        // The case as found: the caption says "by financial year", the notes say the force reports on full
        // months (which rules out a year starting on 6 April), and the columns print "2021/2022" and so on,
        // with no day. All three years start on 1 April; nothing conflicts, so nothing is warned.
        var n = Run(Answer("Offences linked to TikTok by financial year", "", "The force reports on full months.", WideYears, WideRow));

        Assert.Empty(n.Warnings);
        Assert.Equal(3, n.Observations.Count);
        Assert.Equal(
            [(new DateOnly(2021, 4, 1), new DateOnly(2022, 3, 31)), (new DateOnly(2022, 4, 1), new DateOnly(2023, 3, 31)), (new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31))],
            n.Observations.Select(o => (o.Period.Start!.Value, o.Period.End!.Value)));
        Assert.All(n.Observations, o =>
        {
            Assert.Equal(PeriodBasis.FinancialYear, o.Period.Basis);
            // The row says which statements decided: the stronger one ("full months" fixes the day) first.
            Assert.Equal("stated: notes ('full months'); caption of table 1 ('financial year')", o.Period.BasisSource);
            Assert.Contains("as the source states", o.Period.Note, StringComparison.Ordinal);
        });
        // The same years are still the request's 2021/22 to 2023/24.
        Assert.Equal(["2021/22", "2022/23", "2023/24"], n.Observations.Select(o => o.Period.FinancialYear?.Label));
    }

    [Fact]
    public void Where_the_source_says_nothing_a_bare_label_takes_the_requests_basis_and_says_so()
    {
        var n = Run(Answer("Offences linked to TikTok", "", "", WideYears, WideRow));

        Assert.Empty(n.Warnings);
        Assert.All(n.Observations, o =>
        {
            Assert.Equal(PeriodBasis.TaxYear, o.Period.Basis);
            Assert.Equal(6, o.Period.Start!.Value.Day);
            Assert.Equal(PeriodBasisSources.Request, o.Period.BasisSource);
        });
    }

    [Fact]
    public void A_label_that_prints_its_dates_keeps_them_whatever_the_caption_says()
    {
        var n = Run(Answer("Offences by financial year", "", "", ["Period", "Count"], ["6th Apr 2021 to 5th Apr 2022", "14"]));

        var o = Assert.Single(n.Observations);
        Assert.Equal((new DateOnly(2021, 4, 6), PeriodBasis.TaxYear, PeriodBasisSources.Label), (o.Period.Start!.Value, o.Period.Basis, o.Period.BasisSource));
    }

    [Fact]
    public void Conflicting_statements_give_one_warning_naming_both_and_the_stronger_decides()
    {
        // "6 April to 5 April" gives both days (explicit dates); "financial year" only names a basis: the dates win.
        var n = Run(Answer("Offences by financial year", "Years run from 6 April to 5 April.", "", WideYears, WideRow));

        var warning = Assert.Single(n.Warnings);
        Assert.Equal(("answer.json", Severity.Warning), (warning.File, warning.Severity));
        Assert.Contains("'financial year' (caption of table 1)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'6 April to 5 April' (method_notes)", warning.Message, StringComparison.Ordinal);
        Assert.All(n.Observations, o =>
        {
            Assert.Equal((6, PeriodBasis.TaxYear), (o.Period.Start!.Value.Day, o.Period.Basis));
            Assert.Equal("stated: method_notes ('6 April to 5 April')", o.Period.BasisSource);
        });
    }

    [Fact]
    public void Statements_as_strong_as_each_other_leave_the_requests_basis_with_a_warning()
    {
        // Two named bases, neither stronger: no basis is stated, so the request's applies, and the rows say "request".
        var n = Run(Answer("Offences by financial year", "", "Counts are by tax year.", WideYears, WideRow));

        var warning = Assert.Single(n.Warnings);
        Assert.Contains("neither statement is stronger", warning.Message, StringComparison.Ordinal);
        Assert.All(n.Observations, o => Assert.Equal((6, PeriodBasisSources.Request), (o.Period.Start!.Value.Day, o.Period.BasisSource)));
    }

    [Fact]
    public void The_request_quoted_back_states_the_requests_basis_not_the_sources()
    {
        // "You asked for … financial year from 1 April" is the request, not the force: it decides nothing.
        var n = Run(Answer("Offences linked to TikTok", "You asked for figures for each financial year from 1 April.", "", WideYears, WideRow));

        Assert.Empty(n.Warnings);
        Assert.All(n.Observations, o => Assert.Equal((6, PeriodBasisSources.Request), (o.Period.Start!.Value.Day, o.Period.BasisSource)));
    }

    [Fact]
    public void A_by_category_table_takes_its_questions_year_on_the_stated_basis()
    {
        // Question 1a asks about 2023/24; the table prints no period. Its caption says April to March: 1 April 2023 to 31 March 2024.
        var t = new ResponseTranscript("answer.json", Kit.RequestId, SourceKind.ForceResponse, "Surrey Police", "https://example.invalid/synthetic", "", "", "", false, "",
            [new SourceTable(1, "1a", "Offences by type, April to March", ["Offence", "Count"], [new SourceRow(1, ["Harassment", "4"])])]);

        var o = Assert.Single(Run(t).Observations);

        Assert.Equal((new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)), (o.Period.Start!.Value, o.Period.End!.Value));
        Assert.Equal("stated: caption of table 1 ('April to March')", o.Period.BasisSource);
    }

    [Fact]
    public void Another_tables_caption_speaks_for_a_table_that_says_nothing()
    {
        // Table 1's caption says "financial year"; table 2 (question 1a, no period, no caption) says nothing of its own,
        // so the source's statement applies to it: 2023/24 from 1 April.
        var t = new ResponseTranscript("answer.json", Kit.RequestId, SourceKind.ForceResponse, "Surrey Police", "https://example.invalid/synthetic", "", "", "", false, "",
        [
            new SourceTable(1, "1", "Offences by financial year", ["Year", "Count"], [new SourceRow(1, ["2023/24", "7"])]),
            new SourceTable(2, "1a", "", ["Offence", "Count"], [new SourceRow(1, ["Harassment", "4"])]),
        ]);

        var n = Run(t);

        Assert.All(n.Observations, o => Assert.Equal((new DateOnly(2023, 4, 1), "stated: caption of table 1 ('financial year')"), (o.Period.Start!.Value, o.Period.BasisSource)));
    }

    [Fact]
    public void A_csv_answer_states_its_basis_in_a_note_under_the_table()
    {
        // SYNTHETIC CSV: the note row below the table is read as a note (not figures) and states April to March years.
        using var dir = new TempDir();
        var path = dir.Write("surrey.csv", string.Join('\n',
            "schema,foi-response/1",
            $"request,{Kit.RequestId}",
            "kind,force_response",
            "force,Surrey Police",
            "source_url,https://example.invalid/synthetic-csv",
            "",
            "Question 1",
            "Year,Count",
            "2021/22,5",
            "2022/23,6",
            "Note: figures are for financial years (1 April to 31 March)",
            ""));

        var d = NormaliseRun.Load(Kit.Data, path);

        Assert.Equal(2, d.Observations.Count);
        Assert.All(d.Observations, o =>
        {
            Assert.Equal((1, 4, PeriodBasis.FinancialYear), (o.Period.Start!.Value.Day, o.Period.Start.Value.Month, o.Period.Basis));
            // The dates (both days) are the stronger statement; "financial years" in the same note agrees.
            Assert.Equal("stated: note in row(s) 11 ('1 April to 31 March'); note in row(s) 11 ('financial years')", o.Period.BasisSource);
        });
    }

    [Fact]
    public void A_web_page_letter_states_its_basis_in_its_prose()
    {
        // SYNTHETIC letter: the prose, which the document readers keep as method_notes, says the years run from 1 April.
        using var dir = new TempDir();
        var path = dir.Write("letter.html", """
            <!DOCTYPE html><html><head><title>Surrey Police FOI answer</title></head><body><main>
            <p>Thank you for your request. Our figures are recorded by financial year, and each year runs from 1 April.</p>
            <h2>Question 1</h2>
            <table><tr><th>Year</th><th>Count</th></tr><tr><td>2021/22</td><td>5</td></tr><tr><td>2022/23</td><td>6</td></tr></table>
            </main></body></html>
            """);
        File.WriteAllText(path + ".meta.json", $$"""{ "request": "{{Kit.RequestId}}", "force": "Surrey Police", "kind": "force_response", "source_url": "https://example.invalid/synthetic-html" }""");

        var d = NormaliseRun.Load(Kit.Data, path);

        Assert.Equal(2, d.Observations.Count);
        Assert.All(d.Observations, o =>
        {
            Assert.Equal((1, PeriodBasis.FinancialYear), (o.Period.Start!.Value.Day, o.Period.Basis));
            Assert.StartsWith("stated: method_notes (", o.Period.BasisSource, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_tidy_csv_carries_the_basis_source_as_its_last_column_and_reads_it_back()
    {
        var n = Run(Answer("Offences linked to TikTok by financial year", "", "The force reports on full months.", WideYears, WideRow));
        using var dir = new TempDir();
        var path = dir.File("tidy.csv");
        using (var writer = new Present.TidyCsvWriter(path, null))
        {
            foreach (var o in n.Observations) writer.Add(o);
        }

        var lines = File.ReadAllLines(path);
        Assert.EndsWith(",period_basis_source", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",stated: notes ('full months'); caption of table 1 ('financial year')", lines[1], StringComparison.Ordinal);
        var back = Present.TidyCsvReader.Read(path).ToList();
        Assert.Equal(n.Observations.Select(o => o.Period.BasisSource), back.Select(o => o.Period.BasisSource));
    }
}
