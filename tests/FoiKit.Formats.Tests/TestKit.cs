using FoiKit.Cli;
using FoiKit.Reference;

namespace FoiKit.Formats.Tests;

/// <summary>Shared test helpers: the kit's data, temporary folders, running the CLI in-process.</summary>
public static class TestKit
{
    /// <summary>
    /// The repository's data/ folder: beside FoiNotebooks.sln, found upwards from the test binaries
    /// (not the reference copy shipped beside the foi program, which holds no responses).
    /// </summary>
    public static string DataFolder { get; } = FindRepositoryData();

    private static string FindRepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FoiNotebooks.sln"))) return Path.Combine(dir.FullName, "data");
        }
        throw new InvalidOperationException($"no FoiNotebooks.sln above {AppContext.BaseDirectory}");
    }

    private static readonly Lazy<KitData> LazyKit = new(() => KitData.Load(DataFolder));

    public static KitData Kit => LazyKit.Value;

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "foikit-formats-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs <c>foi</c> in-process; returns exit code and what it printed.</summary>
    public static (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = FoiCli.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The generated part of the bad-input corpus, made once per test run.</summary>
    public static readonly Lazy<string> GeneratedCorpus = new(() =>
    {
        var dir = TempDir("bad-input-generated");
        Fixtures.BadInputCorpus.Generate(dir);
        return dir;
    });
}
