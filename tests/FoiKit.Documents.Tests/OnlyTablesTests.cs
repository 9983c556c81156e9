using FoiKit.Testing.Renderings;
using FoiKit.Model;
using FoiKit.Read.Documents;

namespace FoiKit.Documents.Tests;

/// <summary>
/// Only tables become figures, and only tables that pass the rules of <see cref="TableRules"/>
/// (docs/formats.md): reference numbers, dates, telephone numbers, time limits and the request
/// quoted back stay text, and so do tables used for layout.
/// </summary>
public sealed class OnlyTablesTests
{
    private static TableBlock Table(params string[][] rows) => new(rows.Select(r => r.Select(c => new DocumentCell(c)).ToArray()).ToList(), -1, "");

    [Fact]
    public void One_row_or_one_column_is_layout()
    {
        Assert.Equal("it has one row", TableRules.Judge(Table(["Dorset Police", "Telephone 01632 960000", "Ref 2153"])).Error);
        Assert.Equal("it has one column", TableRules.Judge(Table(["Year"], ["2021/22"], ["2022/23"], ["14"])).Error);
    }

    [Fact]
    public void Label_and_value_lines_are_a_letterhead_even_when_a_value_is_a_number()
    {
        var judged = TableRules.Judge(Table(["Our ref:", DorsetLetters.Reference], ["Date:", "22/07/2024"], ["Telephone", "101"], ["Email:", "foi@example.invalid"]));
        Assert.Equal("its rows are 'label: value' lines (a letterhead or contact block)", judged.Error);
    }

    [Fact]
    public void A_table_with_no_figure_under_its_header_is_text()
    {
        var judged = TableRules.Judge(Table(["Year", "Basis"], ["2021/22", "6 April to 5 April"], ["2022/23", "6 April to 5 April"]));
        Assert.Equal("no row of it holds a count or a suppression marker under a header", judged.Error);
        // Years in a header are not figures, so "Offence | 2021 | 2022" with text below is still text.
        Assert.False(TableRules.Judge(Table(["Offence", "2021", "2022"], ["Stalking", "see note", "see note"])).Ok);
    }

    [Fact]
    public void Suppression_markers_alone_make_a_table_of_figures()
    {
        var judged = TableRules.Judge(Table(["Crime Description", "Count"], ["Blackmail", "*"], ["Stalking", "<5"]));
        Assert.True(judged.Ok, judged.Error);
        Assert.Equal([["Blackmail", "*"], ["Stalking", "<5"]], judged.Value!.Rows);
    }

    [Fact]
    public void A_table_whose_first_row_holds_figures_printed_no_header_so_its_figures_are_rejected_not_guessed()
    {
        var path = Path.Combine(TestData.TempDir("noheader"), "answer.html");
        File.WriteAllText(path, $"<html><body><h1>Dorset Police</h1><p>{DorsetLetters.Label}</p><p>Question 1</p>" +
            "<table><tr><td>2021/22</td><td>14</td></tr><tr><td>2022/23</td><td>16</td></tr></table></body></html>");
        var answer = TestData.Extract(path);
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal(["", ""], t.Columns);
        Assert.Contains(answer.Transcript.Warnings, w => w.Message.Contains("printed no header", StringComparison.Ordinal));
        var (obs, rejects, _) = TestData.Normalise(answer.Transcript);
        Assert.Empty(obs);
        Assert.Equal(["14", "16"], rejects.Select(r => r.RawValue));
    }

    [Fact]
    public void The_request_quoted_back_with_several_questions_leaves_the_question_to_the_person_checking()
    {
        var (c, rows) = DorsetLetters.Table("1");
        var path = Path.Combine(TestData.TempDir("quoted"), "answer.html");
        File.WriteAllText(path, $"<html><body><h1>Dorset Police</h1><p>{DorsetLetters.Label}</p><p>You asked:</p>" +
            "<p>1. How many offences were logged in 2021/22, 2022/23 and 2023/24?</p><p>1a. What were they in 2023/24?</p>" +
            $"<p>Our answer is below.</p>{DorsetLetters.HtmlTable(c, rows)}</body></html>");
        var answer = TestData.Extract(path);
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal("", t.Question);
        Assert.Contains(answer.Transcript.Warnings, w => w.Table == 1 && w.Message.Contains("names questions 1, 1a, so which one it answers is not clear: set its \"question\" in the draft", StringComparison.Ordinal));
        // The years, the reference and the time limit of the letter are text: no figure but the table's.
        var (obs, rejects, _) = TestData.Normalise(answer.Transcript);
        Assert.Empty(obs);
        Assert.Equal(4, rejects.Count); // the table's four cells, rejected until its question is set
    }

    [Fact]
    public void Question_labels_as_letters_print_them()
    {
        Assert.Equal("1a", LetterText.QuestionIn("Question 1a"));
        Assert.Equal("1b", LetterText.QuestionIn("1(b) What action was taken"));
        Assert.Equal("1", LetterText.QuestionIn("1. How many offences"));
        Assert.Equal("1a", LetterText.QuestionIn("a) What were the offences", "1"));
        Assert.Equal("2", LetterText.QuestionIn("In response to question 2 of your request:"));
        Assert.Equal("", LetterText.QuestionIn("a) What were the offences"));
        Assert.Equal("", LetterText.QuestionIn("Reference: 01/FIN/24/2153"));
        Assert.Equal("", LetterText.QuestionIn(DorsetLetters.Rights));
    }

    [Fact]
    public void Reference_and_date_are_read_only_with_their_labels()
    {
        Assert.Equal("01/FIN/24/2153", LetterText.ReferenceIn(["Dorset Police", "FOI Reference: 01/FIN/24/2153"]));
        Assert.Equal("", LetterText.ReferenceIn(["With reference to your letter", "We logged 14 offences in 2021/22"]));
        Assert.Equal("22 July 2024", LetterText.DateIn(["Date: 22 July 2024"]));
        Assert.Equal("", LetterText.DateIn(["within 40 working days of 22 July 2024"]));
    }
}
