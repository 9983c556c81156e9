using FoiKit.Formats.Tests.Fixtures;
using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Formats.Tests;

/// <summary>
/// A spreadsheet laid out as forces send them (title rows, two tables on one sheet, a note line, no question
/// numbers), with a sidecar naming the force and the request: each table is read as the one question of the
/// request its shape fits (contract §7), and the match is named in a warning. SYNTHETIC figures throughout.
/// </summary>
public sealed class QuestionByShapeTests
{
    private const string Sidecar =
        """{ "request": "legal-expert-tiktok-2024", "kind": "force_response", "force": "Kent Police", "source_url": "https://example.invalid/kent" }""";

    /// <summary>The sheet as a force lays it out: its cells, row by row (1-based), as the CSV and the workbook both hold them.</summary>
    private static readonly object?[][] Sheet =
    [
        ["Freedom of Information request FOI/2024/0815 (SYNTHETIC)"],
        ["Kent Police, Information Rights Unit"],
        [],
        ["Offences recorded where TikTok was mentioned"],
        ["Financial year", "Number of offences"],
        ["2021/22", 8],
        ["2022/23", 11],
        ["2023/24", 15],
        ["Total", 34],
        ["Note: figures are taken from a live system and may change."],
        [],
        ["Breakdown by offence type, 2023/24"],
        ["Offence type", "Number"],
        ["Harassment", 9],
        ["Stalking", 4],
        ["Malicious Communications", 2],
    ];

