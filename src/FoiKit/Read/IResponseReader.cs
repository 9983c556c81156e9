using FoiKit.Model;

namespace FoiKit.Read;

/// <summary>A reader for one input format (transcript JSON; spreadsheets later).</summary>
internal interface IResponseReader
{
    /// <summary>True when the file's name says this reader handles it.</summary>
    bool Handles(string path);

    /// <summary>True when a file found in a folder is a response (not a request, claims or reference file).</summary>
    bool IsResponse(string path);

    Parsed<ResponseTranscript> Read(string path);
}

/// <summary>
/// A reader whose files may hold several responses (a journalist's master sheet covering many
/// forces): each is read, prepared and reported on its own.
/// </summary>
internal interface IMultiResponseReader : IResponseReader
{
    /// <summary>Every response in the file, in file order; a failure names the file (and sheet/rows).</summary>
    IEnumerable<Parsed<ResponseTranscript>> ReadAll(string path);
}
