using System.Globalization;
using FoiKit.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics;

namespace FoiKit.Read.Documents;

/// <summary>
/// A PDF letter with a text layer, through PdfPig: pages are read one at a time (each page's
/// words and rules are handed to <see cref="PdfLayout"/> and let go), so a letter of hundreds of
/// pages never holds more than one page's words. No OCR: a page that is only a picture has no words.
/// </summary>
internal static class PdfAnswerReader
{
    public static Parsed<DocumentContent> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<DocumentContent>.Fail($"{path}: cannot be read ({e.Message})");
        }
        if (bytes.Length == 0) return Parsed<DocumentContent>.Fail($"{path}: the file is empty");
        if (!LooksLikePdf(bytes)) return Parsed<DocumentContent>.Fail($"{path}: this is not a PDF (it does not start with '%PDF'): is it a web page or Word file named .pdf?");

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages == 0)
            {
                document.Dispose();
                return Parsed<DocumentContent>.Fail($"{path}: the PDF has no pages");
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return Parsed<DocumentContent>.Fail($"{path}: the PDF is encrypted (it needs a password to open): ask the force for an unprotected copy, or save one without the password, then read that");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Parsed<DocumentContent>.Fail($"{path}: the PDF is damaged or cut off and cannot be opened ({Short(e)})");
        }
        var facts = new DocumentFacts { Format = "pdf" };
        return Parsed<DocumentContent>.Success(new DocumentContent(PdfLayout.Blocks(Pages(document, facts), facts), facts));
    }

    private static bool LooksLikePdf(byte[] bytes)
    {
        // The header may follow a little junk (some servers prepend bytes); PDF readers look in the first kilobyte.
        var n = Math.Min(bytes.Length - 4, 1024);
        for (var i = 0; i < n; i++)
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F') return true;
        return false;
    }

    internal static string Short(Exception e)
    {
        var m = e.Message.Split('\n')[0].Trim();
        return m.Length <= 120 ? m : string.Concat(m.AsSpan(0, 117), "...");
    }

    /// <summary>Each page's words and rules, read when asked for; the document is closed at the end.</summary>
    private static IEnumerable<PdfPageWords> Pages(PdfDocument document, DocumentFacts facts)
    {
        using (document)
        {
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                PdfPageWords? words;
                try
                {
                    words = Words(document.GetPage(n));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    facts.UnreadablePages.Add(string.Create(CultureInfo.InvariantCulture, $"page {n} ({Short(e)})"));
                    words = null;
                }
                if (words is not null) yield return words;
            }
        }
    }

    private static PdfPageWords Words(Page page)
    {
        var words = new List<PdfWord>();
        foreach (var w in page.GetWords())
        {
            var text = w.Text;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var box = w.BoundingBox;
            var size = 0.0;
            foreach (var l in w.Letters) size = Math.Max(size, l.PointSize);
            var bold = w.FontName is { } f && (f.Contains("Bold", StringComparison.OrdinalIgnoreCase) || f.Contains("Heavy", StringComparison.OrdinalIgnoreCase)
                || f.Contains("Black", StringComparison.OrdinalIgnoreCase));
            words.Add(new PdfWord(text, box.Left, box.Right, box.Bottom, box.Top, size > 0 ? size : box.Height, bold));
        }
        return new PdfPageWords(page.Number, page.Width, page.Height, words, Rules(page.Paths));
    }

    /// <summary>Straight horizontal and vertical lines drawn on the page, and thin filled boxes (borders drawn as rectangles).</summary>
    private static List<PdfRule> Rules(IReadOnlyList<PdfPath> paths)
    {
        var rules = new List<PdfRule>();
        foreach (var path in paths)
        {
            if (path.IsClipping) continue;
            foreach (var sub in path)
            {
                var box = sub.GetBoundingRectangle();
                if (box is { } b && path.IsFilled && (b.Height < 2 || b.Width < 2))
                {
                    if (b.Height < 2 && b.Width >= 2) rules.Add(new PdfRule(b.Left, (b.Bottom + b.Top) / 2, b.Right, (b.Bottom + b.Top) / 2));
                    else if (b.Width < 2 && b.Height >= 2) rules.Add(new PdfRule((b.Left + b.Right) / 2, b.Bottom, (b.Left + b.Right) / 2, b.Top));
                    continue;
                }
                if (!path.IsStroked) continue;
                PdfPoint? start = null, current = null;
                foreach (var command in sub.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move m:
                            start = current = m.Location;
                            break;
                        case PdfSubpath.Line l:
                            Add(rules, l.From, l.To);
                            current = l.To;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            Add(rules, c, s);
                            current = s;
                            break;
                        default:
                            break;
                    }
                }
            }
        }
        return rules;
    }

    private static void Add(List<PdfRule> rules, PdfPoint a, PdfPoint b)
    {
        if (Math.Abs(a.Y - b.Y) < 0.5 && Math.Abs(a.X - b.X) >= 2)
            rules.Add(new PdfRule(Math.Min(a.X, b.X), (a.Y + b.Y) / 2, Math.Max(a.X, b.X), (a.Y + b.Y) / 2));
        else if (Math.Abs(a.X - b.X) < 0.5 && Math.Abs(a.Y - b.Y) >= 2)
            rules.Add(new PdfRule((a.X + b.X) / 2, Math.Min(a.Y, b.Y), (a.X + b.X) / 2, Math.Max(a.Y, b.Y)));
    }
}
