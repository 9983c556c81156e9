using System.Text;
using FoiKit.Testing.Renderings;
using FoiKit.Model;
using FoiKit.Read;
using FoiKit.Read.Documents;

namespace FoiKit.Documents.Tests;

/// <summary>The draft a person checks: written as foi-response/1, read back whole, marked checked, deterministic.</summary>
public sealed class DraftTranscriptTests
{
    private static (string Document, string Draft, ExtractedAnswer Answer) Draft()
    {
        var dir = TestData.TempDir("draft");
        var path = Path.Combine(dir, "answer.html");
        File.WriteAllText(path, DorsetLetters.Html());
        var answer = TestData.Extract(path);
        var draft = DraftTranscriptWriter.WriteFile(answer, Path.Combine(dir, "out"), "answer.json");
        return (path, draft, answer);
    }

    [Fact]
    public void Every_transcript_reader_keeps_extracted_from_and_review_and_the_tables()
    {
        var (_, draft, answer) = Draft();
        foreach (var read in new[] { TranscriptReader.Read(draft), TranscriptReader.ReadWithDocument(draft), TranscriptReader.ReadStreaming(draft, 64) })
        {
            Assert.True(read.Ok, read.Error);
            var t = read.Value!;
            Assert.Equal(answer.Transcript.ExtractedFrom, t.ExtractedFrom);
            Assert.Equal(TranscriptReview.Draft, t.Review);
            Assert.Equal(answer.Transcript.Tables.Select(x => (x.Question, x.Caption, string.Join("|", x.Columns))), t.Tables.Select(x => (x.Question, x.Caption, string.Join("|", x.Columns))));
            Assert.Equal(answer.Transcript.Tables.SelectMany(TestData.Rows), t.Tables.SelectMany(TestData.Rows));
            Assert.Equal((answer.Transcript.MethodNotes, answer.Transcript.RequestRef), (t.MethodNotes, t.RequestRef));
            Assert.Single(t.Warnings, w => w.Message.Contains("unchecked extraction of 'answer.html' (review: draft)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_draft_names_what_to_check_in_its_notes()
    {
        var (_, draft, _) = Draft();
        var notes = TranscriptReader.Read(draft).Value!.Notes;
        Assert.Contains("Draft extracted from 'answer.html' (html): compare every table", notes, StringComparison.Ordinal);
        Assert.Contains("- the force was read from the document's heading or letterhead", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_marked_checked_normalises_without_the_unchecked_warning()
    {
        var (_, draft, _) = Draft();
        var text = File.ReadAllText(draft);
        Assert.Contains("\"review\": \"draft\"", text, StringComparison.Ordinal);
        File.WriteAllText(draft, text.Replace("\"review\": \"draft\"", "\"review\": \"checked\"", StringComparison.Ordinal));
        var data = TestData.Normalise(draft);
        Assert.Equal(10, data.Observations.Count);
        Assert.DoesNotContain(data.Diagnostics, d => d.Message.Contains("unchecked extraction", StringComparison.Ordinal));
        Assert.Equal(TranscriptReview.Checked, TranscriptReader.Read(draft).Value!.Review);
    }

    [Fact]
    public void A_hand_transcript_says_nothing_about_review_and_is_unchanged()
    {
        var t = TestData.Dorset;
        Assert.Null(t.ExtractedFrom);
        Assert.Equal("", t.Review);
        Assert.Empty(t.Warnings);
    }

    [Theory]
    [InlineData("\"review\": \"maybe\"", "review 'maybe' is not 'draft' or 'checked'")]
    [InlineData("\"extracted_from\": \"letter.pdf\"", "'extracted_from' must be an object with 'file', 'sha256' and 'format'")]
    [InlineData("\"extracted_from\": { \"file\": [\"a\"] }", "'extracted_from' must hold only text ('file', 'sha256', 'format')")]
    public void A_bad_review_or_extracted_from_is_one_sentence(string field, string says)
    {
        var path = Path.Combine(TestData.TempDir("bad-review"), "t.json");
        File.WriteAllText(path, $$"""{ "schema": "foi-response/1", "request": "r", "kind": "force_response", "force": "Kent Police", "tables": [], {{field}} }""");
        foreach (var read in new[] { TranscriptReader.Read(path), TranscriptReader.ReadWithDocument(path), TranscriptReader.ReadStreaming(path, 32) })
            Assert.Equal($"{path}: {says}", read.Error);
    }

    [Fact]
    public void The_same_document_gives_the_same_draft_bytes()
    {
        var (document, draft, _) = Draft();
        var again = DraftTranscriptWriter.WriteFile(TestData.Extract(document), Path.GetDirectoryName(draft)!, "again.json");
        Assert.Equal(File.ReadAllBytes(draft), File.ReadAllBytes(again));
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(File.ReadAllBytes(draft)), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_file_names_follow_the_inputs_and_never_collide()
    {
        Assert.Equal(["a.json", "b.pdf.json", "b.html.json", "c.json"], DraftTranscriptWriter.FileNames(["x/a.pdf", "x/b.pdf", "y/b.html", "c.docx"]));
    }
}
