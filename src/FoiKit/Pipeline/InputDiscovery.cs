using FoiKit.Read;
using FoiKit.Read.Documents;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>Finds the input files named on a command line, in a stable order.</summary>
internal static class InputDiscovery
{
    /// <summary>The readers the kit knows, in order of preference, for files that say what they are.</summary>
    public static IReadOnlyList<IResponseReader> Readers { get; } = ReadersFor(ReadDefaults.None);

    /// <summary>
    /// The readers, given what the command line supplies for files that do not say it (<c>--request</c>,
    /// <c>--force</c>): one list per run, so nothing is left behind for the next run.
    /// </summary>
    /// <param name="forces">Where a document's heading is looked up for a force; null for the kit's <c>forces.csv</c>.</param>
    public static IReadOnlyList<IResponseReader> ReadersFor(ReadDefaults defaults, ForceRegistry? forces = null) =>
        [new SidecarFileReader(), new CsvResponseReader(defaults), new XlsxResponseReader(defaults), new TranscriptJsonReader(), new DocumentResponseReader(defaults, forces)];

    /// <summary>Files to read, sorted so that output does not depend on argument order.</summary>
    /// <param name="inputs">Files or folders as given.</param>
    /// <param name="skipped">Files in folders that are not responses (request definitions, claims, reference tables).</param>
    /// <param name="missing">Arguments that do not exist.</param>
    /// <param name="readers">The readers that decide what in a folder is a response (default <see cref="Readers"/>).</param>
    public static IReadOnlyList<string> Find(IEnumerable<string> inputs, out IReadOnlyList<string> skipped, out IReadOnlyList<string> missing,
        IReadOnlyList<IResponseReader>? readers = null)
    {
        readers ??= Readers;
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
                    var reader = ReaderFor(f, readers);
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

    public static IResponseReader? ReaderFor(string path, IReadOnlyList<IResponseReader>? readers = null) =>
        (readers ?? Readers).FirstOrDefault(r => r.Handles(path));

    /// <summary>Paths are shown with forward slashes so output is the same on every system.</summary>
    private static string Display(string path) => path.Replace('\\', '/');
}
