using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read.Spreadsheets;

namespace FoiKit.Read;

/// <summary>
/// Turns the sheets of a CSV file or workbook into responses: metadata (block, about sheet,
/// sidecar), tables found on each sheet, and master sheets. Shared by the CSV and XLSX readers.
/// </summary>
public static class SpreadsheetAssembler
{
    /// <summary>What to do when a file does not say what it is.</summary>
    public const string MarkerHelp =
        "it is not marked as an FOI response: start it with metadata lines ('schema,foi-response/1', 'request,…', 'kind,…', 'force,…'), " +
        "or add a sheet named 'about' with them, or a sidecar file '<name>.meta.json', or use the master-sheet header (force, question, period, category, value)";

    /// <summary>Sheet names that hold a workbook's metadata rather than figures.</summary>
    public static bool IsAboutSheet(string name) => LabelKey.Of(name) is "about" or "metadata" or "meta" or "about this response";

    /// <summary>True when metadata says "I am a response" (schema or request given).</summary>
    internal static bool IsMarker(ResponseMetadata m) => m.Has("schema") || m.Has("request");

    /// <summary>Reads responses from sheets already loaded; file-level <paramref name="warnings"/> go with the first response.</summary>
    public static List<Parsed<ResponseTranscript>> Assemble(string path, IReadOnlyList<Grid> sheets, ResponseMetadata? sidecar,
        List<Diagnostic> warnings, bool isWorkbook)
    {
        var fileMeta = new ResponseMetadata();
        var marked = sidecar is not null;
        var blocks = new Dictionary<Grid, (ResponseMetadata Meta, int Used)>();

        // Pass 1: metadata from about sheets and from the key,value block at the top of each sheet.
        foreach (var grid in sheets)
        {
            if (isWorkbook && IsAboutSheet(grid.Name))
            {
                marked = true;
                var notRead = new List<int>();
                foreach (var row in grid.Rows)
                {
                    if (ResponseMetadata.KeyOf(row.Cell(0)) is { } key && row.LastFilled <= 1) fileMeta.Offer(key, row.Cell(1), $"sheet '{grid.Name}' row {row.Number}");
                    else if (!(row == grid.Rows[0] && LabelKey.Of(row.Cell(0)) is "key" or "field" or "name" or "item")) notRead.Add(row.Number);
                }
                if (notRead.Count > 0)
                    warnings.Add(new Diagnostic(Severity.Warning, path,
                        $"row(s) {CellRef.Rows(notRead)} are not 'key | value' rows with a known key ({string.Join(", ", ResponseMetadata.Keys)}) and were not read",
                        Location: grid.Name));
                continue;
            }
            var meta = new ResponseMetadata();
            var used = ResponseMetadata.ReadBlock(grid, meta, isWorkbook ? $"sheet '{grid.Name}' " : "");
            blocks[grid] = (meta, used);
            if (IsMarker(meta)) marked = true;
            foreach (var key in meta.PresentKeys.Where(k => k is not ("question" or "caption")).Order(StringComparer.Ordinal))
            {
                if (fileMeta.Has(key) && fileMeta[key] != meta[key])
                    warnings.Add(new Diagnostic(Severity.Warning, path,
                        $"'{key}' is '{CellValueParser.Show(meta[key])}' here but '{CellValueParser.Show(fileMeta[key])}' in {fileMeta.Origin[key]}; the first is used",
                        Location: grid.Name));
                fileMeta.Offer(key, meta[key], meta.Origin[key]);
            }
        }
        if (sidecar is not null) fileMeta = fileMeta.With(sidecar);

        // Pass 2: master sheets and tables, numbered in sheet order.
        var tableIndex = 0;
        var tables = new List<SourceTable>();
        var results = new List<(int First, Parsed<ResponseTranscript> Response)>();
        var sheetsWithoutTables = new List<string>();
        foreach (var grid in sheets)
        {
            if (!blocks.TryGetValue(grid, out var block)) continue;
            var sheetName = grid.Name;
            void Warn(int row, string message) => warnings.Add(new Diagnostic(Severity.Warning, path, message, Location: sheetName));
            var headerIndex = MasterSheet.FindHeader(grid, block.Used, out var columns);
            if (headerIndex >= 0)
            {
                marked = true;
                results.AddRange(MasterSheet.Read(path, grid, headerIndex, columns, block.Meta.With(fileMeta), ref tableIndex, Warn));
                continue;
            }
            var found = TableFinder.Find(grid, block.Used, Warn);
            if (found.Count == 0 && grid.Rows.Count > block.Used) sheetsWithoutTables.Add(sheetName);
            var sheetQuestion = block.Meta["question"] is { Length: > 0 } q ? q
                : TableFinder.QuestionInSheetName(sheetName) is { Length: > 0 } sq ? sq
                : fileMeta["question"];
            foreach (var f in found)
            {
                tableIndex++;
                var question = f.TitleQuestion.Length > 0 ? f.TitleQuestion : sheetQuestion;
                var caption = f.Caption.Length > 0 ? f.Caption : block.Meta["caption"] is { Length: > 0 } c ? c : fileMeta["caption"];
                tables.Add(ToSourceTable(f, tableIndex, question, caption, sheetName, grid.PadRows));
            }
        }

        if (!marked) return [Parsed<ResponseTranscript>.Fail($"{path}: {MarkerHelp}")];
        if (tables.Count > 0)
        {
            var required = fileMeta.Require();
            if (!required.Ok)
            {
                results.Add((tables[0].Index, Parsed<ResponseTranscript>.Fail($"{path}: {required.Error}")));
            }
            else
            {
                var (request, kind, force, truncated) = required.Value;
                results.Add((tables[0].Index, Parsed<ResponseTranscript>.Success(new ResponseTranscript(
                    path, request, kind, force, fileMeta["source_url"], fileMeta["request_ref"], fileMeta["response_date"],
                    fileMeta["method_notes"], truncated, fileMeta["notes"], tables))));
            }
        }
        if (results.Count == 0)
        {
            var where = isWorkbook
                ? sheetsWithoutTables.Count > 0 ? $" (sheets read: {string.Join(", ", sheetsWithoutTables.Select(s => $"'{s}'"))})" : " (it has no sheets with anything on them)"
                : "";
            return [Parsed<ResponseTranscript>.Fail(
                $"{path}: no table of figures was found{where}: a table needs a header row above rows that hold counts or suppression markers")];
        }

        results.Sort((a, b) => a.First.CompareTo(b.First));
        var list = results.Select(r => r.Response).ToList();
        var firstOk = list.FindIndex(r => r.Ok);
        if (firstOk >= 0 && warnings.Count > 0)
        {
            var t = list[firstOk].Value!;
            list[firstOk] = Parsed<ResponseTranscript>.Success(t with { Warnings = [.. warnings, .. t.Warnings] });
        }
        return list;
    }