    private static void AssertTidy(TidyDataset data, string file)
    {
        Assert.Empty(data.Rejects);
        Assert.DoesNotContain(data.Diagnostics, d => d.Severity == Severity.Error);
        // Rows 6-9 (three years and the printed total) answer question 1; rows 14-16 question 1a.
        Assert.Equal([("1", 6, 8L), ("1", 7, 11L), ("1", 8, 15L), ("1", 9, 34L), ("1a", 14, 9L), ("1a", 15, 4L), ("1a", 16, 2L)],
            data.Observations.Select(o => (o.Question, o.Source.Row, o.Value.Value!.Value)));
        Assert.All(data.Observations, o => Assert.Equal("kent", o.Force.Id));
        Assert.Equal(ValueStatus.PrintedTotal, data.Observations[3].Value.Status);
        Assert.Equal(["2021/22", "2022/23", "2023/24"], data.Observations.Take(3).Select(o => o.Period.FinancialYear!.Value.Label));
        Assert.Equal(["8L", "8Q"], data.Observations.Skip(4).Take(2).Select(o => o.Category.Code)); // harassment, stalking
        // Each match is named: which table, which question, and why.
        var matches = data.Diagnostics.Where(d => d.Message.Contains("by its shape", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.Equal(file, m.File));
        Assert.Contains("by its shape (periods) it is read as question 1, the only question of request 'legal-expert-tiktok-2024' that asks for periods", matches[0].Message, StringComparison.Ordinal);
        Assert.Contains("by its shape (offence categories) it is read as question 1a", matches[1].Message, StringComparison.Ordinal);
        Assert.Equal((1, 2), (matches[0].Table, matches[1].Table));
    }

    [Fact]
    public void A_workbook_with_two_untitled_tables_on_one_sheet_and_a_sidecar_gives_its_tidy_rows()
    {
        var dir = TestKit.TempDir("shape-xlsx");
        var path = Path.Combine(dir, "kent-answer.xlsx");
        var book = new XlsxBuilder();
        var sheet = book.Sheet("Response");
        foreach (var row in Sheet)
            if (row.Length == 0) sheet.Blank();
            else sheet.Row(row);
        book.Save(path);
        File.WriteAllText(path + ".meta.json", Sidecar);

        AssertTidy(NormaliseRun.Load(TestKit.Kit, path), path.Replace('\\', '/'));
    }

    [Fact]
    public void The_same_answer_as_csv_gives_the_same_tidy_rows()
    {
        var dir = TestKit.TempDir("shape-csv");
        var path = Path.Combine(dir, "kent-answer.csv");
        static string Cell(object? c)
        {
            var text = Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return text.Contains(',', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        }
        File.WriteAllText(path, string.Join("\n", Sheet.Select(r => string.Join(",", r.Select(Cell)))) + "\n");
        File.WriteAllText(path + ".meta.json", Sidecar);

        AssertTidy(NormaliseRun.Load(TestKit.Kit, path), path.Replace('\\', '/'));
    }

    [Fact]
    public void An_outcomes_table_is_read_by_its_labels_when_its_header_says_nothing()
    {
        var path = Path.Combine(TestKit.TempDir("shape-outcomes"), "answer.csv");
        File.WriteAllText(path, "What happened,Count\nCharged/Summonsed,3\nEvidential difficulties - victim does not support action,7\n");
        File.WriteAllText(path + ".meta.json", Sidecar);

        var data = NormaliseRun.Load(TestKit.Kit, path);

        Assert.Equal(["1b", "1b"], data.Observations.Select(o => o.Question));
        Assert.Equal([Measure.Outcomes, Measure.Outcomes], data.Observations.Select(o => o.Measure));
        Assert.Contains(data.Diagnostics, d => d.Message.Contains("by its shape (outcomes) it is read as question 1b", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_that_fits_two_questions_goes_to_the_rejects_ledger_with_the_reason()
    {
        // A study with its own request: two questions ask for offence categories (2022/23 and 2023/24).
        var study = TestKit.TempDir("shape-two");
        Directory.CreateDirectory(Path.Combine(study, "requests"));
        Directory.CreateDirectory(Path.Combine(study, "responses"));
        File.WriteAllText(Path.Combine(study, "requests", "synthetic-two-breakdowns.json"), """
            { "id": "synthetic-two-breakdowns", "requester": "SYNTHETIC test", "sent": "2024", "subject": "offences (made up for a test)",
              "questions": {
                "1":  { "measure": "offences", "by": "period", "periods": ["2022/23", "2023/24"], "requested_basis": "financial_year" },
                "2a": { "measure": "offences", "by": "category", "period": "2022/23" },
                "2b": { "measure": "offences", "by": "category", "period": "2023/24" } } }
            """);
        var answer = Path.Combine(study, "responses", "kent.csv");
        File.WriteAllText(answer, "Offence type,Number\nHarassment,9\nStalking,4\n");
        File.WriteAllText(answer + ".meta.json", Sidecar.Replace("legal-expert-tiktok-2024", "synthetic-two-breakdowns", StringComparison.Ordinal));
        var folder = StudyFolder.Open(study);

        var data = NormaliseRun.Load(folder.LoadKit(), folder);

        Assert.Empty(data.Observations);
        Assert.Equal(2, data.Rejects.Count);
        Assert.All(data.Rejects, r => Assert.Equal(
            "the table does not say which question it answers, and its shape (offence categories) fits questions 2a and 2b of request " +
            "'synthetic-two-breakdowns' alike: name the question in its title (e.g. 'Question 1a')", r.Reason));
        Assert.Contains(data.Diagnostics, d => d.Message.Contains("does not say which question it answers: its figures go to the rejects ledger", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workbook_that_says_nothing_of_what_it_is_is_named_with_the_fix()
    {
        var dir = TestKit.TempDir("unmarked-xlsx");
        var responses = Directory.CreateDirectory(Path.Combine(dir, "responses")).FullName;
        var book = new XlsxBuilder();
        var sheet = book.Sheet("Response");
        foreach (var row in Sheet)
            if (row.Length == 0) sheet.Blank();
            else sheet.Row(row);
        book.Save(Path.Combine(responses, "answer.xlsx"));

        var data = NormaliseRun.Load(TestKit.Kit, StudyFolder.Open(dir));

        Assert.Empty(data.Observations);
        var warning = Assert.Single(data.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"{Path.GetFileName(dir)}/responses/answer.xlsx", warning.File);
        Assert.Equal("it does not say what it is, so it was not read: add 'answer.xlsx.meta.json' beside it with its force and request " +
            "({\"force\": \"…\", \"request\": \"…\", \"kind\": \"force_response\"}), or add a sheet named 'about' with schema, request, kind and force rows, " +
            "or a metadata block at the top of its first sheet", warning.Message);
    }
}
