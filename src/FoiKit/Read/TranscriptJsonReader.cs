using FoiKit.Model;

namespace FoiKit.Read;

/// <summary>The response transcript JSON format (contract §1).</summary>
internal sealed class TranscriptJsonReader : IResponseReader
{
    public bool Handles(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public bool IsResponse(string path) => TranscriptReader.LooksLikeTranscript(path);

    public Parsed<ResponseTranscript> Read(string path) => TranscriptReader.Read(path);
}
