using FoiKit.Testing.Renderings;
using FoiKit.Read;
using FoiKit.Read.Documents;

namespace FoiKit.Documents.Tests;

/// <summary>Which force and request a document answers: a sidecar, then --force/--request, then (the force only) the heading or letterhead.</summary>
public sealed class ForceAndRequestTests
{
    private static string Page(string heading, string name = "answer.html")
    {
        var (c, rows) = DorsetLetters.Table("1");
        var path = Path.Combine(TestData.TempDir("force"), name);
        File.WriteAllText(path, $"<html><head><title>{heading}</title></head><body><h1>{heading}</h1><p>{DorsetLetters.Label}</p>" +
            $"<p>Question 1</p>{DorsetLetters.HtmlTable(c, rows)}<p>{DorsetLetters.Rights}</p></body></html>");
        return path;
    }

    [Fact]
    public void A_force_named_once_in_the_heading_is_used_and_named_in_a_warning()
    {
        var answer = DocumentExtractor.Extract(Page("Dorset Police: freedom of information disclosure"), new ReadDefaults(TestData.Request), TestData.Forces);
        Assert.True(answer.Ok, answer.Error);
        Assert.Equal("Dorset Police", answer.Value!.Transcript.ForcePrinted);
        Assert.Contains(answer.Value.Transcript.Warnings, w => w.Message.StartsWith("the force was read from the document's heading or letterhead ('Dorset Police')", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_in_the_letterhead_resolves_to_the_official_name()
    {
        var answer = DocumentExtractor.Extract(Page("Avon &amp; Somerset disclosure log"), new ReadDefaults(TestData.Request), TestData.Forces);
        Assert.True(answer.Ok, answer.Error);
        Assert.Equal("Avon and Somerset Constabulary", answer.Value!.Transcript.ForcePrinted);
    }

    [Fact]
    public void Force_given_on_the_command_line_wins_over_the_heading_and_the_difference_is_named()
    {
        var answer = TestData.Extract(Page("Dorset Police disclosure"), force: "Kent Police");
        Assert.Equal("Kent Police", answer.Transcript.ForcePrinted);
        Assert.Contains(answer.Transcript.Warnings, w => w.Message.Contains("names Dorset Police ('Dorset Police') but --force says 'Kent Police'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sidecar_wins_over_the_command_line()
    {
        var path = Page("Disclosure");
        File.WriteAllText(path + ".meta.json", """{ "request": "legal-expert-tiktok-2024", "force": "Surrey Police", "source_url": "https://example.invalid/s" }""");
        var answer = DocumentExtractor.Extract(path, new ReadDefaults("another-request", "Kent Police"), TestData.Forces);
        Assert.True(answer.Ok, answer.Error);
        Assert.Equal(("legal-expert-tiktok-2024", "Surrey Police", "https://example.invalid/s"),
            (answer.Value!.Transcript.RequestId, answer.Value.Transcript.ForcePrinted, answer.Value.Transcript.SourceUrl));
    }

    [Fact]
    public void No_force_anywhere_is_one_sentence_naming_the_file_and_the_fix()
    {
        var path = Page("Freedom of information disclosure");
        var error = TestData.ExtractError(path, new ReadDefaults(TestData.Request));
        Assert.Equal($"{path}: which force answered is not known (its heading and letterhead name no force of forces.csv): pass --force <name>, or add a sidecar 'answer.html.meta.json' with \"force\"", error);
    }

    [Fact]
    public void Two_forces_in_the_heading_are_not_guessed_between()
    {
        var path = Page("Dorset Police and Devon and Cornwall Police: joint disclosure");
        var error = TestData.ExtractError(path, new ReadDefaults(TestData.Request));
        Assert.Contains("its heading names 2 forces (Devon & Cornwall Police, Dorset Police)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_alias_counts_only_as_printed_so_the_word_met_is_not_the_metropolitan_police()
    {
        var path = Page("We met the deadline for your request");
        var error = TestData.ExtractError(path, new ReadDefaults(TestData.Request));
        Assert.Contains("name no force", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_request_is_one_sentence_naming_the_file_and_the_fix()
    {
        var path = Page("Dorset Police");
        var error = TestData.ExtractError(path, new ReadDefaults(Force: "Dorset Police"));
        Assert.Equal($"{path}: which FOI request it answers is not known: pass --request <id>, or add a sidecar 'answer.html.meta.json' with \"request\"", error);
    }

    [Fact]
    public void In_a_folder_a_document_is_a_response_only_with_a_sidecar_or_a_request_id()
    {
        var path = Page("Dorset Police");
        Assert.False(new DocumentResponseReader().IsResponse(path));
        Assert.True(new DocumentResponseReader(new ReadDefaults(TestData.Request)).IsResponse(path));
        TestData.Sidecar(path);
        Assert.True(new DocumentResponseReader().IsResponse(path));
    }
}
