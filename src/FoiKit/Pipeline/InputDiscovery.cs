using FoiKit.Read;
using FoiKit.Read.Documents;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>A file found in a folder whose meaning the kit cannot tell, and the one-line fix.</summary>
/// <param name="File">The file, as named in outputs.</param>
/// <param name="Fix">What to add so the kit can read it.</param>
internal sealed record UnmarkedFile(string File, string Fix);

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
    /// <param name="skipped">Files in folders that are plainly not responses (request definitions, claims, reference tables, sidecars, READMEs).</param>
    /// <param name="missing">Arguments that do not exist.</param>
    /// <param name="readers">The readers that decide what in a folder is a response (default <see cref="Readers"/>).</param>
    public static IReadOnlyList<string> Find(IEnumerable<string> inputs, out IReadOnlyList<string> skipped, out IReadOnlyList<string> missing,
        IReadOnlyList<IResponseReader>? readers = null) =>
        Find(inputs, out skipped, out _, out missing, readers);

    /// <summary>As <see cref="Find(IEnumerable{string}, out IReadOnlyList{string}, out IReadOnlyList{string}, IReadOnlyList{IResponseReader}?)"/>, also naming the files found in folders whose meaning the kit cannot tell.</summary>
    /// <param name="inputs">Files or folders as given.</param>
    /// <param name="skipped">Files in folders that are plainly not responses.</param>
    /// <param name="unmarked">Files in folders that may be answers but say nothing the kit can read them by (no schema, no sidecar, no metadata block).</param>
    /// <param name="missing">Arguments that do not exist.</param>
    /// <param name="readers">The readers that decide what in a folder is a response (default <see cref="Readers"/>).</param>
    public static IReadOnlyList<string> Find(IEnumerable<string> inputs, out IReadOnlyList<string> skipped, out IReadOnlyList<UnmarkedFile> unmarked,
        out IReadOnlyList<string> missing, IReadOnlyList<IResponseReader>? readers = null)
    {
        readers ??= Readers;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var skip = new List<string>();
        var notMarked = new List<UnmarkedFile>();
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
                    else if (StudyFolder.IsPlainlyNotAnAnswer(Path.GetRelativePath(input, f)) || IsClaimsFile(f) || reader is TranscriptJsonReader) skip.Add(Display(f));
                    else
                    {
                        // Still a skipped file (the run's note counts it), and named with its fix besides.
                        skip.Add(Display(f));
                        notMarked.Add(new UnmarkedFile(Display(f), FixFor(f, reader)));
                    }
                }
            }
            else
            {
                gone.Add(input);
            }
        }
        skip.Sort(StringComparer.Ordinal);
        notMarked.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        skipped = skip;
        unmarked = notMarked;
        missing = gone;
        return files.ToList();
    }

    public static IResponseReader? ReaderFor(string path, IReadOnlyList<IResponseReader>? readers = null) =>
        (readers ?? Readers).FirstOrDefault(r => r.Handles(path));

    /// <summary>
    /// The one-line fix for a file the kit cannot tell the meaning of. (A JSON file found in a folder is
    /// read as a transcript unless it is a request definition, so it never needs one.)
    /// </summary>
    private static string FixFor(string path, IResponseReader? reader)
    {
        // A file in an articles/ folder is a newspaper's, not a force's: its sidecar says published_article.
        var inArticles = string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), "articles", StringComparison.OrdinalIgnoreCase);
        var kind = inArticles ? "published_article" : "force_response";
        var sidecar = $"add '{Path.GetFileName(path)}.meta.json' beside it with its force and request " +
                      $"({{\"force\": \"…\", \"request\": \"…\", \"kind\": \"{kind}\"}})";
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (inArticles && ext is ".html" or ".htm" or ".txt" or ".md")
            return $"an article's text is not read as figures, so it was not read: draft its claims with 'foi draft-claims {Path.GetFileName(path)} --force … " +
                   $"--article … --out claims/….csv' and check them, or, for the figures of a table it prints, {sidecar}";
        return reader switch
        {
            CsvResponseReader => $"it does not say what it is, so it was not read: {sidecar}, or start it with a metadata block " +
                                 "('schema,foi-response/1', 'request,…', 'kind,…', 'force,…' lines)",
            XlsxResponseReader => $"it does not say what it is, so it was not read: {sidecar}, or add a sheet named 'about' with " +
                                  "schema, request, kind and force rows, or a metadata block at the top of its first sheet",
            DocumentResponseReader => $"its request and force are not known, so it was not read: {sidecar}",
            _ => $"the kit does not read '{Path.GetExtension(path)}' files, so it was not read: save the answer as CSV or XLSX and {sidecar}",
        };
    }

    /// <summary>A claims file (contract §4) found among answers: its header starts with the claims columns.</summary>
    private static bool IsClaimsFile(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            using var reader = new StreamReader(path);
            var header = reader.ReadLine() ?? "";
            return header.TrimStart('\uFEFF').StartsWith(string.Join(',', ClaimsReader.Columns[..3]), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Paths are shown with forward slashes so output is the same on every system.</summary>
    private static string Display(string path) => path.Replace('\\', '/');
}
