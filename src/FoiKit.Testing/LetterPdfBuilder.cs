using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace FoiKit.Testing;

/// <summary>
/// Writes a PDF letter laid out as FOI letters are (A4, headings, wrapped paragraphs, tables ruled
/// or not, page numbers in the footer), with PdfPig's document builder and the standard fonts:
/// for tests and benchmarks of the PDF reader. Whatever it writes is made up by its caller; it
/// holds no text of its own.
/// </summary>
public sealed class LetterPdfBuilder : IDisposable
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;
    public const double Margin = 72;
    private const double BodySize = 10;

    private readonly PdfDocumentBuilder _doc = new();
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private PdfPageBuilder _page;
    private double _y;

    /// <summary>Starts a letter; <paramref name="pageNumbers"/> prints "Page n" at the foot of each page.</summary>
    public LetterPdfBuilder(bool pageNumbers = true)
    {
        _regular = _doc.AddStandard14Font(Standard14Font.Helvetica);
        _bold = _doc.AddStandard14Font(Standard14Font.HelveticaBold);
        PageNumbers = pageNumbers;
        _page = NewPage();
    }

    public bool PageNumbers { get; }

    /// <summary>Pages so far.</summary>
    public int Pages { get; private set; }

    /// <summary>How far down the current page the next line goes (points from the bottom).</summary>
    public double Y => _y;

    private PdfPageBuilder NewPage()
    {
        _page = _doc.AddPage(PageWidth, PageHeight);
        Pages++;
        _y = PageHeight - Margin;
        if (PageNumbers) _page.AddText(string.Create(CultureInfo.InvariantCulture, $"Page {Pages}"), 8, new PdfPoint(PageWidth / 2 - 12, 36), _regular);
        return _page;
    }

    /// <summary>Starts a new page.</summary>
    public LetterPdfBuilder PageBreak()
    {
        NewPage();
        return this;
    }

    /// <summary>Leaves <paramref name="points"/> of blank space.</summary>
    public LetterPdfBuilder Space(double points)
    {
        _y -= points;
        return this;
    }

    /// <summary>A line of text at a given left position, on the current line (the cursor does not move).</summary>
    public LetterPdfBuilder TextAt(double x, string text, double size = BodySize, bool bold = false)
    {
        _page.AddText(text, size, new PdfPoint(x, _y), bold ? _bold : _regular);
        return this;
    }

    /// <summary>Moves the cursor one line down.</summary>
    public LetterPdfBuilder NewLine(double size = BodySize)
    {
        _y -= size * 1.4;
        if (_y < Margin) NewPage();
        return this;
    }

    /// <summary>A bold heading on its own line, with space above.</summary>
    public LetterPdfBuilder Heading(string text, double size = 11)
    {
        Space(size * 0.8);
        Ensure(size * 3);
        _page.AddText(text, size, new PdfPoint(Margin, _y), _bold);
        return NewLine(size);
    }

    /// <summary>A paragraph wrapped to the page width, with space below.</summary>
    public LetterPdfBuilder Paragraph(string text, double size = BodySize)
    {
        var width = PageWidth - 2 * Margin;
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Width(candidate, size, false) > width && line.Length > 0)
            {
                Ensure(size * 1.4);
                _page.AddText(line, size, new PdfPoint(Margin, _y), _regular);
                NewLine(size);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0)
        {
            Ensure(size * 1.4);
            _page.AddText(line, size, new PdfPoint(Margin, _y), _regular);
            NewLine(size);
        }
        return Space(size * 0.6);
    }

    /// <summary>
    /// A table: the first <paramref name="headerRows"/> rows in bold; columns at the given widths
    /// from the left margin; figures (every column but the first) right-aligned; rules drawn
    /// around every cell when <paramref name="ruled"/>. A table longer than the page goes on over
    /// the page, its header printed again when <paramref name="repeatHeader"/>.
    /// </summary>
    /// <param name="gapAfter">Space after the table; 0 runs the next paragraph straight on.</param>
    public LetterPdfBuilder Table(IReadOnlyList<string[]> rows, double[] widths, bool ruled, bool repeatHeader = false, int headerRows = 1,
        double gapAfter = BodySize, double size = BodySize)
    {
        var rowHeight = size * 1.8;
        var lefts = new double[widths.Length + 1];
        lefts[0] = Margin;
        for (var i = 0; i < widths.Length; i++) lefts[i + 1] = lefts[i] + widths[i];
        Ensure(rowHeight * Math.Min(rows.Count, headerRows + 2));
        var top = _y + size; // the top edge of the current row
        for (var r = 0; r < rows.Count; r++)
        {
            if (top - rowHeight < Margin)
            {
                NewPage();
                top = _y + size;
                if (repeatHeader)
                    for (var h = 0; h < headerRows; h++) top = Row(rows[h], lefts, top, rowHeight, size, true, ruled);
            }
            top = Row(rows[r], lefts, top, rowHeight, size, r < headerRows, ruled);
        }
        _y = top - size - gapAfter;
        if (_y < Margin) NewPage();
        return this;
    }

    private double Row(string[] cells, double[] lefts, double top, double rowHeight, double size, bool bold, bool ruled)
    {
        var baseline = top - rowHeight + (rowHeight - size) / 2 + size * 0.2;
        for (var c = 0; c < cells.Length && c + 1 < lefts.Length; c++)
        {
            if (cells[c].Length == 0) continue;
            var x = c == 0 ? lefts[c] + 4 : lefts[c + 1] - 4 - Width(cells[c], size, bold);
            _page.AddText(cells[c], size, new PdfPoint(x, baseline), bold ? _bold : _regular);
        }
        if (ruled)
        {
            _page.DrawLine(new PdfPoint(lefts[0], top), new PdfPoint(lefts[^1], top), 0.5);
            _page.DrawLine(new PdfPoint(lefts[0], top - rowHeight), new PdfPoint(lefts[^1], top - rowHeight), 0.5);
            foreach (var x in lefts) _page.DrawLine(new PdfPoint(x, top), new PdfPoint(x, top - rowHeight), 0.5);
        }
        return top - rowHeight;
    }

    /// <summary>A drawn line (for a letterhead rule, or a table drawn by hand).</summary>
    public LetterPdfBuilder Rule(double x1, double y1, double x2, double y2)
    {
        _page.DrawLine(new PdfPoint(x1, y1), new PdfPoint(x2, y2), 0.5);
        return this;
    }

    private void Ensure(double height)
    {
        if (_y - height < Margin) NewPage();
    }

    private double Width(string text, double size, bool bold)
    {
        var letters = _page.MeasureText(text, size, new PdfPoint(0, 0), bold ? _bold : _regular);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>The finished PDF.</summary>
    public byte[] Build() => _doc.Build();

    public void Dispose() => _doc.Dispose();
}
