using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FoiKit.NotebookRunner;

/// <summary>What staging the notebook library did.</summary>
/// <param name="Folder">Where the dlls are.</param>
/// <param name="Copied">Files written because they were missing or different.</param>
/// <param name="Unchanged">Files already there with the same bytes.</param>
public sealed record StagedLibrary(string Folder, IReadOnlyList<string> Copied, IReadOnlyList<string> Unchanged);

/// <summary>
/// The kit's dlls where the notebooks expect them. Every notebook's setup cell references
/// <c>#r "../artifacts/notebook-lib/FoiKit.dll"</c> (and FoiKit.Charts.dll, FoiKit.Notebooks.dll): a stable, gitignored
/// folder that <c>foi reproduce</c> fills from the program's own folder, so that after one
/// reproduce the notebooks open in VS Code or Jupyter exactly as committed.
/// </summary>
public static class NotebookLibrary
{
    /// <summary>The folder, relative to the repository root.</summary>
    public const string RelativeFolder = "artifacts/notebook-lib";

    /// <summary>The assemblies the notebooks reference by path.</summary>
    public static readonly IReadOnlyList<string> Roots = ["FoiKit", "FoiKit.Charts", "FoiKit.Notebooks"];

    /// <summary>The notebook library folder of a repository.</summary>
    public static string FolderOf(string repositoryRoot) =>
        Path.Combine(repositoryRoot, RelativeFolder.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// Copies the root assemblies and every assembly they need that sits beside them in
    /// <paramref name="sourceFolder"/> (framework assemblies are not there, so they are not copied),
    /// with their XML docs. A file is replaced only when its bytes differ, and by rename, so a
    /// kernel that has the old dll open keeps working.
    /// </summary>
    public static StagedLibrary Stage(string sourceFolder, string targetFolder, IEnumerable<string>? roots = null)
    {
        var names = Closure(sourceFolder, roots ?? Roots);
        Directory.CreateDirectory(targetFolder);
        var copied = new List<string>();
        var unchanged = new List<string>();
        foreach (var name in names)
        {
            foreach (var ext in new[] { ".dll", ".xml" })
            {
                var from = Path.Combine(sourceFolder, name + ext);
                if (!File.Exists(from)) continue;
                var to = Path.Combine(targetFolder, name + ext);
                if (SameBytes(from, to))
                {
                    unchanged.Add(name + ext);
                    continue;
                }
                var temp = to + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                File.Copy(from, temp, overwrite: true);
                File.Move(temp, to, overwrite: true);
                copied.Add(name + ext);
            }
        }
        return new StagedLibrary(targetFolder, copied, unchanged);
    }

    /// <summary>The root assemblies and everything they reference that exists in <paramref name="folder"/>, sorted.</summary>
    public static IReadOnlyList<string> Closure(string folder, IEnumerable<string> roots)
    {
        var rootList = roots.ToList();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(rootList);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            var path = Path.Combine(folder, name + ".dll");
            if (!File.Exists(path))
            {
                if (rootList.Contains(name, StringComparer.Ordinal))
                    throw new FileNotFoundException($"{path}: not found; build the foi program (it references the notebook libraries) first", path);
                continue;
            }
            if (!found.Add(name)) continue;
            foreach (var reference in ReferencesOf(path))
                if (!found.Contains(reference)) pending.Push(reference);
        }
        return found.ToList();
    }

    private static IEnumerable<string> ReferencesOf(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) return [];
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    private static bool SameBytes(string a, string b)
    {
        if (!File.Exists(b)) return false;
        var fa = new FileInfo(a);
        var fb = new FileInfo(b);
        if (fa.Length != fb.Length) return false;
        return File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }
}
