using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FoiKit.Model;

namespace FoiKit.Present;

/// <summary>
/// Writes tidy.xlsx in the Analysis Function style for releasing statistics in spreadsheets:
/// a cover sheet, a contents sheet, a notes sheet (symbols), a sources sheet, then one table per
/// sheet (observations, rejects) with a title in A1, one header row, no merged cells, no blank
/// rows inside a table, frozen header, each table marked as an Excel table. Suppressed figures
/// are shown as [c] and figures not available as [x], never as blanks or *. Every text cell is
/// written as a string (never a formula), and the file is byte-identical for the same rows.
/// </summary>
public sealed partial class TidyXlsxWriter : ITidySink
{
    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]{16}\"()", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();

    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint WrapStyle = 3;
    private const int MaxRows = 1_048_576;

    private readonly List<Observation> _observations = [];
    private readonly List<Reject> _rejects = [];
    private readonly List<SourceDocument> _documents = [];

    public void Add(Observation observation) => _observations.Add(observation);

    public void Add(Reject reject) => _rejects.Add(reject);

    /// <summary>A source read (for the sources sheet).</summary>
    public void AddDocument(SourceDocument document) => _documents.Add(document);

    /// <summary>Symbols used in the tables (Analysis Function shorthand).</summary>
    public static readonly IReadOnlyList<(string Symbol, string Meaning)> Symbols =
    [
        ("[c]", "confidential: the source withheld the figure (printed as *, <5, [c], redacted and the like); raw_value shows what was printed"),
        ("[x]", "not available: the source printed no figure (blank, -, N/A, not held, [x]); raw_value shows what was printed"),
    ];

    /// <summary>Writes the workbook.</summary>
    public void Save(string path)
    {
        if (_observations.Count + 3 > MaxRows || _rejects.Count + 3 > MaxRows)
            throw new InvalidDataException($"{path}: more rows than one worksheet can hold ({MaxRows - 3:N0}); use the CSV output");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var raw = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(raw, SpreadsheetDocumentType.Workbook))
        {
            var strings = new SharedStrings();
            var wbPart = doc.AddWorkbookPart();
            var sheets = new Sheets();
            var sheetNumber = 0;

            void Sheet(string name, Action<WorksheetPart> write)
            {
                sheetNumber++;
                var ws = wbPart.AddNewPart<WorksheetPart>($"rId{sheetNumber}");
                write(ws);
                sheets.Append(new Sheet { Name = name, SheetId = (uint)sheetNumber, Id = $"rId{sheetNumber}" });
            }

            var tidyTitle = "Tidy observations: one row per figure printed in an FOI response";
            var rejectTitle = "Rejected cells: printed cells that could not be used, with the reason";
            Sheet("Cover", ws => WriteText(ws, strings,
            [
                ("Police FOI responses as tidy data", TitleStyle),
                ("This workbook holds the figures that police forces printed in their Freedom of Information (FOI) answers, one row per printed figure, with where each came from (file, table, row and column).", WrapStyle),
                ("It was made by the FoiNotebooks kit (foi normalise). The same rows are in tidy.csv, the machine-readable copy, which keeps every text exactly as printed.", WrapStyle),
                (string.Create(CultureInfo.InvariantCulture, $"It holds {_observations.Count:N0} observation(s) from {_documents.Count:N0} source(s), and {_rejects.Count:N0} rejected cell(s)."), WrapStyle),
                ("Shorthand used in the tables: [c] the source withheld the figure; [x] the source printed no figure. See the Notes worksheet.", WrapStyle),
                ("The Contents worksheet lists the worksheets.", WrapStyle),
            ]));
            Sheet("Contents", ws => WriteTable(ws, strings, "Contents", "This worksheet contains one table.", ["Worksheet", "Description"],
            [
                [Txt("Cover"), Txt("What this workbook is")],
                [Txt("Notes"), Txt("Shorthand symbols and notes")],
                [Txt("Sources"), Txt("Every response read: force, request, URL and method notes")],
                [Txt("Observations"), Txt(tidyTitle)],
                [Txt("Rejects"), Txt(rejectTitle)],
            ], "Contents", tableId: 1));
            Sheet("Notes", ws => WriteTable(ws, strings, "Notes", "This worksheet contains one table.", ["Note number", "Note text"],
            [
                .. Symbols.Select((s, i) => new[] { Txt($"note {i + 1}"), Txt($"{s.Symbol} means {s.Meaning}.") }),
                [Txt("note 3"), Txt("Figures are as the source printed them; printed totals are kept (value_status printed_total) to check the parts, and are never summed.")],
                [Txt("note 4"), Txt("source_row and source_column give the row and column of the figure in its file: for spreadsheets the sheet's own row and column numbers, for transcripts the position within the printed table.")],
                [Txt("note 5"), Txt("Empty cells in text columns mean nothing applies there (for example no category for a figure by period).")],
                [Txt("note 6"), Txt("period_basis_source says what decided whether a year runs from 1 April or 6 April: label (the period as printed gives its dates), stated (the source says so, and where), or request (the source says nothing, so the basis the request asked for).")],
            ], "Notes", tableId: 2));
            Sheet("Sources", ws => WriteTable(ws, strings, "Sources", "This worksheet contains one table: the responses read.",
                ["source_file", "request_id", "force_id", "force_name", "source_kind", "source_url", "request_ref", "response_date", "truncated", "method_notes", "notes"],
                _documents.Select(d => new[]
                {
                    Txt(d.SourceFile), Txt(d.RequestId), Txt(d.Force.Id), Txt(d.Force.OfficialName), Txt(d.Kind.ToContract()), Txt(d.SourceUrl),
                    Txt(d.RequestRef), Txt(d.ResponseDate), Txt(d.Truncated ? "yes" : "no"), Txt(d.MethodNotes), Txt(d.Notes),
                }).ToList(), "Sources", tableId: 3));
            Sheet("Observations", ws => WriteTable(ws, strings, tidyTitle,
                "This worksheet contains one table. Withheld figures are shown as [c] and missing ones as [x] (see Notes).",
                TidyCsv.Columns, _observations.Select(ObservationCells).ToList(), "Observations", tableId: 4));
            Sheet("Rejects", ws => WriteTable(ws, strings, rejectTitle,
                "This worksheet contains one table. These cells are not in the Observations table; reason says why.",
                TidyCsv.RejectColumns, _rejects.Select(RejectCells).ToList(), "Rejects", tableId: 5));

            wbPart.Workbook = new Workbook(new BookViews(new WorkbookView()), sheets);
            var styles = wbPart.AddNewPart<WorkbookStylesPart>($"rId{sheetNumber + 1}");
            styles.Stylesheet = Stylesheet();
            var sst = wbPart.AddNewPart<SharedStringTablePart>($"rId{sheetNumber + 2}");
            sst.SharedStringTable = strings.Table();
        }
        File.WriteAllBytes(path, Deterministic(raw.ToArray()));
    }

    /// <summary>A cell: text (a shared string) or a whole number.</summary>
    private readonly record struct XCell(string? Text, long? Number);

    private static XCell Txt(string s) => new(s, null);

    private static XCell Number(long n) => new(null, n);

    private static XCell ValueCell(Model.CellValue v) => v.Value is { } n ? Number(n)
        : Txt(v.Status == ValueStatus.Suppressed ? "[c]" : "[x]");

    /// <summary>An observation's cells, column by column as <see cref="TidyColumns"/> says: counts and positions as numbers, the rest as text.</summary>
    private static XCell[] ObservationCells(Observation o)
    {
        var columns = TidyColumns.All;
        var cells = new XCell[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = columns[i] switch
            {
                // Figures are numbers; withheld and missing ones the Analysis Function symbols.
                TidyColumn<long?> count when count == TidyColumns.Value => ValueCell(o.Value),
                TidyColumn<int> position => Number(position.ValueOf(o)),
                TidyColumn<int?> position => position.ValueOf(o) is { } n ? Number(n) : Txt(""),
                var column => Txt(column.TextOf(o)),
            };
        }
        return cells;
    }

    /// <summary>A reject's cells: its fields as far as known, positions as numbers, no figure ([x]), then the reason.</summary>
    private static XCell[] RejectCells(Reject r)
    {
        var f = TidyCsv.Fields(r);
        var cells = f.Select(Txt).ToArray();
        var columns = TidyColumns.All;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == TidyColumns.Value) cells[i] = Txt("[x]");
            else if (columns[i] == TidyColumns.SourceTable) cells[i] = Number(r.Source.Table);
            else if (columns[i] == TidyColumns.SourceRow) cells[i] = Number(r.Source.Row);
            else if (columns[i] == TidyColumns.SourceColumn && r.Source.Column > 0) cells[i] = Number(r.Source.Column);
        }
        return cells;
    }

    private static void WriteText(WorksheetPart part, SharedStrings strings, IReadOnlyList<(string Text, uint Style)> lines)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }));
        w.WriteStartElement(new SheetData());
        for (var i = 0; i < lines.Count; i++)
        {
            w.WriteStartElement(new Row { RowIndex = (uint)(i + 1) });
            w.WriteElement(StringCell(strings, 1, i + 1, lines[i].Text, lines[i].Style));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Title in A1, a line of information in A2, the header in row 3 and the data below: one table, marked as an Excel table.</summary>
    private static void WriteTable(WorksheetPart part, SharedStrings strings, string title, string info, IReadOnlyList<string> header,
        IReadOnlyList<XCell[]> rows, string tableName, uint tableId)
    {
        const int headerRow = 3;
        var widths = header.Select(h => Math.Clamp(h.Length + 2, 10, 60)).ToArray();
        foreach (var row in rows.Take(200))
            for (var c = 0; c < row.Length && c < widths.Length; c++)
                widths[c] = Math.Clamp(Math.Max(widths[c], (row[c].Text?.Length ?? 8) + 2), 10, 60);
        var lastRow = headerRow + rows.Count;
        var lastColumn = CellRefName(header.Count, lastRow);
        var hasTable = rows.Count > 0;
        using (var w = OpenXmlWriter.Create(part))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }));
            w.WriteStartElement(new Columns());
            for (var c = 0; c < widths.Length; c++)
                w.WriteElement(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = widths[c], CustomWidth = true });
            w.WriteEndElement();
            w.WriteStartElement(new SheetData());
            w.WriteStartElement(new Row { RowIndex = 1 });
            w.WriteElement(StringCell(strings, 1, 1, title, TitleStyle));
            w.WriteEndElement();
            w.WriteStartElement(new Row { RowIndex = 2 });
            w.WriteElement(StringCell(strings, 1, 2, hasTable ? info : "This worksheet has no rows: nothing of this kind was found.", 0));
            w.WriteEndElement();
            w.WriteStartElement(new Row { RowIndex = headerRow });
            for (var c = 0; c < header.Count; c++) w.WriteElement(StringCell(strings, c + 1, headerRow, header[c], HeaderStyle));
            w.WriteEndElement();
            for (var r = 0; r < rows.Count; r++)
            {
                var rowNumber = headerRow + 1 + r;
                w.WriteStartElement(new Row { RowIndex = (uint)rowNumber });
                var cells = rows[r];
                for (var c = 0; c < cells.Length; c++)
                {
                    var cell = cells[c];
                    if (cell.Number is { } n)
                        w.WriteElement(new Cell { CellReference = CellRefName(c + 1, rowNumber), CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(n.ToString(CultureInfo.InvariantCulture)) });
                    else if (!string.IsNullOrEmpty(cell.Text))
                        w.WriteElement(StringCell(strings, c + 1, rowNumber, cell.Text, 0));
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            if (hasTable) w.WriteElement(new TableParts(new TablePart { Id = "rIdTable" }) { Count = 1 });
            w.WriteEndElement();
        }
        if (!hasTable) return;
        var tablePart = part.AddNewPart<TableDefinitionPart>("rIdTable");
        var tableColumns = new TableColumns { Count = (uint)header.Count };
        for (var c = 0; c < header.Count; c++) tableColumns.Append(new DocumentFormat.OpenXml.Spreadsheet.TableColumn { Id = (uint)(c + 1), Name = header[c] });
        var reference = $"A{headerRow}:{lastColumn}";
        tablePart.Table = new Table(
            new AutoFilter { Reference = reference },
            tableColumns,
            new TableStyleInfo { Name = "TableStyleLight1", ShowRowStripes = true, ShowColumnStripes = false, ShowFirstColumn = false, ShowLastColumn = false })
        {
            Id = tableId,
            Name = tableName,
            DisplayName = tableName,
            Reference = reference,
            HeaderRowCount = 1,
            TotalsRowShown = false,
        };
    }

    private static Cell StringCell(SharedStrings strings, int column, int row, string text, uint style)
    {
        var cell = new Cell
        {
            CellReference = CellRefName(column, row),
            DataType = CellValues.SharedString,
            CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)),
        };
        if (style != 0) cell.StyleIndex = style;
        return cell;
    }

    private static string CellRefName(int column, int row) => Read.Spreadsheets.CellRef.Name(column, row);

    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 15 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>The shared string table: every text is stored once and referenced by index, always as text.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int Index(string text)
        {
            var safe = XmlSafe(text);
            if (!_index.TryGetValue(safe, out var i))
            {
                i = _items.Count;
                _items.Add(safe);
                _index[safe] = i;
            }
            return i;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)_items.Count, UniqueCount = (uint)_items.Count };
            foreach (var s in _items)
            {
                var t = new DocumentFormat.OpenXml.Spreadsheet.Text(s);
                if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
                table.Append(new SharedStringItem(t));
            }
            return table;
        }
    }

    /// <summary>
    /// Text that XML cannot hold (control characters) becomes U+FFFD, and "_x" is escaped so that
    /// Excel does not read a printed "_x0041_" as an escape; longer-than-a-cell texts are cut.
    /// </summary>
    internal static string XmlSafe(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            var ok = ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD)
                || (char.IsHighSurrogate(ch) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                || (char.IsLowSurrogate(ch) && i > 0 && char.IsHighSurrogate(s[i - 1]));
            var escape = ch == '_' && i + 1 < s.Length && s[i + 1] == 'x';
            if (ok && !escape) { sb?.Append(ch); continue; }
            sb ??= new StringBuilder(s, 0, i, s.Length + 8);
            sb.Append(escape ? "_x005F_" : "\uFFFD");
        }
        var result = sb?.ToString() ?? s;
        return result.Length <= 32_767 ? result : result[..32_767];
    }

    /// <summary>Rewrites the zip with fixed timestamps so the same rows always give the same bytes.</summary>
    private static byte[] Deterministic(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    // The SDK names the package's own relationship with a random id: give it a fixed one.
                    using var reader = new StreamReader(from, Encoding.UTF8);
                    var xml = RandomRelationshipId().Replace(reader.ReadToEnd(), "Id=\"rIdPackage$1\"");
                    to.Write(Encoding.UTF8.GetBytes(xml));
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }
        return output.ToArray();
    }
}
