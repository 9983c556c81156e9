using WordText = DocumentFormat.OpenXml.Wordprocessing.Text; // inside FoiKit.*, a bare Text is the FoiKit.Text namespace
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FoiKit.Testing.Renderings;

/// <summary>One cell of a Word table as the test lays it out: text, columns it spans, and whether it starts or continues a vertical merge.</summary>
public sealed record WordCell(string Text, int Span = 1, MergedCellValues? Merge = null)
{
    public static implicit operator WordCell(string text) => new(text);

    public static WordCell Continue => new("", 1, MergedCellValues.Continue);
}

/// <summary>Writes .docx letters through the Open XML SDK: paragraphs, headings, tables with merged and repeating header rows, a page header.</summary>
public sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _body = [];
    private string? _pageHeader;

    public DocxBuilder PageHeader(string text)
    {
        _pageHeader = text;
        return this;
    }

    public DocxBuilder Paragraph(string text, bool bold = false)
    {
        var run = new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.RunProperties = new RunProperties(new Bold());
        _body.Add(new Paragraph(run));
        return this;
    }

    public DocxBuilder Heading(string text, int level = 2)
    {
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new WordText(text))));
        return this;
    }

    /// <summary>A table; the first <paramref name="repeatingHeaderRows"/> rows are marked to repeat on every page (tblHeader).</summary>
    public DocxBuilder Table(IEnumerable<WordCell[]> rows, int repeatingHeaderRows = 0) => Add(TableOf(rows, repeatingHeaderRows));

    /// <summary>A raw element (a table holding a table, for a layout test).</summary>
    public DocxBuilder Add(OpenXmlElement element)
    {
        _body.Add(element);
        return this;
    }

    public static Table TableOf(IEnumerable<WordCell[]> rows, int repeatingHeaderRows = 0)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Sum(c => c.Span));
        var table = new Table(
            new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
                new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })),
            new TableGrid(Enumerable.Range(0, width).Select(_ => new GridColumn { Width = "2400" })));
        for (var r = 0; r < list.Count; r++)
        {
            var row = new TableRow();
            if (r < repeatingHeaderRows) row.Append(new TableRowProperties(new TableHeader()));
            foreach (var cell in list[r])
            {
                var props = new TableCellProperties();
                if (cell.Span > 1) props.Append(new GridSpan { Val = cell.Span });
                if (cell.Merge is { } m) props.Append(new VerticalMerge { Val = m });
                row.Append(new TableCell(props, new Paragraph(new Run(new WordText(cell.Text)))));
            }
            table.Append(row);
        }
        return table;
    }

    public void Save(string path)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body(_body.Select(e => e.CloneNode(true)));
        if (_pageHeader is not null)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new WordText(_pageHeader))));
            body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
        }
        main.Document = new Document(body);
        main.Document.Save();
    }
}
