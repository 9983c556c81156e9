namespace FoiKit.Read;

/// <summary>
/// What a document does not say about itself, given on the command line (<c>--request</c>,
/// <c>--force</c>). A sidecar <c>&lt;file&gt;.meta.json</c> beside a document wins over these;
/// these win over a force found in the document's heading.
/// </summary>
public sealed record ReadDefaults(string? RequestId = null, string? Force = null)
{
    public static ReadDefaults None { get; } = new();
}
