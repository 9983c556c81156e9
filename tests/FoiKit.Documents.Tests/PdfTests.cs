using FoiKit.Testing.Renderings;
using FoiKit.Model;
using FoiKit.Read.Documents;
using FoiKit.Testing;

namespace FoiKit.Documents.Tests;

/// <summary>PDF letters: tables rebuilt from positioned words, ruled or not, across pages, into the next paragraph; pages read one at a time.</summary>
public sealed class PdfTests
{
    private const double RowHeight = 18; // LetterPdfBuilder: 1.8 × the 10 pt body size

    private static string Save(LetterPdfBuilder pdf, string name = "letter.pdf")
    {
        var path = Path.Combine(TestData.TempDir("pdf"), name);
        File.WriteAllBytes(path, pdf.Build());
        return path;
    }

    private static LetterPdfBuilder Letter()
    {
        var pdf = new LetterPdfBuilder();
        pdf.TextAt(LetterPdfBuilder.Margin, "Dorset Police", 16, bold: true).NewLine(16).Paragraph(DorsetLetters.Label);
        return pdf;
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_table_split_across_two_pages_is_one_table_with_or_without_its_header_printed_again(bool ruled, bool repeatHeader)
    {
        var (c, rows) = DorsetLetters.Table("1a");
        using var pdf = Letter();
        pdf.Paragraph(DorsetLetters.Quoted).Heading(DorsetLetters.Heading1a);
        // Leave room for the header and two rows only: the other four rows go over the page.
        pdf.Space(pdf.Y - LetterPdfBuilder.Margin - (RowHeight * 3) - 12);
        pdf.Table([c, .. rows], [220, 80], ruled, repeatHeader);
        pdf.Paragraph(DorsetLetters.Method);
        Assert.Equal(2, pdf.Pages);
        var answer = TestData.Extract(Save(pdf));
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal(c, t.Columns);
        Assert.Equal(rows, TestData.Rows(t));
        Assert.Equal(DorsetLetters.Heading1a, t.Caption);
        Assert.Contains(answer.Transcript.Warnings, w => w.Message.Contains("the table from page 1 goes on here", StringComparison.Ordinal));
        // The footer's "Page 1" and "Page 2" are furniture, not text or figures.
        Assert.DoesNotContain("Page 2", answer.Transcript.MethodNotes, StringComparison.Ordinal);
        Assert.Contains(DorsetLetters.Method, answer.Transcript.MethodNotes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_table_running_straight_into_the_next_paragraph_ends_where_its_columns_end(bool ruled)
    {
        var (c, rows) = DorsetLetters.Table("1");
        using var pdf = Letter();
        pdf.Heading(DorsetLetters.Heading1).Table([c, .. rows], [220, 80], ruled, gapAfter: 0)
            .Paragraph("Total: the figures above cover 2021/22 to 2023/24; 46 offences in 3 years, reported on 22/07/2024.")
            .Paragraph(DorsetLetters.Rights);
        var answer = TestData.Extract(Save(pdf));
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal(rows, TestData.Rows(t));
        Assert.Contains("46 offences in 3 years", answer.Transcript.MethodNotes, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_in_a_letter_with_no_table_never_become_figures()
    {
        using var pdf = Letter();
        pdf.TextAt(LetterPdfBuilder.Margin, "Our reference:").TextAt(200, DorsetLetters.Reference).NewLine()
            .TextAt(LetterPdfBuilder.Margin, "Telephone:").TextAt(200, "01632 960000").NewLine()
            .Paragraph(DorsetLetters.Quoted)
            .Paragraph("We logged 14 offences in 2021/22, 16 in 2022/23 and 16 in 2023/24.")
            .Paragraph(DorsetLetters.Rights);
        var error = TestData.ExtractError(Save(pdf));
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "foikit-documents-tests"), error, StringComparison.Ordinal);
        Assert.Contains("letter.pdf: no table of figures was found", error, StringComparison.Ordinal);
        Assert.Contains("never numbers in running text", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_in_columns_become_a_table_only_under_the_alignment_of_two_or_more_lines()
    {
        // One line with a wide gap ("Dorset Police      Freedom of Information") is a heading line, not a table.
        using var pdf = new LetterPdfBuilder();
        pdf.TextAt(LetterPdfBuilder.Margin, "Dorset Police", 14, bold: true).TextAt(380, "Freedom of Information").NewLine(14)
            .Paragraph(DorsetLetters.Label)
            .Heading(DorsetLetters.Heading1);
        var (c, rows) = DorsetLetters.Table("1");
        pdf.Table([c, .. rows], [220, 80], ruled: false);
        var answer = TestData.Extract(Save(pdf));
        Assert.Single(answer.Transcript.Tables);
        Assert.Contains("Dorset Police Freedom of Information", answer.Transcript.MethodNotes, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_are_read_one_at_a_time_so_a_long_letter_never_holds_all_its_words()
    {
        // 200 synthetic pages, each a paragraph and a table that goes on over the page. Before page k is
        // handed over, every page before k - 1 must have been let go (weak references collected).
        var alive = new List<WeakReference>();
        var facts = new DocumentFacts { Format = "pdf" };
        var maxHeld = 0;
        IEnumerable<PdfPageWords> Pages()
        {
            for (var n = 1; n <= 200; n++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                maxHeld = Math.Max(maxHeld, alive.Count(w => w.IsAlive));
                var page = SyntheticPage(n);
                alive.Add(new WeakReference(page));
                yield return page;
            }
        }
        var blocks = PdfLayout.Blocks(Pages(), facts);
        var tables = 0;
        var rows = 0;
        foreach (var b in blocks)
        {
            if (b is TableBlock t)
            {
                tables++;
                rows += t.Rows.Count;
            }
        }
        Assert.Equal(200, facts.Pages);
        Assert.Equal(1, tables);           // one table going on over 200 pages
        Assert.Equal(1 + (200 * 3), rows); // its header once, three rows a page
        Assert.True(maxHeld <= 2, $"{maxHeld} pages were held at once");
    }

    /// <summary>A synthetic page (not a real letter): a paragraph on page 1, then three rows of a two-column table.</summary>
    private static PdfPageWords SyntheticPage(int n)
    {
        var words = new List<PdfWord>();
        var y = 760.0;
        void Word(string text, double x, bool bold = false) => words.Add(new PdfWord(text, x, x + (text.Length * 5), y, y + 7, 10, bold));
        if (n == 1)
        {
            Word("SYNTHETIC", 72);
            Word("letter", 125);
            y -= 30;
            Word("Offence", 72, true);
            Word("Count", 300, true);
            y -= 18;
        }
        for (var r = 0; r < 3; r++)
        {
            Word("Synthetic", 72);
            Word($"row{n}x{r}", 122);
            Word((n + r).ToString(System.Globalization.CultureInfo.InvariantCulture), 310);
            y -= 18;
        }
        return new PdfPageWords(n, 595, 842, words, []);
    }
}
