using System.Text;
using FoiKit.Testing.Renderings;

namespace FoiKit.Documents.Tests;

/// <summary>
/// Documents the kit cannot use get one sentence naming the file and what to do: never an
/// exception, never a partial answer passed off as whole.
/// </summary>
public sealed class BadDocumentTests
{
    private static string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(TestData.TempDir("bad"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void OneSentence(string error, string path, string says)
    {
        Assert.StartsWith(path + ": ", error, StringComparison.Ordinal);
        Assert.Contains(says, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_pdf_with_no_text_layer_says_run_ocr_first()
    {
        var path = Write("scan.pdf", BadDocuments.ScannedPdf());
        OneSentence(TestData.ExtractError(path), path, "no text layer: run OCR first");
    }

    [Fact]
    public void An_encrypted_pdf_says_it_needs_a_password()
    {
        var path = Write("locked.pdf", BadDocuments.EncryptedPdf());
        OneSentence(TestData.ExtractError(path), path, "the PDF is encrypted");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    public void A_cut_off_pdf_says_it_is_damaged(double keep)
    {
        var whole = DorsetLetters.Pdf();
        var path = Write("cut.pdf", whole[..(int)(whole.Length * keep)]);
        OneSentence(TestData.ExtractError(path), path, "the PDF is damaged or cut off");
    }

    [Fact]
    public void A_web_page_named_pdf_and_a_pdf_named_html_are_named_for_what_they_are()
    {
        var fakePdf = Write("page.pdf", Encoding.UTF8.GetBytes(DorsetLetters.Html()));
        OneSentence(TestData.ExtractError(fakePdf), fakePdf, "this is not a PDF");
        var fakeHtml = Write("letter.html", DorsetLetters.Pdf());
        OneSentence(TestData.ExtractError(fakeHtml), fakeHtml, "this is not a web page");
    }

    [Theory]
    [InlineData("empty.html")]
    [InlineData("empty.docx")]
    [InlineData("empty.pdf")]
    public void An_empty_file_says_so(string name)
    {
        var path = Write(name, []);
        OneSentence(TestData.ExtractError(path), path, "the file is empty");
    }

    [Fact]
    public void A_cut_off_or_broken_word_file_says_it_is_damaged()
    {
        var dir = TestData.TempDir("bad-docx");
        var whole = Path.Combine(dir, "whole.docx");
        DorsetLetters.Docx().Save(whole);
        var bytes = File.ReadAllBytes(whole);
        var cut = Write("cut.docx", bytes[..(bytes.Length / 2)]);
        OneSentence(TestData.ExtractError(cut), cut, "the Word file is damaged or is not a .docx");
        var text = Write("notes.docx", Encoding.UTF8.GetBytes("plain text saved with the wrong name"));
        OneSentence(TestData.ExtractError(text), text, "the Word file is damaged or is not a .docx");
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void A_document_with_no_table_says_only_tables_become_figures(string format)
    {
        var path = Path.Combine(TestData.TempDir("notable"), "letter." + format);
        BadDocuments.WriteLetterWithoutTable(path);
        OneSentence(TestData.ExtractError(path), path, "no table of figures was found");
    }

    [Fact]
    public void A_missing_file_and_an_unknown_extension_say_so()
    {
        var missing = Path.Combine(TestData.TempDir("missing"), "gone.pdf");
        OneSentence(TestData.ExtractError(missing), missing, "no such file");
        var odt = Write("letter.odt", [1, 2, 3]);
        OneSentence(TestData.ExtractError(odt), odt, "the kit does not read '.odt' documents");
    }
}
