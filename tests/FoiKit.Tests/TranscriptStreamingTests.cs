using System.Globalization;
using System.Text;
using FoiKit.Model;
using FoiKit.Read;
using FoiKit.Testing;

namespace FoiKit.Tests;

/// <summary>
/// Large transcripts are streamed (<see cref="TranscriptReader.ReadStreaming"/>) and small ones read
/// in one pass from memory: the same transcript, the same rows and the same one-sentence failures as
/// reading the whole file into a document, for every buffer size (tiny buffers put chunk edges inside
/// every token).
/// </summary>
public class TranscriptStreamingTests
{
    private static readonly int[] BufferSizes = [16, 61, 4096, 1 << 16];

    private static string Describe(Parsed<ResponseTranscript> p)
    {
        if (!p.Ok) return "error: " + p.Error;
        var t = p.Value!;
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(" | ", t.SourceFile, t.RequestId, t.Kind, t.ForcePrinted, t.SourceUrl, t.RequestRef, t.ResponseDate,
            t.MethodNotes, t.Truncated, t.Notes, t.Tables.Count));
        foreach (var table in t.Tables)
        {
            sb.AppendLine($"table {table.Index} q={table.Question} caption={table.Caption} columns=[{string.Join("|", table.Columns)}] at={table.Location}");
            // Enumerated twice: each enumeration reads the rows afresh.
            for (var pass = 0; pass < 2; pass++)
                foreach (var row in table.Rows)
                    sb.AppendLine($"  {row.Number}: [{string.Join("|", row.Cells.Select(c => c is null ? "<null>" : c))}]");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The reference is the plain reader (a <see cref="System.Text.Json.JsonDocument"/> of the whole file): the
    /// one-pass reader that <see cref="TranscriptReader.Read"/> uses for files in memory, and the streaming
    /// reader at every buffer size, must give exactly what it gives.
    /// </summary>
    private static void AssertSame(string path)
    {
        var reference = Describe(TranscriptReader.ReadWithDocument(path));
        Assert.Equal(reference, Describe(TranscriptReader.Read(path)));
        foreach (var size in BufferSizes) Assert.Equal(reference, Describe(TranscriptReader.ReadStreaming(path, size)));
    }

    [Fact]
    public void Every_transcript_in_data_and_the_fixtures_streams_to_the_same_rows()
    {
        var files = new[] { Path.Combine(Repo.Data, "responses"), Path.Combine(Repo.Data, "articles"), Repo.PathOf("tests/FoiKit.Tests/fixtures/unseen") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json")).ToList();
        Assert.True(files.Count >= 10);

        foreach (var f in files) AssertSame(f);
    }

    [Theory]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [")]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("{ \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"press_release\", \"force\": \"Dorset\", \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\" }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": {} }")]
    [InlineData("{ \"schema\": \"foi-response/9\", \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"rows\": [] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\"] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\", [1]], \"rows\": [] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ 7, { \"columns\": [], \"rows\": [] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] } trailing")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] } // a comment after")]
    [InlineData("\uFEFF{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"request\": \"\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }")]
    [InlineData("{ \"request\": 12, \"kind\": \"FORCE_RESPONSE\", \"force\": {\"x\": 1}, \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"truncated\": true, \"truncated\": false, \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\",\"b\"], \"rows\": [[\"x\", \"1\"]] } ], \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ 7 ] } ]")]
    [InlineData("{ \"tables\": [ { \"columns\": [[1]], \"rows\": [] } ], \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"x\": tru }")]
    [InlineData("{ \"sch\\u0065ma\": \"foi-response/2\", \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\"], \"rows\": [[\"1\"]], \"rows\": [[\"2\"], [\"3\"]], \"columns\": [\"b\", \"c\"] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\"], \"rows\": [[ { \"k\" : /* c */ [1,  2,] } , \"\\u00e9\", 12.50, -3e-2 ]] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\"], \"rows\": [[\"\u00e9\u20ac\ud83d\ude00\"], [[\"\u00e9\"]]] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\"], \"rows\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] } ] }")]
    [InlineData("{ \"request\": \"r\", \"kind\": \"force_response\", \"force\": \"Dorset\", \"tables\": [ { \"columns\": [\"a\"], \"rows\": [[\"1\"], [\"2\" \"3\"]] } ] }")]
    public void Failures_and_odd_shapes_give_the_same_result_as_the_whole_file_reader(string text)
    {
        using var dir = new TempDir();
        var path = dir.File("t.json");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        AssertSame(path);
    }

    /// <summary>
    /// The reader of a file in memory gives a short ASCII text printed again as the string it made
    /// before (a small table of recent texts): the texts must be exactly the plain reader's, whatever
    /// shares or evicts a slot (the same text as a string and as a number, escaped and not, non-ASCII,
    /// long texts, thousands of distinct counts), and a second read of the file must agree too.
    /// </summary>
    [Fact]
    public void Repeated_cell_texts_read_from_memory_are_the_texts_the_whole_file_reader_gives()
    {
        using var dir = new TempDir();
        var labels = new[]
        {
            "\"Drug offences\"", "\"Drug\\u0020offences\"", "\"Caf\u00e9 crime\"", "\"Caf\\u00e9 crime\"", "\"12\"", "12", "12.0", "\"12.0\"", "-0", "1e3",
            "\"\"", "\" \"", "\"Total\"", "true", "false", "null", "\"" + new string('x', 96) + "\"", "\"" + new string('y', 97) + "\"",
            "\"" + new string('z', 300) + "\"", "\"tab\\there\"", "\"\\\"quoted\\\"\"", "\"\u20ac5\"",
        };
        var rows = new List<string>();
        var rng = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var label = labels[rng.Next(labels.Length)];
            var count = rng.Next(3) switch { 0 => rng.Next(100_000).ToString(CultureInfo.InvariantCulture), 1 => $"\"{rng.Next(3_000):N0}\"", _ => labels[rng.Next(labels.Length)] };
            rows.Add($"[{label}, {count}, \"{i % 7}\", {i % 5}]");
        }
        var path = dir.Write("repeats.json", $$"""
            { "request": "r", "kind": "force_response", "force": "Dorset",
              "tables": [ { "question": "1a", "columns": ["Offence", "Count", "a", "b"], "rows": [{{string.Join(",\n", rows)}}] } ] }
            """);

        AssertSame(path);
        AssertSame(path);
        var read = TranscriptReader.Read(path).Value!.Tables[0].Rows.ToList();
        var drugs = read.Where(r => r.Cells[0] == "Drug offences").Select(r => r.Cells[0]).ToList();
        Assert.True(drugs.Count > 100);
        // Half are printed with an escape (a new string each time); the others share one string.
        Assert.True(drugs.GroupBy(d => (object)d!, ReferenceEqualityComparer.Instance).Max(g => g.Count()) > drugs.Count / 4);
    }

    [Fact]
    public void Cells_of_every_kind_stream_as_the_whole_file_reader_reads_them()
    {
        using var dir = new TempDir();
        var path = dir.Write("cells.json", """
            {
              "tables": [
                { "rows": [["late columns", 1]], "question": "1a", "caption": "c", "columns": ["Offence", "Count", 3, null, true] },
                { "question": 1, "columns": ["Year", "Count"], "rows": [
                    ["2021/22", 14], ["2022/23", null], ["x", true, false, -0, 1.5e3, "esc\"aped \u00e9 \ud83d\ude00"],
                    "not a row", {"an": "object"}, [["nested"], {"o": [1, 2]}, "after"], [], [ ], /* comment */ ["a",],
                  ], "extra": {"ignored": [1, 2, {"deep": true}]} }
              ],
              "request": "r", "kind": "published_article", "force": "Dorset", "truncated": true,
              "source_url": "https://example.org", "notes": ["not text"], "method_notes": 5,
            }
            """);

        AssertSame(path);
        var t = TranscriptReader.ReadStreaming(path, 16).Value!;
        Assert.Equal(["Offence", "Count", "3", "", "true"], t.Tables[0].Columns);
        var rows = t.Tables[1].Rows.ToList();
        Assert.Equal(["x", "true", "false", "-0", "1.5e3", "esc\"aped \u00e9 \U0001F600"], rows[2].Cells);
        Assert.Equal([null], rows[3].Cells);
        Assert.Equal(["[\"nested\"]", "{\"o\": [1, 2]}", "after"], rows[5].Cells); // kept as written, so they are rejected, not blanked
        Assert.Equal(9, rows[^1].Number);
    }

    [Fact]
    public void A_big_file_is_streamed_by_read_and_a_file_changed_under_it_is_one_sentence()
    {
        using var dir = new TempDir();
        var synth = new SyntheticResponses(Kit.Reference, 400_000);
        var all = synth.All().ToList();
        var one = all[0] with { Tables = all.SelectMany(t => t.Tables).Select((t, i) => t with { Index = i + 1 }).ToList() };
        var path = dir.File("big.json");
        using (var stream = File.Create(path)) SyntheticResponses.WriteJson(one, stream);
        Assert.True(new FileInfo(path).Length >= TranscriptReader.StreamingThreshold);

        var read = TranscriptReader.Read(path);

        Assert.True(read.Ok, read.Error);
        Assert.Equal(one.Tables.Sum(t => t.Rows.Count()), read.Value!.Tables.Sum(t => t.Rows.Count()));
        File.AppendAllText(path, " ");
        var e = Assert.Throws<InvalidDataException>(() => read.Value!.Tables[0].Rows.First());
        Assert.StartsWith(path + ": the file changed", e.Message, StringComparison.Ordinal);
    }
}
