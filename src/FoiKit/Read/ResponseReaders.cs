using FoiKit.Model;

namespace FoiKit.Read;

/// <summary>A reader for one input format (transcript JSON; spreadsheets later).</summary>
public interface IResponseReader
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
public interface IMultiResponseReader : IResponseReader
{
    /// <summary>Every response in the file, in file order; a failure names the file (and sheet/rows).</summary>
    IEnumerable<Parsed<ResponseTranscript>> ReadAll(string path);
}

/// <summary>The response transcript JSON format (contract §1).</summary>
public sealed class TranscriptJsonReader : IResponseReader
{
    public bool Handles(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public bool IsResponse(string path) => TranscriptReader.LooksLikeTranscript(path);

    public Parsed<ResponseTranscript> Read(string path) => TranscriptReader.Read(path);
}

/// <summary>Finds the input files named on a command line, in a stable order.</summary>
public static class InputDiscovery
{
    /// <summary>The readers the kit knows, in order of preference.</summary>
    public static IReadOnlyList<IResponseReader> Readers { get; set; } =
        [new SidecarFileReader(), new CsvResponseReader(), new XlsxResponseReader(), new TranscriptJsonReader(), new Documents.DocumentResponseReader()];

    /// <summary>Files to read, sorted so that output does not depend on argument order.</summary>
    /// <param name="inputs">Files or folders as given.</param>
    /// <param name="skipped">Files in folders that are not responses (request definitions, claims, reference tables).</param>
    /// <param name="missing">Arguments that do not exist.</param>
    public static IReadOnlyList<string> Find(IEnumerable<string> inputs, out IReadOnlyList<string> skipped, out IReadOnlyList<string> missing)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var skip = new List<string>();
        var gone = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(Display(input));
            }
            else if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories))
                {
                    var name = Path.GetFileName(f);
                    if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)) continue;
                    var reader = Readers.FirstOrDefault(r => r.Handles(f));
                    if (reader is not null && reader.IsResponse(f)) files.Add(Display(f));
                    else skip.Add(Display(f));
                }
            }
            else
            {
                gone.Add(input);
            }
        }
        skip.Sort(StringComparer.Ordinal);
        skipped = skip;
        missing = gone;
        return files.ToList();
    }

    public static IResponseReader? ReaderFor(string path) => Readers.FirstOrDefault(r => r.Handles(path));

    /// <summary>Paths are shown with forward slashes so output is the same on every system.</summary>
    private static string Display(string path) => path.Replace('\\', '/');
}
