using FoiKit.Model;
using FoiKit.Read.Spreadsheets;
using FoiKit.Reference;

namespace FoiKit.Read.Documents;

/// <summary>
/// Reads an original document (web page, Word or PDF letter) as a response, for <c>normalise</c>:
/// the draft <see cref="DocumentExtractor"/> makes, with a warning that its figures come from an
/// extraction nobody has checked. In a folder, a document is read as a response when it has a
/// sidecar or a request id was given (<see cref="ReadDefaults"/>); otherwise it is skipped, since
/// without one its request cannot be known.
/// </summary>
internal sealed class DocumentResponseReader(ReadDefaults? defaults = null, ForceRegistry? forces = null) : IResponseReader
{
    public ReadDefaults Defaults { get; } = defaults ?? ReadDefaults.None;

    public bool Handles(string path) => DocumentExtractor.Handles(path);

    public bool IsResponse(string path) => File.Exists(ResponseMetadata.SidecarPath(path)) || Defaults.RequestId is { Length: > 0 };

    public Parsed<ResponseTranscript> Read(string path)
    {
        var extracted = DocumentExtractor.Extract(path, Defaults, forces);
        if (!extracted.Ok) return Parsed<ResponseTranscript>.Fail(extracted.Error!);
        var t = extracted.Value!.Transcript;
        var warning = new Diagnostic(Severity.Warning, path,
            $"{TranscriptReview.UncheckedExtraction} of the {t.ExtractedFrom!.Format.ToUpperInvariant()} file: run 'foi extract', compare the draft with the original, mark it \"review\": \"checked\" and normalise that instead");
        return Parsed<ResponseTranscript>.Success(t with { Warnings = [warning, .. t.Warnings] });
    }
}
