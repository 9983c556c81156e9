using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FoiKit.Model;

namespace FoiKit.Read.Documents;

/// <summary>
/// A Word letter (.docx) as blocks, through the Open XML SDK: paragraphs (heading styles and
/// all-bold paragraphs as headings), tables with merged cells spread out (<c>gridSpan</c>,
/// <c>vMerge</c>, <c>gridBefore</c>), header rows marked to repeat on each page (<c>tblHeader</c>)
/// read once as the header, and the page header's text as letterhead. A table that holds another
/// table is layout: its cells are read as text and the tables inside it on their own.
/// </summary>
internal static class WordAnswerReader
{
    public static Parsed<DocumentContent> Read(string path)
    {
        try
        {
            if (new FileInfo(path).Length == 0) return Parsed<DocumentContent>.Fail($"{path}: the file is empty");
            using var doc = WordprocessingDocument.Open(path, false);
            var main = doc.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null) return Parsed<DocumentContent>.Fail($"{path}: the Word file has no document body: is it a complete .docx?");
            var blocks = new List<DocumentBlock>();
            foreach (var header in main.HeaderParts)
            {
                if (header.Header is null) continue;
                foreach (var p in header.Header.Descendants<Paragraph>())
                    if (ParagraphText(p) is { Length: > 0 } text) blocks.Add(new TextBlock(text, TextRole.Letterhead));
            }
            Walk(body, blocks);
            return Parsed<DocumentContent>.Success(new DocumentContent(blocks, new DocumentFacts { Format = "docx" }));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return Parsed<DocumentContent>.Fail($"{path}: cannot be read ({e.Message})");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // OpenXmlPackageException, FileFormatException, InvalidDataException (a broken zip), XmlException…
            return Parsed<DocumentContent>.Fail($"{path}: the Word file is damaged or is not a .docx (it could not be opened: {Short(e)})");
        }
    }

    private static string Short(Exception e)
    {
        var m = e.Message.Split('\n')[0].Trim();
        return m.Length <= 120 ? m : string.Concat(m.AsSpan(0, 117), "...");
    }

    /// <summary>Paragraphs and tables in reading order; content controls and custom XML are looked into.</summary>
    private static void Walk(OpenXmlElement container, List<DocumentBlock> blocks)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    if (ParagraphText(p) is { Length: > 0 } text) blocks.Add(new TextBlock(text, IsHeading(p) ? TextRole.Heading : TextRole.Paragraph));
                    break;
                case Table t:
                    if (t.Descendants<Table>().Any())
                    {
                        // A table used to lay the letter out: its cells are text, the tables inside count.
                        foreach (var cell in t.Elements<TableRow>().SelectMany(r => r.Elements<TableCell>())) Walk(cell, blocks);
                    }
                    else
                    {
                        blocks.Add(ToTable(t));
                    }
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock or SdtCell or SdtContentCell or SdtRow or SdtContentRow:
                    Walk(child, blocks);
                    break;
                default:
                    break; // section properties, bookmarks: no text of their own
            }
        }
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t: sb.Append(t.Text); break;
                case TabChar or Break or CarriageReturn: sb.Append(' '); break;
                case NoBreakHyphen: sb.Append('-'); break;
                default: break;
            }
        }
        return DocumentText.Collapse(sb.ToString());
    }

    private static bool IsHeading(Paragraph p)
    {
        var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        if (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.StartsWith("Title", StringComparison.OrdinalIgnoreCase)
            || style.StartsWith("Caption", StringComparison.OrdinalIgnoreCase)) return true;
        if (p.ParagraphProperties?.OutlineLevel?.Val is not null) return true;
        var runs = p.Descendants<Run>().Where(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Any(t => t.Text.Trim().Length > 0)).ToList();
        return runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value));
    }

    private static TableBlock ToTable(Table table)
    {
        var grid = new List<List<DocumentCell>>();
        var headerRows = 0;
        var stillHeader = true;
        foreach (var row in table.Elements<TableRow>())
        {
            var props = row.TableRowProperties;
            var cells = new List<DocumentCell>();
            var before = props?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++) cells.Add(new DocumentCell(""));
            foreach (var cell in row.Elements<TableCell>())
            {
                var cp = cell.TableCellProperties;
                var span = Math.Clamp(cp?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                var merge = cp?.VerticalMerge;
                var text = string.Join(" ", cell.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0));
                var spanKind = CellSpan.Own;
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    // A continuation of the cell above at this grid column: the text is that cell's.
                    var column = cells.Count;
                    text = grid.Count > 0 && column < grid[^1].Count ? grid[^1][column].Text : "";
                    spanKind = CellSpan.FromAbove;
                }
                for (var i = 0; i < span; i++) cells.Add(new DocumentCell(text, i == 0 ? spanKind : spanKind == CellSpan.FromAbove ? CellSpan.FromAbove : CellSpan.FromLeft));
            }
            var repeats = props?.GetFirstChild<TableHeader>() is { } h && (h.Val is null || h.Val.Value == OnOffOnlyValues.On);
            if (stillHeader && repeats) headerRows++;
            else stillHeader = false;
            grid.Add(cells);
        }
        return new TableBlock(DocumentText.Square(grid), headerRows > 0 ? headerRows : -1, "");
    }
}
