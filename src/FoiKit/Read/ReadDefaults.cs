namespace FoiKit.Read;

/// <summary>
/// What a response file does not say about itself, given on the command line (<c>--request</c>,
/// <c>--force</c>; contract §6): for documents, and for CSV and XLSX responses with no metadata.
/// They only fill gaps: what a file says itself (a metadata block, an <c>about</c> sheet) and a
/// sidecar <c>&lt;file&gt;.meta.json</c> win over them; they win over a force found in a
/// document's heading. A file that says nothing and is given either is a <c>force_response</c>.
/// </summary>
/// <remarks>
/// In a folder, a document is read as a response once a request is given, but a CSV or workbook
/// still has to say what it is: folders hold claims and reference tables as CSV too. Named
/// directly, any of them is read with these defaults.
/// </remarks>
public sealed record ReadDefaults(string? RequestId = null, string? Force = null)
{
    public static ReadDefaults None { get; } = new();

    /// <summary>True when neither a request nor a force is given.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(RequestId) && string.IsNullOrWhiteSpace(Force);
}
