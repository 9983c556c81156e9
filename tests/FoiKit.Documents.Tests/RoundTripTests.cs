using FoiKit.Testing.Renderings;
using FoiKit.Model;
using FoiKit.Read;
using FoiKit.Read.Documents;

namespace FoiKit.Documents.Tests;

/// <summary>
/// Each format, carrying Dorset's real figures (test renderings): extracted to a draft, then
/// normalised, it gives the same tidy rows as the hand transcript data/responses/dorset.json (value,
/// status, period, category, question, force; only the provenance differs), and so does normalising
/// the original document directly.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly Lazy<List<string>> HandRows = new(() =>
    {
        var data = TestData.Normalise(TestData.DorsetJson);
        // Worked out by hand from dorset.json: 4 figures for question 1 (three years and the total),
        // 6 for 1a (five offences and the total); the blank third column holds none.
        Assert.Equal(10, data.Observations.Count);
        return data.Observations.Select(TestData.Key).ToList();
    });

    public static TheoryData<string> Formats => new() { "html", "docx", "pdf" };

    private static string Render(string format, string dir) => DorsetLetters.Write(dir, format);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Extract_then_normalise_gives_the_hand_transcripts_tidy_rows(string format)
    {
        var dir = TestData.TempDir("roundtrip-" + format);
        var path = Render(format, dir);
        var answer = TestData.Extract(path);
        var draft = DraftTranscriptWriter.WriteFile(answer, Path.Combine(dir, "drafts"), "dorset-answer.json");

        var data = TestData.Normalise(draft);
        Assert.DoesNotContain(data.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Empty(data.Rejects);
        Assert.Equal(HandRows.Value, data.Observations.Select(TestData.Key).ToList());
        // Provenance points at the draft, its tables and rows in the order printed.
        Assert.All(data.Observations, o => Assert.Equal(draft.Replace('\\', '/'), o.Source.SourceFile));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 2, 2], data.Observations.Select(o => o.Source.Table));
        Assert.Equal([1, 2, 3, 4, 1, 2, 3, 4, 5, 6], data.Observations.Select(o => o.Source.Row));
        // The draft still says it is one, until a person marks it checked.
        Assert.Contains(data.Diagnostics, d => d.Message.Contains("unchecked extraction of 'dorset-answer." + format + "'", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Normalising_the_original_document_gives_the_same_rows_and_warns_it_is_unchecked(string format)
    {
        var dir = TestData.TempDir("original-" + format);
        var path = Render(format, dir);
        TestData.Sidecar(path); // the request; the force is read from the letterhead
        var data = TestData.Normalise(path);
        Assert.DoesNotContain(data.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(HandRows.Value, data.Observations.Select(TestData.Key).ToList());
        Assert.Contains(data.Diagnostics, d => d.Message.StartsWith("its figures come from an unchecked extraction of the " + format.ToUpperInvariant(), StringComparison.Ordinal));
        Assert.Contains(data.Diagnostics, d => d.Message.Contains("the force was read from the document's heading or letterhead", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_draft_carries_captions_questions_prose_and_where_it_came_from(string format)
    {
        var dir = TestData.TempDir("draft-" + format);
        var path = Render(format, dir);
        var t = TestData.Extract(path).Transcript;
        Assert.Equal(["1", "1a"], t.Tables.Select(x => x.Question));
        Assert.Equal([DorsetLetters.Heading1, DorsetLetters.Heading1a], t.Tables.Select(x => x.Caption));
        Assert.Equal(DorsetLetters.Table("1").Columns, t.Tables[0].Columns);
        Assert.Equal(DorsetLetters.Table("1a").Rows, TestData.Rows(t.Tables[1]));
        Assert.Equal("Dorset Police", t.ForcePrinted);
        Assert.Equal(DorsetLetters.Reference, t.RequestRef);
        Assert.Equal("22/07/2024", t.ResponseDate);
        Assert.Contains("6 April to 5 April", t.MethodNotes, StringComparison.Ordinal);
        Assert.Contains(DorsetLetters.Method, t.MethodNotes, StringComparison.Ordinal);
        Assert.Equal((format, "dorset-answer." + format), (t.ExtractedFrom!.Format, t.ExtractedFrom.File));
        Assert.Equal(DocumentExtractor.Sha256(path), t.ExtractedFrom.Sha256);
        Assert.Equal(64, t.ExtractedFrom.Sha256.Length);
        Assert.Equal(TranscriptReview.Draft, t.Review);
        if (format == "html") Assert.Equal("https://example.invalid/disclosure-log/tiktok", t.SourceUrl);
    }
}
