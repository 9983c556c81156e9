using System.Text;
using FoiKit.Formats.Tests.Fixtures;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Read;

namespace FoiKit.Formats.Tests;

/// <summary>How CSV and XLSX responses are found, read and traced back to their cells.</summary>
public sealed class ReaderTests
{
    private static readonly (string, string)[] About =
    [
        ("schema", "foi-response/1"), ("request", "legal-expert-tiktok-2024"), ("kind", "force_response"), ("force", "Dorset Police"),
        ("source_url", "https://example.invalid/synthetic"), ("notes", "SYNTHETIC test data"),
    ];

    private const string Meta = "schema,foi-response/1\nrequest,legal-expert-tiktok-2024\nkind,force_response\nforce,Dorset Police\nsource_url,https://example.invalid/synthetic\n";

    private static TidyDataset Load(string path) => NormaliseRun.Load(TestKit.Kit, path);

    private static string Write(string name, string text)
    {
        var path = Path.Combine(TestKit.TempDir("reader"), name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Xlsx_provenance_is_the_sheet_its_row_and_its_column()
    {
        var path = Path.Combine(TestKit.TempDir("prov"), "r.xlsx");
        var book = new XlsxBuilder();
        book.Sheet("about").Meta(About);
        var s = book.Sheet("Q1a");
        s.RowAt(3, 3, "Offences in 2023/24 (SYNTHETIC)");
        s.RowAt(5, 3, "Offence", "Count");
        s.RowAt(6, 3, "Harassment", 6);
        s.RowAt(7, 3, "Stalking", new XNum(1234, XlsxBuilder.Thousands));
        s.RowAt(8, 3, "Fraud", new XNum(0, XlsxBuilder.ZeroDash));
        s.RowAt(10, 3, "Source: SYNTHETIC");
        book.Save(path);

        var data = Load(path);
        Assert.DoesNotContain(data.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(3, data.Observations.Count);
        var h = data.Observations[0];
        Assert.Equal(("Q1a", 1, 6, 4), (h.Source.Location, h.Source.Table, h.Source.Row, h.Source.Column));
        Assert.Equal("1a", h.Question);
        Assert.Equal("8L", h.Category.Code);
        Assert.Equal(("1,234", 1234L), (data.Observations[1].Value.Raw, data.Observations[1].Value.Value!.Value));
        // A zero its format shows as "-" is the stored number, not a dash.
        Assert.Equal(("0", 0L, ValueStatus.Reported), (data.Observations[2].Value.Raw, data.Observations[2].Value.Value!.Value, data.Observations[2].Value.Status));
        Assert.Contains(data.Diagnostics, d => d.Message.Contains("read as notes", StringComparison.Ordinal) && d.Message.Contains("Source: SYNTHETIC", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_response_as_json_csv_and_xlsx_gives_the_same_tidy_rows()
    {
        var json = Path.Combine(TestKit.DataFolder, "responses", "dorset.json");
        var transcript = TranscriptReader.Read(json).Value!;
        var dir = TestKit.TempDir("same");
        var csv = new StringBuilder();
        csv.Append("schema,foi-response/1\n").Append($"request,{transcript.RequestId}\nkind,force_response\nforce,{transcript.ForcePrinted}\n");
        csv.Append($"source_url,{transcript.SourceUrl}\n");
        var book = new XlsxBuilder();
        book.Sheet("about").Meta(("schema", "foi-response/1"), ("request", transcript.RequestId), ("kind", "force_response"),
            ("force", transcript.ForcePrinted), ("source_url", transcript.SourceUrl), ("notes", "TRANSCRIPT of the response in data/responses/dorset.json, saved as XLSX for a test"));
        foreach (var t in transcript.Tables)
        {
            csv.Append($"\nQuestion {t.Question}\n").Append(string.Join(',', t.Columns.Select(Q))).Append('\n');
            var sheet = book.Sheet($"Q{t.Question}");
            sheet.Row([.. t.Columns]);
            foreach (var r in t.Rows)
            {
                csv.Append(string.Join(',', r.Cells.Select(c => Q(c ?? "")))).Append('\n');
                sheet.Row([.. r.Cells.Select(c => string.IsNullOrEmpty(c) ? null : (object)c)]);
            }
        }
        File.WriteAllText(Path.Combine(dir, "dorset.csv"), csv.ToString());
        book.Save(Path.Combine(dir, "dorset.xlsx"));

        static string Key(Observation o) => $"{o.Question}|{o.Period.Label}|{o.Period.Start}|{o.Category.Label}|{o.Category.Code}|{o.Value.Raw}|{o.Value.Value}|{o.Value.Status}";
        var fromJson = Load(json).Observations.Select(Key).ToList();
        Assert.NotEmpty(fromJson);
        Assert.Equal(fromJson, Load(Path.Combine(dir, "dorset.csv")).Observations.Select(Key).ToList());
        Assert.Equal(fromJson, Load(Path.Combine(dir, "dorset.xlsx")).Observations.Select(Key).ToList());

        static string Q(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    [Fact]
    public void Encodings_utf8_with_and_without_bom_windows_1252_and_utf16_read_the_same_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Meta + "\nQuestion 1a\nOffence,Count\n\u201cRevenge\u201d porn \u2013 £ offences,5\n";
        var dir = TestKit.TempDir("enc");
        var variants = new Dictionary<string, byte[]>
        {
            ["utf8.csv"] = new UTF8Encoding(false).GetBytes(text),
            ["bom.csv"] = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            ["cp1252.csv"] = Encoding.GetEncoding(1252).GetBytes(text),
            ["unicode.txt"] = BadInputCorpus.Utf16Tab(text),
            ["utf16-nobom.txt"] = Encoding.Unicode.GetBytes(text),
        };
        foreach (var (name, bytes) in variants)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            var data = Load(path);
            var o = Assert.Single(data.Observations);
            Assert.Equal("\u201cRevenge\u201d porn \u2013 £ offences", o.Category.Label);
            Assert.Equal(5, o.Value.Value);
            Assert.Equal(name == "cp1252.csv", data.Diagnostics.Any(d => d.Message.Contains("Windows-1252", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_master_sheet_becomes_one_response_per_force_with_a_table_per_question_and_master_row_numbers()
    {
        var path = Write("master.csv", "request,legal-expert-tiktok-2024\nkind,force_response\n\nforce,question,period,category,value,source_url\n" +
            "Dorset Police,1,2021/22,,14,https://example.invalid/a\nKent Police,1a,,Harassment,5,https://example.invalid/b\n" +
            "dorset police,1,2022/23,,16,https://example.invalid/a\nKent Police,1b,,Charged/Summonsed,2,https://example.invalid/b\n");
        var reader = (IMultiResponseReader)InputDiscovery.ReaderFor(path)!;
        var responses = reader.ReadAll(path).Select(r => r.Value!).ToList();
        Assert.Equal(["Dorset Police", "Kent Police"], responses.Select(r => r.ForcePrinted));
        Assert.Equal([1], responses[0].Tables.Select(t => t.Index));
        Assert.Equal([2, 3], responses[1].Tables.Select(t => t.Index));
        var data = Load(path);
        Assert.Equal([(5, 5), (7, 5), (6, 5), (8, 5)], data.Observations.Select(o => (o.Source.Row, o.Source.Column)));
        Assert.Equal(["dorset", "dorset", "kent", "kent"], data.Observations.Select(o => o.Force.Id));
        Assert.Equal("https://example.invalid/b", data.Observations[3].Source.Url);
    }

    [Fact]
    public void A_sidecar_can_say_what_a_plain_csv_is_and_is_skipped_in_folders()
    {
        var dir = TestKit.TempDir("sidecar");
        File.WriteAllText(Path.Combine(dir, "kent.csv"), "Question 1a\nOffence,Count\nHarassment,5\n");
        File.WriteAllText(Path.Combine(dir, "kent.csv.meta.json"), """{ "request": "legal-expert-tiktok-2024", "kind": "force_response", "force": "Kent Police", "source_url": "https://example.invalid/k" }""");
        var data = Load(dir);
        var o = Assert.Single(data.Observations);
        Assert.Equal(("kent", "https://example.invalid/k"), (o.Force.Id, o.Source.Url));
        Assert.Contains(data.Summary.Skipped, s => s.EndsWith("kent.csv.meta.json", StringComparison.Ordinal));
    }

    [Fact]
    public void In_the_kits_data_folder_reference_and_claims_csvs_are_skipped_not_read()
    {
        var files = InputDiscovery.Find([TestKit.DataFolder], out var skipped, out _);
        Assert.DoesNotContain(files, f => f.Contains("/reference/", StringComparison.Ordinal) || f.Contains("/claims/", StringComparison.Ordinal));
        Assert.Contains(skipped, f => f.EndsWith("reference/forces.csv", StringComparison.Ordinal));
        Assert.Contains(skipped, f => f.Contains("/claims/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("responses/dorset.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_tables_on_one_sheet_take_their_question_from_their_titles_and_skipped_rows_are_listed()
    {
        var path = Path.Combine(TestKit.TempDir("multi"), "m.xlsx");
        var book = new XlsxBuilder();
        book.Sheet("about").Meta(About);
        book.Sheet("Response").Row("Freedom of Information response (SYNTHETIC)").Row("Reference:", "FOI/2024/001").Blank()
            .Row("Question 1 - offences by year").Row("Year", "Count").Row("2021/22", 3).Row("2022/23", "4").Row("Total", 7)
            .Row("Note: figures are provisional").Blank(2)
            .Row("Q1a: nature of offences").Row("Offence", "Count").Row("Harassment", 2).Row("Stalking", "<5");
        book.Save(path);
        var data = Load(path);
        Assert.Equal(["1", "1", "1", "1a", "1a"], data.Observations.Select(o => o.Question));
        Assert.Equal([6, 7, 8, 14, 15], data.Observations.Select(o => o.Source.Row));
        var warnings = string.Join("\n", data.Diagnostics);
        Assert.Contains("Note: figures are provisional", warnings, StringComparison.Ordinal);
        Assert.Contains("row(s) 1-2 hold no figures", warnings, StringComparison.Ordinal);
        Assert.Contains("stored as text", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public void Hazards_are_reported_and_a_merged_label_applies_to_each_of_its_rows()
    {
        var path = Path.Combine(TestKit.GeneratedCorpus.Value, "xlsx-hazards.xlsx");
        var data = Load(path);
        Assert.Equal(["Harassment", "Stalking", "Fraud", "Total"], data.Observations.Select(o => o.Category.Label));
        Assert.Equal(1242, data.Observations[^1].Value.Value);
        Assert.Equal(ValueStatus.PrintedTotal, data.Observations[^1].Value.Status);
        var messages = data.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(messages, m => m.Contains("sheet 'workings'", StringComparison.Ordinal) && m.Contains("hidden", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("row(s) 6 are hidden", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("column(s) A are hidden", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Includes one crime later cancelled", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("C7 =SUM(C4:C6)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("master.xlsx", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("A4:A5", StringComparison.Ordinal) && m.Contains("copied to each row", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_bomb_is_refused_in_bounded_memory()
    {
        var path = Path.Combine(TestKit.TempDir("bomb"), "bomb.xlsx");
        XlsxBuilder.ZipBomb(path, 150);
        Assert.True(new FileInfo(path).Length < 2_000_000);
        // Allocation on this thread (the reader is synchronous): other tests running in parallel do not count.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = new XlsxResponseReader().Read(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.Ok);
        Assert.Contains("zip bomb", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 20_000_000, $"{allocated:N0} bytes allocated");
    }
}
