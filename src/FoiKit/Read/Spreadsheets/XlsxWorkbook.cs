using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelNumberFormat;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read.Spreadsheets;

/// <summary>A worksheet of a workbook, as listed in workbook.xml.</summary>
internal sealed record SheetInfo(string Name, bool Hidden, bool IsChart, string PartId);

/// <summary>
/// An .xlsx workbook opened for reading with the Open XML SDK: package structure, styles and
/// comments through the SDK, sheet and string data streamed with an XmlReader so memory stays
/// bounded. The zip is checked before anything is parsed (size, entry count, compression ratio).
/// Cached values are read; nothing is recalculated.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    /// <summary>Most bytes all parts may unpack to.</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Most zip entries (a workbook has tens).</summary>
    public const int MaxEntries = 5_000;

    /// <summary>Highest unpacked/packed ratio for a large part: XML packs about 10-50 times, a zip bomb thousands.</summary>
    public const int MaxRatio = 500;

    /// <summary>Most non-empty cells read from one workbook.</summary>
    public const int MaxCells = 2_000_000;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private readonly SpreadsheetDocument _doc;
    private readonly string _path;
    private string[]? _sharedStrings;
    private readonly Dictionary<int, string> _formatOfStyle = [];
    private readonly Dictionary<string, NumberFormat> _formats = new(StringComparer.Ordinal);
    private readonly bool _date1904;
    private int _cellsRead;

    private XlsxWorkbook(string path, SpreadsheetDocument doc)
    {
        _path = path;
        _doc = doc;
        var wb = doc.WorkbookPart!;
        _date1904 = wb.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        var sheets = new List<SheetInfo>();
        foreach (var s in wb.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var id = s.Id?.Value ?? "";
            var part = id.Length > 0 && wb.TryGetPartById(id, out var p) ? p : null;
            var state = s.State?.Value;
            sheets.Add(new SheetInfo(s.Name?.Value ?? "", state is not null && state != SheetStateValues.Visible, part is not WorksheetPart, id));
        }
        Sheets = sheets;
        LoadStyles(wb);
    }

    public IReadOnlyList<SheetInfo> Sheets { get; }

    /// <summary>Opens a workbook after checking the zip; a failure is a one-sentence reason (without the file name).</summary>
    public static Parsed<XlsxWorkbook> Open(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length == 0) return Parsed<XlsxWorkbook>.Fail("the file is empty");
            using (var stream = File.OpenRead(path))
            {
                var head = new byte[4];
                var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
                if (n < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
                {
                    var old = n >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0;
                    return Parsed<XlsxWorkbook>.Fail(old
                        ? "this is an old Excel 97-2003 (.xls) workbook or is password-protected: save it as .xlsx"
                        : "this is not an .xlsx workbook (an .xlsx file is a zip archive; this one does not start like one)");
                }
                stream.Position = 0;
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
                if (zip.Entries.Count > MaxEntries)
                    return Parsed<XlsxWorkbook>.Fail(string.Create(CultureInfo.InvariantCulture, $"the workbook has {zip.Entries.Count:N0} parts (at most {MaxEntries:N0} are read): refused as unsafe"));
                long total = 0;
                foreach (var e in zip.Entries)
                {
                    total += e.Length;
                    if (e.Length > 10_000_000 && e.Length / Math.Max(1, e.CompressedLength) > MaxRatio)
                        return Parsed<XlsxWorkbook>.Fail(string.Create(CultureInfo.InvariantCulture,
                            $"part '{e.FullName}' unpacks from {e.CompressedLength:N0} to {e.Length:N0} bytes, which only a zip bomb does: refused unread"));
                    if (total > MaxUncompressedBytes)
                        return Parsed<XlsxWorkbook>.Fail(string.Create(CultureInfo.InvariantCulture,
                            $"the workbook unpacks to more than {MaxUncompressedBytes / 1024 / 1024} MB: refused unread (split it, or save the tables as CSV)"));
                }
                if (zip.GetEntry("xl/workbook.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)))
                    return Parsed<XlsxWorkbook>.Fail("the zip holds no Excel workbook (no workbook.xml): is it an .xlsx file?");
            }
            var settings = new OpenSettings { MaxCharactersInPart = MaxUncompressedBytes, AutoSave = false };
            var doc = SpreadsheetDocument.Open(path, false, settings);
            if (doc.WorkbookPart?.Workbook is null)
            {
                doc.Dispose();
                return Parsed<XlsxWorkbook>.Fail("the workbook has no workbook part: is it an .xlsx file?");
            }
            return Parsed<XlsxWorkbook>.Success(new XlsxWorkbook(path, doc));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Parsed<XlsxWorkbook>.Fail($"not a readable .xlsx workbook ({Short(e)})");
        }
    }

    internal static string Short(Exception e)
    {
        var m = e.Message.Replace('\n', ' ').Replace('\r', ' ').Trim().TrimEnd('.');
        return m.Length <= 120 ? m : string.Concat(m.AsSpan(0, 117), "...");
    }

    /// <summary>Workbook-level hazards: links to other files.</summary>
    public IEnumerable<string> WorkbookWarnings()
    {
        var wb = _doc.WorkbookPart!;
        var links = wb.ExternalWorkbookParts
            .SelectMany(p => p.ExternalRelationships.Select(r => r.Uri.OriginalString))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (wb.ExternalWorkbookParts.Any())
            yield return $"the workbook links to other files ({(links.Count > 0 ? string.Join(", ", links.Take(5)) : "unnamed")}): the values saved in this file are read, not refreshed from them";
        if (wb.VbaProjectPart is not null)
            yield return "the workbook holds macros: they were not run";
    }

    /// <summary>Reads a worksheet's cells as printed; hazards (hidden rows and columns, merged cells, comments, formulas) go to <paramref name="warn"/>.</summary>
    /// <param name="sheet">The sheet to read.</param>
    /// <param name="warn">Receives one sentence per hazard.</param>
    /// <param name="maxRows">Stop after this many non-empty rows (to peek at a sheet's top).</param>
    public Grid ReadSheet(SheetInfo sheet, Action<string> warn, int maxRows = int.MaxValue)
    {
        if (sheet.IsChart || !_doc.WorkbookPart!.TryGetPartById(sheet.PartId, out var p) || p is not WorksheetPart part)
            return new Grid(sheet.Name, [], true);
        var rows = new SortedDictionary<int, Dictionary<int, string>>();
        var hiddenRows = new List<int>();
        var hiddenCols = new List<(int Min, int Max)>();
        var merges = new List<(int C1, int R1, int C2, int R2)>();
        var formulas = 0;
        var formulaExample = "";
        var uncached = new List<string>();
        var numbersAsText = 0;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        using (var xml = XmlReader.Create(stream, XmlSettings))
        {
            var rowNumber = 0;
            var more = xml.Read();
            while (more)
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    switch (xml.LocalName)
                    {
                        case "col":
                            if (Flag(xml.GetAttribute("hidden")) && int.TryParse(xml.GetAttribute("min"), out var min) && int.TryParse(xml.GetAttribute("max"), out var max))
                                hiddenCols.Add((min, Math.Min(max, 16384)));
                            break;
                        case "row":
                            rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                            if (Flag(xml.GetAttribute("hidden"))) hiddenRows.Add(rowNumber);
                            if (rows.Count >= maxRows) return Build(sheet.Name, rows, [], warn);
                            ReadRow(xml, rowNumber, rows, ref formulas, ref formulaExample, uncached, ref numbersAsText);
                            more = !xml.EOF;
                            continue;
                        case "mergeCell":
                            if (CellRef.TryParseRange(xml.GetAttribute("ref"), out var range)) merges.Add(range);
                            break;
                    }
                }
                more = xml.Read();
            }
        }

        var hiddenRowsWithData = hiddenRows.Where(rows.ContainsKey).ToList();
        if (hiddenRowsWithData.Count > 0)
            warn($"row(s) {CellRef.Rows(hiddenRowsWithData)} are hidden; what they hold was read like any other row");
        var hiddenColsWithData = hiddenCols.SelectMany(h => Enumerable.Range(h.Min, h.Max - h.Min + 1))
            .Where(c => rows.Values.Any(r => r.ContainsKey(c))).Distinct().Order().ToList();
        if (hiddenColsWithData.Count > 0)
            warn($"column(s) {string.Join(", ", hiddenColsWithData.Take(10).Select(CellRef.Column))} are hidden; what they hold was read like any other column");
        if (formulas > 0)
            warn(string.Create(CultureInfo.InvariantCulture, $"{formulas} cell(s) hold formulas (e.g. {formulaExample}): the values Excel last saved are read, not recalculated"));
        if (uncached.Count > 0)
            warn($"formula cell(s) {string.Join(", ", uncached.Take(5))} have no saved value (recalculate and save in Excel): they are read as the formula text");
        if (numbersAsText > 0)
            warn(string.Create(CultureInfo.InvariantCulture, $"{numbersAsText} figure(s) are stored as text, not numbers; they are read as printed"));
        ReportComments(part, warn);
        return Build(sheet.Name, rows, merges, warn);
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        MaxCharactersInDocument = MaxUncompressedBytes,
        CloseInput = false,
    };

    private static bool Flag(string? v) => v is "1" or "true";

    /// <summary>Reads one &lt;row&gt;; leaves the reader just after it.</summary>
    private void ReadRow(XmlReader xml, int rowNumber, SortedDictionary<int, Dictionary<int, string>> rows,
        ref int formulas, ref string formulaExample, List<string> uncached, ref int numbersAsText)
    {
        if (xml.IsEmptyElement) { xml.Read(); return; }
        var depth = xml.Depth;
        var column = 0;
        Dictionary<int, string>? cells = null;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            if (xml.LocalName != "c") { xml.Skip(); continue; }
            column = CellRef.TryParse(xml.GetAttribute("r"), out var c, out _) ? c : column + 1;
            var type = xml.GetAttribute("t") ?? "n";
            var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            string? value = null, formula = null, inline = null;
            var hasFormula = false;
            if (xml.IsEmptyElement)
            {
                xml.Read();
            }
            else
            {
                var cellDepth = xml.Depth;
                xml.Read();
                while (!xml.EOF && xml.Depth > cellDepth)
                {
                    if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
                    switch (xml.LocalName)
                    {
                        case "v": value = xml.ReadElementContentAsString(); break;
                        case "f": hasFormula = true; formula = xml.ReadElementContentAsString(); break;
                        case "is": inline = ReadRichText(xml); break;
                        default: xml.Skip(); break;
                    }
                }
                xml.Read(); // past </c>
            }
            var name = CellRef.Name(column, rowNumber);
            string? text;
            if (hasFormula)
            {
                formulas++;
                if (formulaExample.Length == 0 && formula?.Length > 0) formulaExample = $"{name} ={CellValueParser.Show(formula)}";
            }
            if (hasFormula && value is null && type != "inlineStr")
            {
                uncached.Add(name);
                text = "=" + formula;
            }
            else
            {
                text = type switch
                {
                    "s" => SharedString(value),
                    "inlineStr" => inline ?? value ?? "",
                    "str" => value ?? "",
                    "b" => value == "1" ? "TRUE" : value == "0" ? "FALSE" : value ?? "",
                    "e" => value ?? "",
                    "d" => value ?? "",
                    _ => value is null ? null : FormatNumber(value, style),
                };
                if (type is "s" or "inlineStr" or "str" && text is { Length: > 0 } t && char.IsAsciiDigit(t.TrimStart()[0])
                    && CellValueParser.Parse(t).Value.Value is not null) numbersAsText++;
            }
            if (string.IsNullOrEmpty(text)) continue;
            if (text.Length > CsvGridReader.MaxCellChars) text = text[..CsvGridReader.MaxCellChars];
            if (++_cellsRead > MaxCells)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the workbook holds more than {MaxCells:N0} filled cells: too large to read safely"));
            cells ??= rows.TryGetValue(rowNumber, out var existing) ? existing : rows[rowNumber] = [];
            cells[column] = text;
        }
        xml.Read(); // past </row>
    }

    /// <summary>Reads &lt;is&gt; or &lt;si&gt;: plain &lt;t&gt;, or rich-text runs; phonetic guides are not text. Leaves the reader just after it.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement) { xml.Read(); return ""; }
        var depth = xml.Depth;
        var sb = new System.Text.StringBuilder();
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            switch (xml.LocalName)
            {
                case "t":
                    var t = xml.ReadElementContentAsString();
                    if (sb.Length <= CsvGridReader.MaxCellChars) sb.Append(t);
                    break;
                case "r":
                    if (xml.IsEmptyElement) xml.Skip(); else xml.Read();
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        xml.Read();
        return sb.ToString();
    }

    private string SharedString(string? index)
    {
        _sharedStrings ??= LoadSharedStrings();
        return int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length ? _sharedStrings[i] : "";
    }

    private string[] LoadSharedStrings()
    {
        var part = _doc.WorkbookPart!.SharedStringTablePart;
        if (part is null) return [];
        var list = new List<string>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        var more = xml.Read();
        while (more)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                list.Add(ReadRichText(xml));
                if (list.Count > MaxCells) throw new InvalidDataException("the workbook's string table is too large to read safely");
                more = !xml.EOF;
                continue;
            }
            more = xml.Read();
        }
        return [.. list];
    }

    private void LoadStyles(WorkbookPart wb)
    {
        var sheet = wb.WorkbookStylesPart?.Stylesheet;
        if (sheet is null) return;
        var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && f.FormatCode?.Value is not null)
            .GroupBy(f => (int)f.NumberFormatId!.Value).ToDictionary(g => g.Key, g => g.First().FormatCode!.Value!) ?? [];
        var i = 0;
        foreach (var xf in sheet.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = (int)(xf.NumberFormatId?.Value ?? 0);
            var code = custom.TryGetValue(id, out var c) ? c : BuiltInFormat(id);
            if (code is not null) _formatOfStyle[i] = code;
            i++;
        }
    }

    /// <summary>Excel's built-in number formats (ECMA-376 18.8.30), with UK day-first dates.</summary>
    private static string? BuiltInFormat(int id) => id switch
    {
        1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", 9 => "0%", 10 => "0.00%", 11 => "0.00E+00", 12 => "# ?/?", 13 => "# ??/??",
        14 => "dd/mm/yyyy", 15 => "d-mmm-yy", 16 => "d-mmm", 17 => "mmm-yy", 18 => "h:mm AM/PM", 19 => "h:mm:ss AM/PM", 20 => "h:mm",
        21 => "h:mm:ss", 22 => "dd/mm/yyyy hh:mm", 37 => "#,##0 ;(#,##0)", 38 => "#,##0 ;[Red](#,##0)", 39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)", 45 => "mm:ss", 46 => "[h]:mm:ss", 47 => "mmss.0", 48 => "##0.0E+0", 49 => "@",
        _ => null,
    };

    /// <summary>
    /// A number cell as printed: dates and percentages as their format shows them; a count as shown
    /// when that shows the same whole number ("1,234"), else the stored number, so a format can
    /// never round a fraction away or turn a zero into a dash.
    /// </summary>
    private string FormatNumber(string stored, int style)
    {
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return stored;
        var plain = Plain(v);
        if (!_formatOfStyle.TryGetValue(style, out var code) || code.Length == 0 || code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@")
            return plain;
        if (!_formats.TryGetValue(code, out var format)) _formats[code] = format = new NumberFormat(code);
        if (!format.IsValid) return plain;
        try
        {
            if (format.IsDateTimeFormat)
                return v is >= 0 and < 2958466 ? format.Format(v, Uk, _date1904) : plain;
            if (IsPercent(code)) return format.Format(v, CultureInfo.InvariantCulture, _date1904).Trim();
            if (v != Math.Floor(v)) return plain;
            var shown = format.Format(v, CultureInfo.InvariantCulture, _date1904).Trim();
            var back = CellValueParser.Parse(shown);
            return back.Ok && back.Value.Value is { } n && n == v ? shown : plain;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return plain;
        }
    }

    private static bool IsPercent(string code)
    {
        var quoted = false;
        foreach (var ch in code)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == '%' && !quoted) return true;
        }
        return false;
    }

    /// <summary>A stored number as plain text: whole numbers without decimals, fractions in full.</summary>
    public static string Plain(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);

    private static void ReportComments(WorksheetPart part, Action<string> warn)
    {
        var comments = part.WorksheetCommentsPart?.Comments?.CommentList?.Elements<Comment>().ToList();
        if (comments is not { Count: > 0 }) return;
        var shown = comments.Take(5).Select(c => $"{c.Reference?.Value}: '{CellValueParser.Show((c.CommentText?.InnerText ?? "").Replace('\n', ' ').Trim())}'");
        warn($"{comments.Count} cell(s) carry comments, which may qualify the figures ({string.Join("; ", shown)}{(comments.Count > 5 ? "; …" : "")})");
    }

    private static Grid Build(string name, SortedDictionary<int, Dictionary<int, string>> rows, List<(int C1, int R1, int C2, int R2)> merges, Action<string> warn)
    {
        var filled = new List<string>();
        var other = new List<string>();
        foreach (var m in merges.OrderBy(m => m.R1).ThenBy(m => m.C1))
        {
            var a1 = $"{CellRef.Name(m.C1, m.R1)}:{CellRef.Name(m.C2, m.R2)}";
            var top = rows.TryGetValue(m.R1, out var tr) && tr.TryGetValue(m.C1, out var tv) ? tv : null;
            // A label merged down a column (a group name beside its rows) applies to each row; a figure is never copied.
            if (m.C1 == m.C2 && m.R2 > m.R1 && top is not null && CellValueParser.Parse(top).Value.Value is null && m.R2 - m.R1 < 10_000)
            {
                for (var r = m.R1 + 1; r <= m.R2; r++)
                    if (rows.TryGetValue(r, out var cells) && !cells.ContainsKey(m.C1)) cells[m.C1] = top;
                filled.Add(a1);
            }
            else
            {
                other.Add(a1);
            }
        }
        if (filled.Count > 0)
            warn($"merged cell(s) {string.Join(", ", filled.Take(8))}{(filled.Count > 8 ? ", …" : "")} hold a label for several rows: it was copied to each row");
        if (other.Count > 0)
            warn($"merged cell(s) {string.Join(", ", other.Take(8))}{(other.Count > 8 ? ", …" : "")} were read from their top-left cell");

        var list = new List<GridRow>(rows.Count);
        foreach (var (number, cells) in rows)
        {
            if (cells.Count == 0) continue;
            var width = cells.Keys.Max();
            var array = new string?[width];
            foreach (var (c, v) in cells) array[c - 1] = v;
            var row = new GridRow(number, array);
            if (row.Filled > 0) list.Add(row);
        }
        return new Grid(name, list, PadRows: true);
    }

    public void Dispose() => _doc.Dispose();
}
