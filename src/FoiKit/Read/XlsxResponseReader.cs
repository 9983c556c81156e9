using FoiKit.Model;
using FoiKit.Read.Spreadsheets;

namespace FoiKit.Read;

/// <summary>
/// XLSX responses: an 'about' sheet (or a metadata block on a sheet, or a sidecar) and a sheet per
/// question ("1", "Q1a", "question 1b") or several titled tables on one sheet; or master sheets.
/// <see cref="ReadDefaults"/> (--request, --force) fill what a workbook named directly does not say.
/// </summary>
internal sealed class XlsxResponseReader(ReadDefaults? defaults = null) : IMultiResponseReader
{
    private readonly ReadDefaults _defaults = defaults ?? ReadDefaults.None;

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

    private List<Parsed<ResponseTranscript>> Load(string path)
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
            return SpreadsheetAssembler.Assemble(path, grids, sidecar?.Value, warnings, isWorkbook: true, _defaults);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var where = current.Length > 0 ? $"sheet '{current}': " : "";
            return Fail($"{path}: {where}{(e is InvalidDataException ? e.Message : $"the workbook is damaged ({XlsxWorkbook.Short(e)})")}");
        }
    }
}
