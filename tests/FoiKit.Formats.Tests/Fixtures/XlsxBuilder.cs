using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
// The kit has a FoiKit.Text namespace, which an unqualified "Text" inside FoiKit.* would name.
using SpreadsheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace FoiKit.Formats.Tests.Fixtures;

/// <summary>A number cell with a number format (see <see cref="XlsxBuilder"/> styles).</summary>
public sealed record XNum(double Value, uint Style);

/// <summary>A formula cell with its cached value (null: never calculated).</summary>
public sealed record XFormula(string Formula, object? Cached);

/// <summary>
/// Builds small .xlsx files for tests with the Open XML SDK: sheets of cells (text, numbers,
/// formatted numbers, formulas), hidden sheets/rows/columns, merged cells, comments, links to
/// other workbooks. Styles: 1 "#,##0", 2 "0%", 3 "dd/mm/yyyy", 4 zero shown as "-", 5 "0",
/// 6 text "@", 7 "mmm-yy".
/// </summary>
public sealed class XlsxBuilder
{
    public const uint Thousands = 1, Percent = 2, Date = 3, ZeroDash = 4, Integer = 5, TextFormat = 6, MonthYear = 7;

    private readonly List<SheetSpec> _sheets = [];
    private readonly List<string> _links = [];

    /// <summary>Write text as inline strings instead of shared strings.</summary>
    public bool InlineStrings { get; set; }

    public SheetSpec Sheet(string name, bool hidden = false)
    {
        var s = new SheetSpec(name, hidden);
        _sheets.Add(s);
        return s;
    }

    public XlsxBuilder ExternalLink(string target)
    {
        _links.Add(target);
        return this;
    }