    private static SourceTable ToSourceTable(FoundTable f, int index, string question, string caption, string location, bool pad)
    {
        var width = f.LastColumn - f.FirstColumn + 1;
        var columns = Enumerable.Range(f.FirstColumn, width).Select(i => f.Header.Cell(i)).ToList();
        var rows = new List<SourceRow>(f.Rows.Count);
        foreach (var r in f.Rows)
        {
            var last = pad ? Math.Max(f.LastColumn, r.LastFilled) : r.Cells.Length - 1;
            var cells = new string?[Math.Max(0, last - f.FirstColumn + 1)];
            for (var i = 0; i < cells.Length; i++) cells[i] = r.Cell(f.FirstColumn + i);
            rows.Add(new SourceRow(r.Number, cells));
        }
        return new SourceTable(index, question, caption, columns, rows, location)
        {
            ColumnNumbers = Enumerable.Range(f.FirstColumn + 1, width).ToList(),
        };
    }

    /// <summary>Reads a sidecar when the file has one; null when it has none.</summary>
    internal static Parsed<ResponseMetadata>? Sidecar(string path)
    {
        var sidecar = ResponseMetadata.SidecarPath(path);
        return File.Exists(sidecar) ? ResponseMetadata.ReadSidecar(sidecar) : null;
    }

