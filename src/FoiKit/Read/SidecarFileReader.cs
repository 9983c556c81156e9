using FoiKit.Model;

namespace FoiKit.Read;

/// <summary>
/// A sidecar <c>&lt;file&gt;.meta.json</c> describes a CSV or workbook beside it: it is not a
/// response itself, so folders skip it and naming it alone is an error that says what to name.
/// </summary>
internal sealed class SidecarFileReader : IResponseReader
{
    public bool Handles(string path) => path.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase);

    public bool IsResponse(string path) => false;

    public Parsed<ResponseTranscript> Read(string path) => Parsed<ResponseTranscript>.Fail(
        $"{path}: this is a sidecar describing '{Path.GetFileName(path[..^".meta.json".Length])}': name that file instead");
}
