using System.Security.Cryptography;
using FoiKit.Model;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Pipeline;

/// <summary>
/// A study folder (contract §7): someone's own material laid out like the kit's <c>data/</c>:
/// <c>responses/</c> (forces' answers), <c>articles/</c> (what newspapers printed), <c>claims/</c>
/// (one CSV per article), and optionally <c>requests/</c> (request definitions besides the kit's)
/// and <c>sources.csv</c> (where each file came from, with its sha256). It replaces the kit's data:
/// nothing of the kit's own responses, articles or claims is read with it. The kit's reference
/// tables and request definitions are always available.
/// <para>
/// Files are named in every output as <c>NAME/…</c>, where NAME is the folder's own name
/// (<c>data/responses/dorset.json</c>, <c>my-study/claims/x.csv</c>), wherever the folder lives and
/// wherever the kit runs from, so the same folder gives the same bytes on every machine.
/// </para>
/// </summary>
public sealed class StudyFolder
{
    /// <summary>Forces' own answers.</summary>
    public const string ResponsesFolder = "responses";

    /// <summary>Figures as newspapers printed them.</summary>
    public const string ArticlesFolder = "articles";

    /// <summary>Claims files, one CSV per article (contract §4).</summary>
    public const string ClaimsFolderName = "claims";

    /// <summary>Request definitions added to the kit's own (contract §2).</summary>
    public const string RequestsFolder = "requests";

    /// <summary>Where each file came from, its licence and its sha256.</summary>
    public const string SourcesFile = "sources.csv";

    /// <summary>The claims template a new study gets in claims/ (the claims columns, no claim).</summary>
    public const string ClaimsTemplate = "template.csv";

    private StudyFolder(string path)
    {
        Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        Name = System.IO.Path.GetFileName(Path) is { Length: > 0 } name ? name : "study";
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The folder's own name: the first part of every file name the study's outputs show.</summary>
    public string Name { get; }

    /// <summary>The claims folder (it may not exist: a study without claims still runs).</summary>
    public string ClaimsFolder => System.IO.Path.Combine(Path, ClaimsFolderName);

    /// <summary>True when the folder holds a reference/ of its own: it is a copy of the kit's data folder, read with its own tables.</summary>
    public bool IsKitDataCopy => File.Exists(System.IO.Path.Combine(Path, "reference", "forces.csv"))
        && Directory.Exists(System.IO.Path.Combine(Path, RequestsFolder));

    /// <summary>Opens a study folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (the message is one sentence naming it).</exception>
    public static StudyFolder Open(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such study folder");
        return new StudyFolder(folder);
    }

    /// <summary>
    /// Lays out a new, empty study folder: <c>responses/</c>, <c>articles/</c>, <c>claims/</c> with a claims template
    /// (the contract's header, no claims) and a README of its columns, and a README.md of the layout and the next
    /// commands. The folder may exist but must be empty: nothing is ever overwritten.
    /// </summary>
    /// <returns>The new study folder.</returns>
    /// <exception cref="IOException">The folder exists and is not empty.</exception>
    public static StudyFolder Create(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"{folder} is not empty: a new study is laid out in a new or empty folder, so nothing is overwritten");
        var study = new StudyFolder(Directory.CreateDirectory(folder).FullName);
        foreach (var sub in new[] { ResponsesFolder, ArticlesFolder, ClaimsFolderName })
            Directory.CreateDirectory(System.IO.Path.Combine(study.Path, sub));
        StudyLayout.Write(study);
        return study;
    }

    /// <summary>
    /// The reference tables and request definitions the study is read with: the kit's own (found as
    /// <see cref="KitData.LocateDataFolder"/> does), plus the study's <c>requests/</c>. A copy of the kit's
    /// data folder (with its own <c>reference/</c> and <c>requests/</c>) is read with its own.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The kit's data folder cannot be found.</exception>
    /// <exception cref="InvalidDataException">A request definition cannot be read (the message names it).</exception>
    public KitData LoadKit()
    {
        if (IsKitDataCopy) return KitData.Load(Path);
        var own = System.IO.Path.Combine(Path, RequestsFolder);
        return KitData.LoadDefault(Directory.Exists(own) ? [own] : null);
    }