    /// <summary>Returns the one response of a file, or a sentence saying why there is not exactly one.</summary>
    internal static Parsed<ResponseTranscript> Single(string path, List<Parsed<ResponseTranscript>> all)
    {
        if (all.Count == 1) return all[0];
        if (all.FirstOrDefault(r => !r.Ok) is { Error: { } error }) return Parsed<ResponseTranscript>.Fail(error);
        return Parsed<ResponseTranscript>.Fail($"{path}: it holds {all.Count} responses (a master sheet covering several forces): read it with ReadAll");
    }
}

/// <summary>
/// CSV responses (also tab-separated, e.g. Excel's "Unicode text"): a metadata block, then one or
/// more tables; or a master sheet. Encodings: UTF-8 with or without BOM, UTF-16, Windows-1252.
/// </summary>
public sealed class CsvResponseReader : IMultiResponseReader
{
    public bool Handles(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    public bool IsResponse(string path)
    {
        try
        {
            if (File.Exists(ResponseMetadata.SidecarPath(path))) return true;
            using var stream = File.OpenRead(path);
            var head = new byte[Math.Min(stream.Length, 64 * 1024)];
            stream.ReadExactly(head);
            var decoded = CsvGridReader.Decode(head);
            if (!decoded.Ok) return false;
            var text = decoded.Value!.Text;
            var sep = CsvGridReader.DetectSeparator(text, out var sepLine);
            var grid = CsvGridReader.Parse(text, sep, sepLine, (_, _) => { });
            var meta = new ResponseMetadata();
            var used = ResponseMetadata.ReadBlock(grid, meta, "");
            return SpreadsheetAssembler.IsMarker(meta) || MasterSheet.FindHeader(grid, used, out _) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // let Read say what is wrong
        }
    }

    public Parsed<ResponseTranscript> Read(string path) => SpreadsheetAssembler.Single(path, ReadAll(path).ToList());

    public IEnumerable<Parsed<ResponseTranscript>> ReadAll(string path) => Load(path);

    private static List<Parsed<ResponseTranscript>> Load(string path)
    {
        static List<Parsed<ResponseTranscript>> Fail(string why) => [Parsed<ResponseTranscript>.Fail(why)];
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > CsvGridReader.MaxBytes)
                return Fail($"{path}: the file is {info.Length / 1024 / 1024:N0} MB; CSV responses over {CsvGridReader.MaxBytes / 1024 / 1024} MB are refused");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{path}: cannot be read ({e.Message})");
        }
        if (bytes.Length == 0) return Fail($"{path}: the file is empty");
        var decoded = CsvGridReader.Decode(bytes);
        if (!decoded.Ok) return Fail($"{path}: {decoded.Error}");
        var warnings = new List<Diagnostic>();
        if (decoded.Value!.Note is { } note) warnings.Add(new Diagnostic(Severity.Warning, path, note));
        var text = decoded.Value.Text;
        if (text.Trim().Length == 0) return Fail($"{path}: the file holds only blank lines");
        var separator = CsvGridReader.DetectSeparator(text, out var sepLine);
        var grid = CsvGridReader.Parse(text, separator, sepLine,
            (row, message) => warnings.Add(new Diagnostic(Severity.Warning, path, message, Row: row)));
        var sidecar = SpreadsheetAssembler.Sidecar(path);
        if (sidecar is { Ok: false }) return Fail($"{path}: {sidecar.Value.Error}");
        return SpreadsheetAssembler.Assemble(path, [grid], sidecar?.Value, warnings, isWorkbook: false);
    }
}

/// <summary>
/// XLSX responses: an 'about' sheet (or a metadata block on a sheet, or a sidecar) and a sheet per
/// question ("1", "Q1a", "question 1b") or several titled tables on one sheet; or master sheets.
/// </summary>
public sealed class XlsxResponseReader : IMultiResponseReader
{
    public bool Handles(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".xls", StringComparison.OrdinalIgnoreCase);