    public void Save(string path)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var shared = new List<string>();
        var sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheets = new Sheets();
        var n = 0;
        foreach (var spec in _sheets)
        {
            n++;
            var part = wb.AddNewPart<WorksheetPart>($"rId{n}");
            var ws = new Worksheet();
            if (spec.HiddenColumns.Count > 0)
                ws.Append(new Columns(spec.HiddenColumns.Order().Select(c => new Column { Min = (uint)c, Max = (uint)c, Hidden = true, Width = 9, CustomWidth = true })));
            var data = new SheetData();
            foreach (var (rowNumber, cells) in spec.Rows.OrderBy(r => r.Key))
            {
                var row = new Row { RowIndex = (uint)rowNumber };
                if (spec.HiddenRows.Contains(rowNumber)) row.Hidden = true;
                foreach (var (col, value) in cells.OrderBy(c => c.Key))
                {
                    var cell = MakeCell(col, rowNumber, value, shared, sharedIndex);
                    if (cell is not null) row.Append(cell);
                }
                data.Append(row);
            }
            ws.Append(data);
            if (spec.Merges.Count > 0)
                ws.Append(new MergeCells(spec.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)spec.Merges.Count });
            part.Worksheet = ws;
            if (spec.Comments.Count > 0)
            {
                var cp = part.AddNewPart<WorksheetCommentsPart>("rIdComments");
                cp.Comments = new Comments(
                    new Authors(new Author("FOI officer")),
                    new CommentList(spec.Comments.Select(c => new Comment(new CommentText(new Run(new SpreadsheetText(c.Text)))) { Reference = c.Cell, AuthorId = 0 })));
            }
            var sheet = new Sheet { Name = spec.Name, SheetId = (uint)n, Id = $"rId{n}" };
            if (spec.Hidden) sheet.State = SheetStateValues.Hidden;
            sheets.Append(sheet);
        }
        var workbook = new Workbook(sheets);
        var linkNumber = 0;
        foreach (var target in _links)
        {
            linkNumber++;
            var ext = wb.AddNewPart<ExternalWorkbookPart>($"rIdLink{linkNumber}");
            var rel = ext.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath",
                new Uri(target, UriKind.RelativeOrAbsolute), "rIdPath");
            ext.ExternalLink = new ExternalLink(new ExternalBook { Id = rel.Id });
        }
        if (_links.Count > 0)
            workbook.Append(new ExternalReferences(Enumerable.Range(1, _links.Count).Select(i => new ExternalReference { Id = $"rIdLink{i}" })));
        wb.Workbook = workbook;
        var styles = wb.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = Styles();
        if (shared.Count > 0)
        {
            var sst = wb.AddNewPart<SharedStringTablePart>("rIdStrings");
            sst.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new SpreadsheetText(s) { Space = SpaceProcessingModeValues.Preserve })));
        }
    }

    private Cell? MakeCell(int col, int row, object? value, List<string> shared, Dictionary<string, int> index)
    {
        var cell = new Cell { CellReference = Name(col, row) };
        switch (value)
        {
            case null:
                return null;
            case string s when InlineStrings:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new SpreadsheetText(s) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case string s:
                if (!index.TryGetValue(s, out var i)) { i = shared.Count; shared.Add(s); index[s] = i; }
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                break;
            case XNum x:
                cell.CellValue = new CellValue(x.Value.ToString("R", CultureInfo.InvariantCulture));
                cell.StyleIndex = x.Style;
                break;
            case XFormula f:
                cell.CellFormula = new CellFormula(f.Formula);
                if (f.Cached is string cs) { cell.DataType = CellValues.String; cell.CellValue = new CellValue(cs); }
                else if (f.Cached is not null) cell.CellValue = new CellValue(Convert.ToDouble(f.Cached, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(b ? "1" : "0");
                break;
            default:
                cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
        }
        return cell;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0;-0;\"-\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "mmm-yy" })
        { Count = 3 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true })
        { Count = 8 });

    public static string Name(int col, int row) => FoiKit.Read.Spreadsheets.CellRef.Name(col, row);

    /// <summary>
    /// A zip-bomb-like workbook: a valid package whose one sheet unpacks to <paramref name="megabytes"/> MB
    /// of whitespace from a few hundred KB.
    /// </summary>
    public static void ZipBomb(string path, int megabytes)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="about" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
        using var s = entry.Open();
        s.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
        var block = new byte[1024 * 1024];
        Array.Fill(block, (byte)' ');
        for (var i = 0; i < megabytes; i++) s.Write(block);
        s.Write("</sheetData></worksheet>"u8);
    }

    /// <summary>A zip with more parts than any workbook has.</summary>
    public static void ManyEntries(string path, int entries)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        for (var i = 0; i < entries; i++) zip.CreateEntry($"xl/media/p{i}.bin", CompressionLevel.NoCompression);
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>One sheet being built.</summary>
public sealed class SheetSpec(string name, bool hidden)
{
    public string Name { get; } = name;
    public bool Hidden { get; } = hidden;
    public SortedDictionary<int, Dictionary<int, object?>> Rows { get; } = [];
    public HashSet<int> HiddenRows { get; } = [];
    public HashSet<int> HiddenColumns { get; } = [];
    public List<string> Merges { get; } = [];
    public List<(string Cell, string Text)> Comments { get; } = [];
    private int _next = 1;

    /// <summary>The next row, from column A (or <paramref name="fromColumn"/>).</summary>
    public SheetSpec Row(params object?[] cells) => RowAt(_next, 1, cells);

    public SheetSpec RowFrom(int fromColumn, params object?[] cells) => RowAt(_next, fromColumn, cells);

    public SheetSpec RowAt(int row, int fromColumn, params object?[] cells)
    {
        if (!Rows.TryGetValue(row, out var r)) Rows[row] = r = [];
        for (var i = 0; i < cells.Length; i++) if (cells[i] is not null) r[fromColumn + i] = cells[i];
        _next = Math.Max(_next, row + 1);
        return this;
    }

    public SheetSpec Blank(int rows = 1)
    {
        _next += rows;
        return this;
    }

    public int NextRow => _next;

    public SheetSpec HideRow(int row) { HiddenRows.Add(row); return this; }

    public SheetSpec HideColumn(int column) { HiddenColumns.Add(column); return this; }

    public SheetSpec Merge(string range) { Merges.Add(range); return this; }

    public SheetSpec Comment(string cell, string text) { Comments.Add((cell, text)); return this; }

    /// <summary>Adds the metadata block (key, value rows) and a blank row.</summary>
    public SheetSpec Meta(params (string Key, string Value)[] pairs)
    {
        foreach (var (k, v) in pairs) Row(k, v);
        return Blank();
    }
}
