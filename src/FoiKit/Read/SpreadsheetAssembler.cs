using FoiKit.Model;
using FoiKit.Read.Spreadsheets;
using FoiKit.Text;

namespace FoiKit.Read;

/// <summary>
/// Turns the sheets of a CSV file or workbook into responses: metadata (block, about sheet,
/// sidecar), tables found on each sheet, and master sheets. Shared by the CSV and XLSX readers.
/// </summary>
internal static class SpreadsheetAssembler
{
    /// <summary>What to do when a file does not say what it is.</summary>
    public const string MarkerHelp =
        "it is not marked as an FOI response: start it with metadata lines ('schema,foi-response/1', 'request,…', 'kind,…', 'force,…'), " +
        "or add a sheet named 'about' with them, or a sidecar file '<name>.meta.json', or use the master-sheet header (force, question, period, category, value), " +
        "or pass --request <id> and --force <name>";

    /// <summary>Sheet names that hold a workbook's metadata rather than figures.</summary>
    public static bool IsAboutSheet(string name) => LabelKey.Of(name) is "about" or "metadata" or "meta" or "about this response";

    /// <summary>True when metadata says "I am a response" (schema or request given).</summary>
    internal static bool IsMarker(ResponseMetadata m) => m.Has("schema") || m.Has("request");

    /// <summary>Reads responses from sheets already loaded; file-level <paramref name="warnings"/> go with the first response.</summary>
    /// <param name="defaults">--request and --force: they fill what neither the file nor its sidecar says.</param>
    public static List<Parsed<ResponseTranscript>> Assemble(string path, IReadOnlyList<Grid> sheets, ResponseMetadata? sidecar,
        List<Diagnostic> warnings, bool isWorkbook, ReadDefaults? defaults = null)
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
        if (defaults is { IsEmpty: false })
        {
            // Given on the command line for this file (or a folder of them): a request makes a file
            // that says nothing a response; what the file and its sidecar say still wins.
            fileMeta = fileMeta.With(ResponseMetadata.From(defaults));
            if (!string.IsNullOrWhiteSpace(defaults.RequestId)) marked = true;
        }

        // Pass 2: master sheets and tables, numbered in sheet order.
        var tableIndex = 0;
        var tables = new List<SourceTable>();
        var printed = new List<PrintedText>();
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
            var found = TableFinder.Find(grid, block.Used, Warn, printed.Add);
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
                    fileMeta["method_notes"], truncated, fileMeta["notes"], tables) { PrintedNotes = printed })));
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
