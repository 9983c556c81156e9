using System.Globalization;
using System.Text;
using System.Text.Json;
using FoiKit.Formats.Tests.Fixtures;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace FoiKit.Formats.Tests;

/// <summary>
/// Property tests over random tables in every supported shape (long by period, long by category,
/// wide; with totals, suppression markers, bad cells, offsets) and every input format (JSON
/// transcript, CSV in four encodings, XLSX with a sheet per table or many tables on one sheet,
/// master sheets as CSV and XLSX): every data cell in comes out once, as a tidy row or a reject;
/// its raw text is preserved; its provenance (file, sheet, row, column) points at the cell.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    /// <summary>How a value cell is written: as text, or (XLSX) as a number, plain or with a "#,##0" format.</summary>
    public enum NumberKind { Text, Plain, Thousands }

    public sealed record CellSpec(string Text, NumberKind Kind)
    {
        /// <summary>What the reader must report as raw_value.</summary>
        public string Raw(bool xlsx) => !xlsx || Kind == NumberKind.Text ? Text
            : Kind == NumberKind.Thousands ? long.Parse(Text, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture) : Text;
    }

    public sealed record TableSpec(string Question, string[] Header, List<string> Labels, List<CellSpec[]> Values, int ColumnOffset, bool Title);

    public sealed record MasterRow(string Force, string Question, string Period, string Category, CellSpec Value);

    private static readonly string[] PeriodLabels = ["2021/22", "2022/23", "2023/24", "6th Apr 2021 to 5th Apr 2022", "FY 2022-23", "April 2023 - March 2024", "Total"];
    private static readonly string[] CategoryLabels = ["Harassment", "8L - Harassment", "Stalking", "Malicious Communications", "Blackmail", "Fraud",
        "Assault, common", "\"Revenge\" porn", "Charged/Summonsed", "Outcome 16", "Caution", "Other", "Total", "=1+1", "Cost £ \u201cquoted\u201d"];
    private static readonly string[] Forces = ["Dorset Police", "Kent Police", "Cleveland Police", "Avon & Somerset", "Thames Valley Police", "Gwent Police"];

    private static Gen<CellSpec> ValueGen() => Gen.Frequency(
        (6, Gen.Choose(0, 99_999).Select(n => new CellSpec(n.ToString(CultureInfo.InvariantCulture), NumberKind.Text))),
        (3, Gen.Choose(0, 99_999).SelectMany(n => Gen.Elements(NumberKind.Plain, NumberKind.Thousands), (n, k) => new CellSpec(n.ToString(CultureInfo.InvariantCulture), k))),
        (1, Gen.Choose(1000, 999_999).Select(n => new CellSpec(n.ToString("#,##0", CultureInfo.InvariantCulture), NumberKind.Text))),
        (2, Gen.Elements("*", "<5", "[c]", "-", "N/A", "Not held", "[x]", "").Select(t => new CellSpec(t, NumberKind.Text))),
        (2, Gen.Elements("twelve", "-3", "2.5", "40%", "n/k", "£12", "(4)").Select(t => new CellSpec(t, NumberKind.Text))),
        (1, Gen.Elements(-3, -12).Select(n => new CellSpec(n.ToString(CultureInfo.InvariantCulture), NumberKind.Plain))));

    private static Gen<TableSpec> TableGen() =>
        from shape in Gen.Choose(0, 2)
        from question in Gen.Frequency((10, Gen.Elements(shape == 0 ? ["1"] : shape == 1 ? new[] { "1a", "1b" } : ["1a", "1b", "1"])), (1, Gen.Constant("9z")))
        from rowCount in Gen.Choose(1, 6)
        from wideCols in Gen.SubListOf(new[] { "2021/22", "2022/23", "2023/24", "Total" }).Where(l => l.Count > 0)
        from labels in Gen.ListOf(Gen.Elements(shape == 0 ? PeriodLabels : CategoryLabels), rowCount)
        from values in Gen.ListOf(Gen.ArrayOf(ValueGen(), shape == 2 ? wideCols.Count : 1), rowCount)
        from anchor in Gen.Choose(1, 5_000)
        from offset in Gen.Choose(0, 2)
        from title in Gen.Elements(true, false)
        select Build(shape, question, wideCols, labels, values, anchor, offset, title);

    private static TableSpec Build(int shape, string question, IEnumerable<string> wideCols, IEnumerable<string> labels, IEnumerable<CellSpec[]> values,
        int anchor, int offset, bool title)
    {
        string[] header = shape switch
        {
            0 => ["Time period", "Count"],
            1 => [question == "1b" ? "Outcome" : "Offence", "Count"],
            _ => ["Offence", .. wideCols],
        };
        var rows = values.Select(v => v.ToArray()).ToList();
        // Every table holds at least one plain count, so it is recognisably a table of figures.
        rows[0][0] = new CellSpec(anchor.ToString(CultureInfo.InvariantCulture), NumberKind.Text);
        return new TableSpec(question, header, [.. labels], rows, offset, title);
    }

    private static Gen<List<TableSpec>> DocGen(int max) => Gen.Choose(1, max).SelectMany(n => Gen.ListOf(TableGen(), n)).Select(l => l.ToList());

    private static Gen<List<MasterRow>> MasterGen() =>
        Gen.Choose(1, 40).SelectMany(n => Gen.ListOf(
            from force in Gen.Elements(Forces)
            from question in Gen.Elements("1", "1a", "1b")
            from period in Gen.Elements(PeriodLabels)
            from category in Gen.Elements(CategoryLabels)
            from value in ValueGen()
            select new MasterRow(force, question, question == "1" ? period : "", question == "1" ? "" : category, value), n))
        .Select(l => l.ToList());

    private int _tables;
    private readonly HashSet<string> _layouts = [];

    private void Count(string shape, int tables) => _tables += tables;

    private void Count(IEnumerable<TableSpec> doc)
    {
        foreach (var t in doc) _layouts.Add(t.Header[0] == "Time period" ? "long by period" : t.Header.Length > 2 || t.Header[1] != "Count" ? "wide" : "long by category");
    }

    /// <summary>Each property reports how many tables it checked and must have seen every layout.</summary>
    private void Report(string shape, int atLeast, bool layouts = true)
    {
        output.WriteLine($"{shape}: {_tables} random tables checked; layouts: {string.Join(", ", _layouts.Order())}");
        Assert.True(_tables >= atLeast, $"{shape}: only {_tables} tables");
        if (layouts) Assert.Equal(3, _layouts.Count);
    }

    /// <summary>The expected cells: (location, row, column) to raw text.</summary>
    private sealed class Expected : Dictionary<(string Location, int Table, int Row, int Column), string>;

    private static void Check(string path, Expected expected, bool byTable)
    {
        var data = NormaliseRun.Load(TestKit.Kit, path);
        var errors = data.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        if (expected.Count != data.Observations.Count + data.Rejects.Count)
        {
            var got = data.Observations.Select(o => (o.Source.Location, byTable ? o.Source.Table : 0, o.Source.Row, o.Source.Column))
                .Concat(data.Rejects.Select(r => (r.Source.Location, byTable ? r.Source.Table : 0, r.Source.Row, r.Source.Column))).ToHashSet();
            var missing = expected.Keys.Where(k => !got.Contains(k)).Take(5);
            var copy = Path.Combine(Path.GetTempPath(), "foikit-formats-tests", "failed-case" + Path.GetExtension(path));
            File.Copy(path, copy, true);
            Assert.Fail($"{expected.Count} cells in, {data.Observations.Count} + {data.Rejects.Count} out; missing {string.Join(" ", missing)}; case kept as {copy}; " +
                string.Join("\n", data.Diagnostics));
        }
        var seen = new HashSet<(string, int, int, int)>();
        foreach (var (source, raw, value) in data.Observations.Select(o => (o.Source, o.Value.Raw, (long?)o.Value.Value))
                     .Concat(data.Rejects.Select(r => (r.Source, r.RawValue, (long?)null))))
        {
            Assert.Equal(path, source.SourceFile);
            var key = (source.Location, byTable ? source.Table : 0, source.Row, source.Column);
            Assert.True(expected.TryGetValue(key, out var want), $"{path}: no input cell at {key} (raw '{raw}')");
            Assert.True(seen.Add(key), $"{path}: cell {key} came out twice");
            Assert.Equal(want, raw);
            if (value is { } n) Assert.Equal(CellValueParser.Parse(want).Value.Value, n);
        }
    }

    private static void Run<T>(Gen<T> gen, int cases, Action<T> check) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), Prop.ForAll(gen.ToArbitrary(), check));

    private static readonly string MetaCsv = "schema,foi-response/1\nrequest,legal-expert-tiktok-2024\nkind,force_response\nforce,Dorset Police\nsource_url,https://example.invalid/synthetic\nnotes,SYNTHETIC property-test data\n";

    [Fact]
    public void Json_transcripts_every_cell_out_once_with_its_raw_text_and_provenance()
    {
        var dir = TestKit.TempDir("prop-json");
        var path = Path.Combine(dir, "case.json");
        Run(DocGen(6), 2_000, doc =>
        {
            var expected = new Expected();
            using (var stream = File.Create(path))
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                foreach (var (k, v) in new[] { ("schema", "foi-response/1"), ("request", "legal-expert-tiktok-2024"), ("kind", "force_response"), ("force", "Dorset Police") })
                    w.WriteString(k, v);
                w.WriteStartArray("tables");
                for (var t = 0; t < doc.Count; t++)
                {
                    var table = doc[t];
                    w.WriteStartObject();
                    w.WriteString("question", table.Question);
                    w.WriteStartArray("columns");
                    foreach (var h in table.Header) w.WriteStringValue(h);
                    w.WriteEndArray();
                    w.WriteStartArray("rows");
                    for (var r = 0; r < table.Labels.Count; r++)
                    {
                        w.WriteStartArray();
                        w.WriteStringValue(table.Labels[r]);
                        for (var c = 0; c < table.Values[r].Length; c++)
                        {
                            w.WriteStringValue(table.Values[r][c].Text);
                            expected[("", t + 1, r + 1, c + 2)] = table.Values[r][c].Text;
                        }
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            Count("json", doc.Count);
            Count(doc);
            Check(path, expected, byTable: true);
        });
        Report("json", 5_000);
    }

    [Theory]
    [InlineData("utf8", ',')]
    [InlineData("utf8-bom", ',')]
    [InlineData("windows-1252", ',')]
    [InlineData("utf16", '\t')]
    public void Csv_files_every_cell_out_once_with_its_raw_text_and_provenance(string encoding, char separator)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var dir = TestKit.TempDir("prop-csv");
        var path = Path.Combine(dir, encoding == "utf16" ? "case.txt" : "case.csv");
        Run(DocGen(5), 1_000, doc =>
        {
            var expected = new Expected();
            var sb = new StringBuilder();
            var line = 0;
            void Line(IEnumerable<string> cells)
            {
                sb.Append(string.Join(separator, cells.Select(c => Quote(c, separator)))).Append("\r\n");
                line++;
            }
            foreach (var l in MetaCsv.TrimEnd('\n').Split('\n')) Line(l.Split(',', 2));
            foreach (var table in doc)
            {
                Line([]);
                Line([$"Question {table.Question}"]);
                var pad = Enumerable.Repeat("", table.ColumnOffset).ToArray();
                Line([.. pad, .. table.Header]);
                for (var r = 0; r < table.Labels.Count; r++)
                {
                    Line([.. pad, table.Labels[r], .. table.Values[r].Select(v => v.Text)]);
                    for (var c = 0; c < table.Values[r].Length; c++) expected[("", 0, line, table.ColumnOffset + c + 2)] = table.Values[r][c].Text;
                }
            }
            var text = sb.ToString();
            byte[] bytes = encoding switch
            {
                "utf8" => new UTF8Encoding(false).GetBytes(text),
                "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
                "windows-1252" => Encoding.GetEncoding(1252).GetBytes(text),
                _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            };
            File.WriteAllBytes(path, bytes);
            Count($"csv {encoding}", doc.Count);
            Count(doc);
            Check(path, expected, byTable: false);
        });
        Report($"csv {encoding}", 2_500);
    }

    private static string Quote(string cell, char separator) =>
        cell.Contains(separator) || cell.Contains('"') || cell.Contains('\n') ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Xlsx_workbooks_every_cell_out_once_with_its_raw_text_and_provenance(bool oneSheet)
    {
        var dir = TestKit.TempDir("prop-xlsx");
        var path = Path.Combine(dir, "case.xlsx");
        Run(DocGen(oneSheet ? 8 : 6), 700, doc =>
        {
            var expected = new Expected();
            var book = new XlsxBuilder { InlineStrings = doc.Count % 2 == 0 };
            book.Sheet("about").Meta(("schema", "foi-response/1"), ("request", "legal-expert-tiktok-2024"), ("kind", "force_response"), ("force", "Dorset Police"));
            var shared = oneSheet ? book.Sheet("Response") : null;
            for (var t = 0; t < doc.Count; t++)
            {
                var table = doc[t];
                var sheet = shared ?? book.Sheet(t == 0 || doc.Take(t).All(x => x.Question != table.Question) ? $"Q{table.Question}" : $"Table {t + 1}");
                if (shared is not null && t > 0) sheet.Blank();
                if (shared is not null || table.Title || sheet.Name.StartsWith("Table", StringComparison.Ordinal))
                    sheet.RowFrom(1 + table.ColumnOffset, $"Question {table.Question}");
                sheet.RowFrom(1 + table.ColumnOffset, table.Header);
                for (var r = 0; r < table.Labels.Count; r++)
                {
                    var row = sheet.NextRow;
                    object?[] cells = [table.Labels[r], .. table.Values[r].Select(Cell)];
                    sheet.RowFrom(1 + table.ColumnOffset, cells);
                    for (var c = 0; c < table.Values[r].Length; c++)
                        if (table.Values[r][c].Text.Length > 0 || true)
                            expected[(sheet.Name, 0, row, table.ColumnOffset + c + 2)] = table.Values[r][c].Raw(xlsx: true);
                }
            }
            book.Save(path);
            Count(oneSheet ? "xlsx tables on one sheet" : "xlsx sheet per table", doc.Count);
            Count(doc);
            Check(path, expected, byTable: false);
        });
        Report(oneSheet ? "xlsx tables on one sheet" : "xlsx sheet per table", 2_000);
    }

    private static object? Cell(CellSpec v) => v.Kind switch
    {
        NumberKind.Plain => (object)long.Parse(v.Text, CultureInfo.InvariantCulture),
        NumberKind.Thousands => new XNum(long.Parse(v.Text, CultureInfo.InvariantCulture), XlsxBuilder.Thousands),
        _ => v.Text.Length == 0 ? null : v.Text,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Master_sheets_every_row_out_once_with_its_raw_text_and_provenance(bool xlsx)
    {
        var dir = TestKit.TempDir("prop-master");
        var path = Path.Combine(dir, xlsx ? "master.xlsx" : "master.csv");
        var columnOrders = new[]
        {
            new[] { "force", "question", "period", "category", "value", "request", "kind" },
            new[] { "Request", "Kind", "Police force", "Question", "Value", "Period", "Category" },
        };
        Run(MasterGen().SelectMany(rows => Gen.Choose(0, 1), (rows, order) => (rows, order)), xlsx ? 700 : 1_000, c =>
        {
            var (rows, orderIndex) = c;
            var order = columnOrders[orderIndex];
            var valueColumn = Array.FindIndex(order, h => h.Equals("value", StringComparison.OrdinalIgnoreCase)) + 1;
            string Field(MasterRow r, string h) => h.ToLowerInvariant() switch
            {
                "force" or "police force" => r.Force,
                "question" => r.Question,
                "period" => r.Period,
                "category" => r.Category,
                "request" => "legal-expert-tiktok-2024",
                "kind" => "force_response",
                _ => r.Value.Text,
            };
            var expected = new Expected();
            var location = xlsx ? "master" : "";
            if (xlsx)
            {
                var book = new XlsxBuilder();
                var sheet = book.Sheet("master").Row("notes", "SYNTHETIC property-test data").Blank().Row(order);
                foreach (var r in rows)
                {
                    expected[(location, 0, sheet.NextRow, valueColumn)] = r.Value.Raw(xlsx: true);
                    sheet.Row([.. order.Select(h => h.Equals("value", StringComparison.OrdinalIgnoreCase) ? Cell(r.Value) : (object?)NullIfEmpty(Field(r, h)))]);
                }
                book.Save(path);
            }
            else
            {
                var sb = new StringBuilder("notes,SYNTHETIC property-test data\n\n" + string.Join(',', order) + "\n");
                var line = 3;
                foreach (var r in rows)
                {
                    line++;
                    sb.Append(string.Join(',', order.Select(h => Quote(Field(r, h), ',')))).Append('\n');
                    expected[(location, 0, line, valueColumn)] = r.Value.Text;
                }
                File.WriteAllText(path, sb.ToString());
            }
            Count(xlsx ? "master sheet xlsx" : "master sheet csv", rows.Select(r => (r.Force, r.Question)).Distinct().Count());
            Check(path, expected, byTable: false);
        });
        Report(xlsx ? "master sheet xlsx" : "master sheet csv", 5_000, layouts: false);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
