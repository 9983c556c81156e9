// The files the kit ships in data/, exactly as data/sources.csv lists them, copied once into a temporary
// study folder. Tests that read "the kit's data" as a whole (a study, a reproduce run, every claim) read this
// copy, so an answer or claims file a user adds to their own data/ changes none of them: what the tests pin
// is the shipped files' own figures. FoiKit.Charts.Tests, FoiKit.Cli.Tests and FoiNotebooks.Tests compile this
// same file (linked).
using System.Security.Cryptography;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>The kit's shipped data files (data/sources.csv) and a study folder made of exactly them.</summary>
public static class Shipped
{
    private static readonly Lazy<string> Root = new(FindRoot);

    private static readonly Lazy<IReadOnlyList<ShippedFile>> Listed = new(ReadSources);

    private static readonly Lazy<string> Copy = new(MakeCopy);

    /// <summary>Every file data/sources.csv lists, with the sha256 it records (paths as listed: <c>data/…</c>).</summary>
    public static IReadOnlyList<ShippedFile> Files => Listed.Value;

    /// <summary>
    /// A temporary folder named <c>data</c> holding exactly the shipped files (and data/sources.csv), made once per
    /// test run and deleted when it ends. Named <c>data</c>, its files are named as the kit's own are
    /// (<c>data/responses/dorset.json</c>), so a run over it gives the bytes a run over the shipped data/ gives.
    /// </summary>
    public static string Folder => Copy.Value;

    /// <summary>A shipped file's path in <see cref="Folder"/>, from its path as listed (<c>data/…</c>).</summary>
    public static string PathOf(string listed) => Path.Combine(Folder, listed["data/".Length..].Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The listed files under one folder of data/ (e.g. <c>responses</c>), in order.</summary>
    public static IReadOnlyList<ShippedFile> In(string folder) =>
        Files.Where(f => f.File.StartsWith("data/" + folder + "/", StringComparison.Ordinal)).OrderBy(f => f.File, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<ShippedFile> ReadSources()
    {
        var sources = CsvFile.Load(Path.Combine(Root.Value, "data", "sources.csv"));
        return sources.Rows.Select(r => new ShippedFile(sources.Get(r, "file"), sources.Get(r, "sha256"))).ToList();
    }

    private static string MakeCopy()
    {
        var parent = Path.Combine(Path.GetTempPath(), "foikit-shipped-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(parent, "data");
        foreach (var f in Files.Append(new ShippedFile("data/sources.csv", "")))
        {
            var target = Path.Combine(folder, f.File["data/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Root.Value, f.File), target);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(parent, recursive: true); }
            catch (IOException) { /* a temporary copy left behind is harmless */ }
        };
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FoiNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no FoiNotebooks.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>One shipped data file: its path as data/sources.csv lists it and the sha256 recorded there.</summary>
public sealed record ShippedFile(string File, string Sha256)
{
    /// <summary>The sha256 of the file in the repository's data/ now.</summary>
    public string ActualSha256(string root) =>
        Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(Path.Combine(root, File))));
}