    /// <summary>How a file inside the folder is named in outputs: <c>NAME/relative/path</c>, with forward slashes.</summary>
    public string NameOf(string file)
    {
        var full = System.IO.Path.GetFullPath(file);
        var relative = System.IO.Path.GetRelativePath(Path, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative)) return full.Replace('\\', '/');
        return relative == "." ? Name : (Name + "/" + relative).Replace('\\', '/');
    }

    /// <summary>
    /// The file a name from this folder's outputs stands for (the inverse of <see cref="NameOf"/>): <c>NAME/responses/x.json</c>
    /// is <c>responses/x.json</c> inside the folder. A name that is not of this folder is returned as it is.
    /// </summary>
    public string PathOf(string name)
    {
        var prefix = Name + "/";
        return name.StartsWith(prefix, StringComparison.Ordinal)
            ? System.IO.Path.Combine(Path, name[prefix.Length..].Replace('/', System.IO.Path.DirectorySeparatorChar))
            : name;
    }

    /// <summary>
    /// True for a file that is plainly not an answer, so finding it is not worth a warning: READMEs and
    /// other notes, <c>sources.csv</c>, sidecars, and anything under <c>claims/</c>, <c>requests/</c> or
    /// <c>reference/</c>.
    /// </summary>
    /// <param name="relative">The file's path inside the folder searched, with forward slashes.</param>
    public static bool IsPlainlyNotAnAnswer(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return true;
        if (parts[..^1].Any(p => p is ClaimsFolderName or RequestsFolder or "reference")) return true;
        var name = parts[^1];
        return name.Equals(SourcesFile, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("LICENCE", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith('.');
    }

    /// <summary>
    /// Each file of the folder against its <c>sources.csv</c> (where it came from, its licence and sha256): a file
    /// with no row, a row whose file is not there, and a file whose sha256 is not the one listed are each a warning
    /// (a study is still read: the warnings say what its provenance lacks). Empty when the folder has no sources.csv.
    /// A row names its file from the folder (<c>responses/x.json</c>) or from its parent (<c>NAME/responses/x.json</c>).
    /// </summary>
    public IReadOnlyList<Diagnostic> CheckSources()
    {
        var sourcesPath = System.IO.Path.Combine(Path, SourcesFile);
        if (!File.Exists(sourcesPath)) return [];
        var sourcesName = NameOf(sourcesPath);
        CsvFile sources;
        try
        {
            sources = CsvFile.Load(sourcesPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            return [new Diagnostic(Severity.Warning, sourcesName, $"cannot be read as CSV ({e.Message}), so no file's source can be checked")];
        }
        if (sources.MissingColumns("file", "sha256") is { Count: > 0 } missing)
            return [new Diagnostic(Severity.Warning, sourcesName, $"has no {string.Join(" or ", missing)} column, so no file's source can be checked")];

        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in sources.Rows)
        {
            var file = sources.Get(row, "file").Trim().Replace('\\', '/');
            if (file.StartsWith(Name + "/", StringComparison.Ordinal)) file = file[(Name.Length + 1)..];
            if (file.Length > 0) listed[file] = sources.Get(row, "sha256").Trim();
        }
        var warnings = new List<Diagnostic>();
        var onDisk = Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Where(f => f != SourcesFile && !f.Split('/').Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var file in onDisk)
        {
            var name = Name + "/" + file;
            if (!listed.TryGetValue(file, out var sha))
            {
                // A README explains the folder; it holds no figure, so it needs no row (one that is listed is still checked).
                if (System.IO.Path.GetFileName(file).StartsWith("README", StringComparison.OrdinalIgnoreCase)) continue;
                warnings.Add(new Diagnostic(Severity.Warning, name, $"has no row in {sourcesName}: say where it came from, its licence and its sha256"));
                continue;
            }
            string actual;
            using (var stream = File.OpenRead(System.IO.Path.Combine(Path, file))) actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!actual.Equals(sha, StringComparison.OrdinalIgnoreCase))
                warnings.Add(new Diagnostic(Severity.Warning, name, $"its sha256 is {actual}, not the {(sha.Length > 0 ? sha : "(empty)")} {sourcesName} lists: it changed after it was listed"));
        }
        foreach (var file in listed.Keys.Except(onDisk, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            warnings.Add(new Diagnostic(Severity.Warning, sourcesName, $"lists {file}, which is not in the study"));
        return warnings;
    }

    public override string ToString() => Name;
}
