namespace FoiKit.Read.Documents;

/// <summary>
/// A document read by a format reader: its blocks in reading order and what was learnt about the
/// file. <see cref="Blocks"/> may be produced as it is enumerated (PDF pages are read one at a
/// time), so <see cref="Facts"/> is complete only once the blocks have been read to the end.
/// </summary>
internal sealed record DocumentContent(IEnumerable<DocumentBlock> Blocks, DocumentFacts Facts);

/// <summary>What a format reader learnt about a file besides its blocks.</summary>
internal sealed class DocumentFacts
{
    /// <summary><c>html</c>, <c>docx</c> or <c>pdf</c>: the <c>extracted_from.format</c> of a draft.</summary>
    public string Format { get; init; } = "";

    /// <summary>The document's own address, when it states one (a web page's canonical link).</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>Why the document looks cut off; null when it looks whole.</summary>
    public string? TruncatedWhy { get; set; }

    /// <summary>Pages read (PDF); 0 for formats without pages.</summary>
    public int Pages { get; set; }

    /// <summary>Pages that hold no text at all (PDF): scanned images, or blank pages.</summary>
    public List<int> PagesWithoutText { get; } = [];

    /// <summary>Pages that could not be read (damaged content), with the reason.</summary>
    public List<string> UnreadablePages { get; } = [];

    /// <summary>False when the document holds no text at all (a scanned PDF).</summary>
    public bool Text { get; set; } = true;
}
