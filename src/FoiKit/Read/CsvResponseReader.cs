using FoiKit.Model;
using FoiKit.Read.Spreadsheets;

namespace FoiKit.Read;

/// <summary>
/// CSV responses (also tab-separated, e.g. Excel's "Unicode text"): a metadata block, then one or
/// more tables; or a master sheet. Encodings: UTF-8 with or without BOM, UTF-16, Windows-1252.
/// <see cref="ReadDefaults"/> (--request, --force) fill what a file named directly does not say;
/// in a folder, a CSV must still say what it is (claims and reference tables are CSV too).
/// </summary>
internal sealed class CsvResponseReader(ReadDefaults? defaults = null) : IMultiResponseReader
{
    private readonly ReadDefaults _defaults = defaults ?? ReadDefaults.None;

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

    private List<Parsed<ResponseTranscript>> Load(string path)
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
        return SpreadsheetAssembler.Assemble(path, [grid], sidecar?.Value, warnings, isWorkbook: false, _defaults);
    }
}
