using FoiKit.Model;
using FoiKit.Read;

namespace FoiKit.Tests;

public class TranscriptReaderTests
{
    [Fact]
    public void Dorset_is_read_exactly_as_printed()
    {
        var path = Path.Combine(Repo.Data, "responses", "dorset.json");

        var parsed = TranscriptReader.Read(path);

        Assert.True(parsed.Ok, parsed.Error);
        var t = parsed.Value!;
        Assert.Equal(path, t.SourceFile);
        Assert.Equal(Kit.RequestId, t.RequestId);
        Assert.Equal(SourceKind.ForceResponse, t.Kind);
        Assert.Equal("Dorset Police", t.ForcePrinted);
        Assert.Equal("01/FIN/24/2153", t.RequestRef);
        Assert.Equal("22/07/2024", t.ResponseDate);
        Assert.True(t.Truncated);
        Assert.Equal(2, t.Tables.Count);
        var q1 = t.Tables[0];
        Assert.Equal((1, "1"), (q1.Index, q1.Question));
        Assert.Equal(["Time period", "Count"], q1.Columns);
        var rows = q1.Rows.ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(new SourceRow(1, ["6th Apr 2021 to 5th Apr 2022", "14"]).Cells, rows[0].Cells);
        Assert.Equal(["Total", "46"], rows[3].Cells);
        Assert.Equal(4, rows[3].Number);
        var q1a = t.Tables[1];
        Assert.Equal((2, "1a"), (q1a.Index, q1a.Question));
        Assert.Equal(["Crime Description", "Count", ""], q1a.Columns);
        Assert.Equal(["Obscene publications", "3", ""], q1a.Rows.ElementAt(3).Cells);
    }

    [Fact]
    public void Every_transcript_in_data_reads()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Data, "responses"), "*.json")
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Data, "articles"), "*.json")).ToList();

        Assert.True(files.Count >= 7);
        Assert.All(files, f => Assert.True(TranscriptReader.Read(f).Ok, f));
    }

    [Fact]
    public void Numbers_and_nulls_in_cells_are_kept_as_text()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.json", """
            { "request": "r", "kind": "force_response", "force": "Dorset",
              // comments and trailing commas are allowed in hand-written transcripts
              "tables": [ { "question": "1", "columns": ["Year", "Count"], "rows": [["2021/22", 14], ["2022/23", null],] } ] }
            """);

        var t = TranscriptReader.Read(path).Value!;

        var rows = t.Tables[0].Rows.ToList();
        Assert.Equal(["2021/22", "14"], rows[0].Cells);
        Assert.Equal(["2022/23", ""], rows[1].Cells);
    }

    [Theory]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [", "not valid JSON")]
    [InlineData("", "the file is empty")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }", "no 'request' id")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"press_release\", \"force\": \"Dorset\", \"tables\": [] }", "kind 'press_release'")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"tables\": [] }", "no 'force'")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\" }", "no 'tables'")]
    [InlineData("{ \"schema\": \"foi-response/9\", \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }", "schema 'foi-response/9'")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"rows\": [] } ] }", "table 1 has no 'columns'")]
    public void An_unusable_file_fails_with_one_sentence_naming_the_file(string text, string why)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.json", text);

        var parsed = TranscriptReader.Read(path);

        Assert.False(parsed.Ok);
        Assert.StartsWith(path + ": ", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(why, parsed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_fails_with_a_reason_naming_it()
    {
        var parsed = TranscriptReader.Read("/no/such/folder/t.json");

        Assert.False(parsed.Ok);
        Assert.StartsWith("/no/such/folder/t.json: cannot be read", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_definitions_are_not_mistaken_for_transcripts()
    {
        Assert.False(TranscriptReader.LooksLikeTranscript(Path.Combine(Repo.Data, "requests", Kit.RequestId + ".json")));
        Assert.True(TranscriptReader.LooksLikeTranscript(Path.Combine(Repo.Data, "responses", "dorset.json")));
    }
}
