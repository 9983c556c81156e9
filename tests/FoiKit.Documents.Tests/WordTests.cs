using WordText = DocumentFormat.OpenXml.Wordprocessing.Text; // inside FoiKit.*, a bare Text is the FoiKit.Text namespace
using DocumentFormat.OpenXml.Wordprocessing;
using FoiKit.Testing.Renderings;

namespace FoiKit.Documents.Tests;

/// <summary>Word letters: merged cells, a header row repeated on a new page, captions, layout tables. Figures are Dorset's (test renderings).</summary>
public sealed class WordTests
{
    private static string Save(DocxBuilder doc)
    {
        var path = Path.Combine(TestData.TempDir("docx"), "letter.docx");
        doc.Save(path);
        return path;
    }

    private static DocxBuilder Letter() => new DocxBuilder().PageHeader("Dorset Police").Paragraph(DorsetLetters.Label);

    [Fact]
    public void Merged_cells_gridSpan_and_vMerge_are_spread_out_and_a_title_across_the_table_is_its_caption()
    {
        var (_, rows) = DorsetLetters.Table("1a");
        var table = new List<WordCell[]>
        {
            new[] { new WordCell("1a) Nature of offences recorded in 2023/24", Span: 3) },
            new WordCell[] { "Year", "Crime Description", "Count" },
        };
        for (var i = 0; i < rows.Count; i++)
            table.Add([i == 0 ? new WordCell("2023/24", Merge: MergedCellValues.Restart) : WordCell.Continue, rows[i][0], rows[i][1]]);
        var t = Assert.Single(TestData.Extract(Save(Letter().Paragraph("The figures for the second part follow.").Table(table))).Transcript.Tables);
        Assert.Equal("1a) Nature of offences recorded in 2023/24", t.Caption);
        Assert.Equal("1a", t.Question);
        Assert.Equal(["Year", "Crime Description", "Count"], t.Columns);
        Assert.Equal(rows.Select(r => new[] { "2023/24", r[0], r[1] }).ToList(), TestData.Rows(t));
    }

    [Fact]
    public void A_header_row_marked_to_repeat_and_printed_again_inside_the_table_is_read_once()
    {
        var (c, rows) = DorsetLetters.Table("1");
        // The header repeats on each page (tblHeader); this letter also typed it again where a page broke.
        var table = new List<WordCell[]> { c.Select(x => (WordCell)x).ToArray() };
        table.AddRange(rows.Take(2).Select(r => r.Select(x => (WordCell)x).ToArray()));
        table.Add(c.Select(x => (WordCell)x).ToArray());
        table.AddRange(rows.Skip(2).Select(r => r.Select(x => (WordCell)x).ToArray()));
        var answer = TestData.Extract(Save(Letter().Heading(DorsetLetters.Heading1).Table(table, repeatingHeaderRows: 1)));
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal(c, t.Columns);
        Assert.Equal(rows, TestData.Rows(t));
        Assert.Contains(answer.Transcript.Warnings, w => w.Message.Contains("read as the header printed again", StringComparison.Ordinal));
        var (obs, rejects, _) = TestData.Normalise(answer.Transcript);
        Assert.Equal(4, obs.Count); // three years and the total, not five
        Assert.Empty(rejects);
    }

    [Fact]
    public void A_letterhead_table_a_contact_block_and_a_layout_table_are_text_not_figures()
    {
        var (c1, r1) = DorsetLetters.Table("1");
        var layout = new Table(new TableRow(
            new TableCell(new Paragraph(new Run(new WordText("Freedom of Information Unit"))), new Paragraph(new Run(new WordText("PO Box 2024")))),
            new TableCell(new Paragraph(new Run(new WordText(DorsetLetters.Heading1))),
                DocxBuilder.TableOf([c1.Select(x => (WordCell)x).ToArray(), .. r1.Select(r => r.Select(x => (WordCell)x).ToArray())]),
                new Paragraph(new Run(new WordText("End of answer."))))));
        var doc = Letter()
            .Table([["Dorset Police", "Telephone 101"]])                                           // one row: a letterhead
            .Table([["Our ref:", DorsetLetters.Reference], ["Date:", "22/07/2024"], ["Tel:", "101"]]) // label: value lines
            .Table([["Name", "Role"], ["A. Officer", "Disclosure officer"]])                        // no figure under its header
            .Add(layout);
        var answer = TestData.Extract(Save(doc));
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal(r1, TestData.Rows(t));
        Assert.Equal("1", t.Question);
        Assert.Contains("PO Box 2024", answer.Transcript.MethodNotes, StringComparison.Ordinal);
        Assert.Equal(DorsetLetters.Reference, answer.Transcript.RequestRef);
    }
}