    public bool IsResponse(string path)
    {
        if (File.Exists(ResponseMetadata.SidecarPath(path))) return true;
        var opened = XlsxWorkbook.Open(path);
        if (!opened.Ok) return true; // a broken workbook among responses is reported, not skipped
        using var wb = opened.Value!;
        try
        {
            if (wb.Sheets.Any(s => SpreadsheetAssembler.IsAboutSheet(s.Name))) return true;
            foreach (var sheet in wb.Sheets.Where(s => !s.Hidden && !s.IsChart))
            {
                var grid = wb.ReadSheet(sheet, _ => { }, maxRows: 30);
                var meta = new ResponseMetadata();
                var used = ResponseMetadata.ReadBlock(grid, meta, "");
                if (SpreadsheetAssembler.IsMarker(meta) || MasterSheet.FindHeader(grid, used, out _) >= 0) return true;
            }
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return true;
        }
    }

    public Parsed<ResponseTranscript> Read(string path) => SpreadsheetAssembler.Single(path, ReadAll(path).ToList());

    public IEnumerable<Parsed<ResponseTranscript>> ReadAll(string path) => Load(path);

    private static List<Parsed<ResponseTranscript>> Load(string path)
    {
        static List<Parsed<ResponseTranscript>> Fail(string why) => [Parsed<ResponseTranscript>.Fail(why)];
        if (!File.Exists(path)) return Fail($"{path}: cannot be read (no such file)");
        var opened = XlsxWorkbook.Open(path);
        if (!opened.Ok) return Fail($"{path}: {opened.Error}");
        using var wb = opened.Value!;
        var warnings = new List<Diagnostic>();
        var current = "";
        try
        {
            foreach (var w in wb.WorkbookWarnings()) warnings.Add(new Diagnostic(Severity.Warning, path, w));
            var grids = new List<Grid>();
            foreach (var sheet in wb.Sheets)
            {
                current = sheet.Name;
                if (sheet.IsChart)
                {
                    warnings.Add(new Diagnostic(Severity.Warning, path, "a chart sheet: not read (charts hold no figures of their own)", Location: sheet.Name));
                    continue;
                }
                if (sheet.Hidden && !SpreadsheetAssembler.IsAboutSheet(sheet.Name))
                {
                    warnings.Add(new Diagnostic(Severity.Warning, path, "the sheet is hidden, so it was not read: unhide it if its figures belong to the response", Location: sheet.Name));
                    continue;
                }
                var name = sheet.Name;
                grids.Add(wb.ReadSheet(sheet, m => warnings.Add(new Diagnostic(Severity.Warning, path, m, Location: name))));
            }
            current = "";
            var sidecar = SpreadsheetAssembler.Sidecar(path);
            if (sidecar is { Ok: false }) return Fail($"{path}: {sidecar.Value.Error}");
            return SpreadsheetAssembler.Assemble(path, grids, sidecar?.Value, warnings, isWorkbook: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var where = current.Length > 0 ? $"sheet '{current}': " : "";
            return Fail($"{path}: {where}{(e is InvalidDataException ? e.Message : $"the workbook is damaged ({XlsxWorkbook.Short(e)})")}");
        }
    }
}

/// <summary>
/// A sidecar <c>&lt;file&gt;.meta.json</c> describes a CSV or workbook beside it: it is not a
/// response itself, so folders skip it and naming it alone is an error that says what to name.
/// </summary>
public sealed class SidecarFileReader : IResponseReader
{
    public bool Handles(string path) => path.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase);

    public bool IsResponse(string path) => false;

    public Parsed<ResponseTranscript> Read(string path) => Parsed<ResponseTranscript>.Fail(
        $"{path}: this is a sidecar describing '{Path.GetFileName(path[..^".meta.json".Length])}': name that file instead");
}
