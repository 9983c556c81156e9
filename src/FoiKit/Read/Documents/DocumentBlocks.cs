namespace FoiKit.Read.Documents;

/// <summary>
/// What a format reader saw in a document, in reading order: text and tables, nothing yet judged.
/// Web pages, Word letters and PDF letters all become these blocks, so the rules that decide which
/// tables hold figures, which text is a caption and which force wrote the answer are written once
/// (<see cref="DocumentAssembler"/>).
/// </summary>
/// <param name="Where">Where the block sits, for messages ("page 2"); empty when the format has no pages.</param>
internal abstract record DocumentBlock(string Where);

/// <summary>How a piece of text is set.</summary>
internal enum TextRole
{
    /// <summary>Running text: a paragraph, a list item, a line of a letter.</summary>
    Paragraph,

    /// <summary>A heading (HTML <c>h1</c>–<c>h6</c>, a Word heading style, a bold line of its own).</summary>
    Heading,

    /// <summary>Page furniture that names the sender: a page's banner or title, a Word page header. Not prose.</summary>
    Letterhead,
}

/// <summary>One paragraph, heading or letterhead line, whitespace collapsed.</summary>
internal sealed record TextBlock(string Text, TextRole Role, string Where = "") : DocumentBlock(Where);

/// <summary>Whether a grid cell holds its own text or is covered by a merged cell.</summary>
internal enum CellSpan
{
    /// <summary>The cell's own text.</summary>
    Own,

    /// <summary>Covered by a cell merged across from the left (<c>colspan</c>, <c>gridSpan</c>): the text is that cell's.</summary>
    FromLeft,

    /// <summary>Covered by a cell merged down from above (<c>rowspan</c>, <c>vMerge</c>): the text is that cell's.</summary>
    FromAbove,
}

/// <summary>One position of a table's grid after merged cells are spread out.</summary>
internal readonly record struct DocumentCell(string Text, CellSpan Span = CellSpan.Own)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// A table as laid out: a rectangular grid (merged cells spread over the positions they cover).
/// Whether it holds figures, and which rows are its header, is decided later.
/// </summary>
/// <param name="Rows">Rows of cells, every row as wide as the widest.</param>
/// <param name="HeaderRows">Rows the markup marks as header (<c>th</c>/<c>thead</c>, Word <c>tblHeader</c>); -1 when the markup does not say.</param>
/// <param name="Caption">A caption the markup gives (HTML <c>caption</c>); empty otherwise.</param>
/// <param name="Ruled">PDF: rebuilt from drawn rules (false for words aligned in columns).</param>
internal sealed record TableBlock(IReadOnlyList<DocumentCell[]> Rows, int HeaderRows, string Caption, string Where = "", bool Ruled = false)
    : DocumentBlock(Where);

/// <summary>Something the format reader noticed that the person checking the draft should know.</summary>
internal sealed record NoticeBlock(string Message, string Where = "") : DocumentBlock(Where);

/// <summary>Text helpers shared by the format readers.</summary>
internal static class DocumentText
{
    /// <summary>Whitespace (including non-breaking spaces, tabs and line breaks) collapsed to single spaces, trimmed.</summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch is '\u00a0' or '\u200b' or '\ufeff')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Makes every row as wide as the widest, padding with blank cells.</summary>
    public static List<DocumentCell[]> Square(List<List<DocumentCell>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var result = new List<DocumentCell[]>(rows.Count);
        foreach (var r in rows)
        {
            var cells = new DocumentCell[width];
            for (var i = 0; i < width; i++) cells[i] = i < r.Count ? r[i] : new DocumentCell("");
            result.Add(cells);
        }
        return result;
    }
}
