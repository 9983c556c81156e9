using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FoiKit.Present;

namespace FoiKit.Formats.Tests;

/// <summary>tidy.xlsx (Analysis Function style), the people's CSV, and deterministic output.</summary>
public sealed class WriterTests
{
    private const string Meta = "schema,foi-response/1\nrequest,legal-expert-tiktok-2024\nkind,force_response\nforce,Dorset Police\nsource_url,https://example.invalid/synthetic\nnotes,SYNTHETIC test data\n";

    private static string Inputs()
    {
        var dir = TestKit.TempDir("writer-in");
        File.WriteAllText(Path.Combine(dir, "a.csv"), Meta + "\nQuestion 1a\nOffence,Count\n=1+1,5\n@SUM(A1),*\n+44 offence,-\n-minus,[x]\nHarassment,\"1,234\"\nStalking,-3\n");
        File.WriteAllText(Path.Combine(dir, "b.csv"), Meta.Replace("Dorset Police", "Kent Police", StringComparison.Ordinal) + "\nQuestion 1\nPeriod,Count\n2021/22,14\n2022/23,<5\nTotal,20\n");
        return dir;
    }

    [Fact]
    public void Tidy_xlsx_is_one_table_per_sheet_with_notes_symbols_and_no_formulas_or_merged_cells()
    {
        var input = Inputs();
        var outDir = TestKit.TempDir("writer-out");
        var xlsx = Path.Combine(outDir, "tidy.xlsx");
        var (code, _, stderr) = TestKit.Cli("normalise", input, "--out", Path.Combine(outDir, "tidy.csv"), "--xlsx", xlsx);
        Assert.True(code == 0, stderr);

        using var doc = SpreadsheetDocument.Open(xlsx, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => e.Description));
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Cover", "Contents", "Notes", "Sources", "Observations", "Rejects"], names);
        var strings = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue?.Text ?? "";

        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            Assert.Empty(ws.Descendants<MergeCells>());
            Assert.Empty(ws.Descendants<CellFormula>());
            foreach (var cell in ws.Descendants<Cell>())
            {
                // Text is always a shared string (never a formula, never a number stored as text by accident).
                if (cell.DataType is null) Assert.True(long.TryParse(cell.CellValue!.Text, out _), $"{cell.CellReference} is a number cell holding '{cell.CellValue.Text}'");
                else Assert.Equal(CellValues.SharedString, cell.DataType.Value);
            }
        }

        var obs = ((WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Observations").Id!)).Worksheet;
        var rows = obs.Descendants<Row>().ToList();
        Assert.StartsWith("Tidy observations", Text(rows[0].Elements<Cell>().First()), StringComparison.Ordinal);
        Assert.Equal(TidyCsv.Columns, rows[2].Elements<Cell>().Select(Text).ToArray());
        var valueColumn = Array.IndexOf(TidyCsv.Columns, "value");
        var rawColumn = Array.IndexOf(TidyCsv.Columns, "raw_value");
        var values = rows.Skip(3).Select(r => r.Elements<Cell>().ToDictionary(c => c.CellReference!.Value!, Text)).ToList();
        string Col(int i) => FoiKit.Read.Spreadsheets.CellRef.Column(i + 1);
        var pairs = rows.Skip(3).Select(r => (
            Value: Text(r.Elements<Cell>().First(c => c.CellReference!.Value!.StartsWith(Col(valueColumn), StringComparison.Ordinal) && char.IsDigit(c.CellReference!.Value![Col(valueColumn).Length]))),
            Raw: Text(r.Elements<Cell>().First(c => c.CellReference!.Value!.StartsWith(Col(rawColumn), StringComparison.Ordinal) && char.IsDigit(c.CellReference!.Value![Col(rawColumn).Length]))))).ToList();
        Assert.Contains(("[c]", "*"), pairs);
        Assert.Contains(("[c]", "<5"), pairs);
        Assert.Contains(("[x]", "-"), pairs);
        Assert.Contains(("1234", "1,234"), pairs);
        Assert.DoesNotContain(pairs, p => p.Value is "" or "*");
        var labels = rows.Skip(3).SelectMany(r => r.Elements<Cell>()).Select(Text).ToList();
        Assert.Contains("=1+1", labels); // kept as printed, as text
        Assert.Contains(strings, s => s.StartsWith("[c] means", StringComparison.Ordinal));
        Assert.Contains(strings, s => s == "https://example.invalid/synthetic");
    }

    [Fact]
    public void People_csv_escapes_formula_starts_but_leaves_numbers_and_the_machine_csv_alone()
    {
        var input = Inputs();
        var outDir = TestKit.TempDir("writer-people");
        var tidy = Path.Combine(outDir, "tidy.csv");
        var people = Path.Combine(outDir, "people.csv");
        var (code, _, stderr) = TestKit.Cli("normalise", input, "--out", tidy, "--people-csv", people);
        Assert.True(code == 0, stderr);
        var bytes = File.ReadAllBytes(people);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        // CsvHelper escapes a formula start with a single quote and quotes the field: Excel shows '=1+1 as the text =1+1.
        Assert.Contains(",\"'=1+1\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(A1)\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'+44 offence\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'-minus\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'-\",", text, StringComparison.Ordinal); // the "not available" dash as printed
        Assert.Contains(",1234,reported,\"1,234\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=1+1,", text, StringComparison.Ordinal);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var machine = File.ReadAllText(tidy);
        Assert.Contains(",=1+1,", machine, StringComparison.Ordinal);
        Assert.DoesNotContain("'=1+1", machine, StringComparison.Ordinal);
    }

    /// <summary>Label by label, through foi normalise --people-csv: signed numbers stay numbers, formula starts become text.</summary>
    [Theory]
    [InlineData("-3", "-3")]
    [InlineData("-3.50", "-3.50")]
    [InlineData("+12.5", "12.5")]
    [InlineData("=A1", "\"'=A1\"")]
    [InlineData("@A1", "\"'@A1\"")]
    [InlineData("Harassment", "Harassment")]
    public void People_csv_writes_each_label_safely(string printed, string written)
    {
        var input = TestKit.TempDir("people-in");
        File.WriteAllText(Path.Combine(input, "a.csv"), Meta + "\nQuestion 1a\nOffence,Count\n" + printed + ",4\n");
        var people = Path.Combine(TestKit.TempDir("people-out"), "people.csv");

        var (code, _, stderr) = TestKit.Cli("normalise", input, "--out", Path.Combine(Path.GetDirectoryName(people)!, "tidy.csv"), "--people-csv", people);

        Assert.True(code == 0, stderr);
        var record = File.ReadAllText(people).Split("\r\n")[1];
        Assert.Contains("," + written + ",", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalising_the_same_inputs_twice_in_any_order_gives_byte_identical_outputs()
    {
        var input = Inputs();
        File.Copy(Path.Combine(TestKit.DataFolder, "responses", "dorset.json"), Path.Combine(input, "dorset.json"));
        var book = new Fixtures.XlsxBuilder();
        book.Sheet("about").Meta(("schema", "foi-response/1"), ("request", "legal-expert-tiktok-2024"), ("kind", "force_response"), ("force", "Cleveland Police"));
        book.Sheet("1a").Row("Offence", "Count").Row("Harassment", 4).Row("Stalking", "*");
        book.Save(Path.Combine(input, "c.xlsx"));
        File.WriteAllText(Path.Combine(input, "master.csv"), "force,question,period,category,value,request,kind\nGwent Police,1,2021/22,,3,legal-expert-tiktok-2024,force_response\nKent Police,1a,,Fraud,2,legal-expert-tiktok-2024,force_response\n");
        var files = Directory.GetFiles(input).Order(StringComparer.Ordinal).ToArray();

        string Run(string name, string[] args)
        {
            var dir = Path.Combine(TestKit.TempDir("det"), name);
            var (code, _, stderr) = TestKit.Cli(["normalise", .. args, "--out", Path.Combine(dir, "tidy.csv"), "--rejects", Path.Combine(dir, "rejects.csv"),
                "--xlsx", Path.Combine(dir, "tidy.xlsx"), "--people-csv", Path.Combine(dir, "people.csv")]);
            Assert.True(code == 0, stderr);
            return string.Join(" ", new[] { "tidy.csv", "rejects.csv", "tidy.xlsx", "people.csv" }
                .Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, f))))));
        }

        var first = Run("folder", [input]);
        Assert.Equal(first, Run("again", [input]));
        Assert.Equal(first, Run("files", files));
        Assert.Equal(first, Run("reversed", [.. files.Reverse()]));
        Assert.Equal(first, Run("shuffled", [files[2], files[0], .. files.Skip(3), files[1]]));
    }
}
