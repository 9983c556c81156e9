using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Pipeline;
using FoiKit.Read;
using FoiKit.Read.Documents;
using FoiKit.Reference;
using FoiKit.Testing.Renderings;

namespace FoiKit.Documents.Tests;

/// <summary>The kit's data, the Dorset hand transcript, temporary folders, and tidy rows compared without their provenance.</summary>
public static class TestData
{
    public static string DataFolder { get; } = FindRepositoryData();

    private static string FindRepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FoiNotebooks.sln"))) return Path.Combine(dir.FullName, "data");
        throw new InvalidOperationException($"no FoiNotebooks.sln above {AppContext.BaseDirectory}");
    }

    private static readonly Lazy<KitData> LazyKit = new(() => KitData.Load(DataFolder));

    public static KitData Kit => LazyKit.Value;

    public static ForceRegistry Forces => Kit.Reference.Forces;

    public const string Request = "legal-expert-tiktok-2024";

    /// <summary>The hand transcript of Dorset Police's answer: the figures every test rendering carries.</summary>
    public static string DorsetJson => Path.Combine(DataFolder, "responses", "dorset.json");

    /// <summary>The hand transcript itself (the renderings read the same file).</summary>
    public static ResponseTranscript Dorset => DorsetLetters.HandTranscript;

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "foikit-documents-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a sidecar naming the request (and the force when given) beside a document.</summary>
    public static void Sidecar(string document, string? force = null)
    {
        var forceLine = force is null ? "" : $", \"force\": \"{force}\"";
        File.WriteAllText(document + ".meta.json", $"{{ \"request\": \"{Request}\"{forceLine} }}");
    }

    /// <summary>A tidy row without its provenance: what must agree between a document and the hand transcript.</summary>
    public static string Key(Observation o) =>
        $"{o.Question}|{o.Measure}|{o.Period.Label}|{o.Period.Start}|{o.Period.End}|{o.Period.Basis}|{o.Category.Label}|{o.Category.Level}|{o.Category.Code}|{o.Value.Raw}|{o.Value.Value}|{o.Value.Status}|{o.Force.Id}|{o.SourceKind}";

    public static TidyDataset Normalise(string path) => NormaliseRun.Load(Kit, path);

    /// <summary>Normalises one transcript in memory (no files, no input discovery).</summary>
    public static (List<Observation> Observations, List<Reject> Rejects, List<Diagnostic> Warnings) Normalise(ResponseTranscript t)
    {
        var normaliser = new Normaliser(Kit);
        var prepared = normaliser.Prepare(t);
        Assert.True(prepared.Ok, prepared.Error);
        var warnings = new List<Diagnostic>();
        var cells = normaliser.Normalise(prepared.Value!, warnings.Add).ToList();
        return (cells.Where(c => c.Reject is null).Select(c => c.Observation!).ToList(), cells.Where(c => c.Reject is not null).Select(c => c.Reject!).ToList(), warnings);
    }

    /// <summary>Extracts a document with the request given as a default; fails the test with the reason when it cannot.</summary>
    public static ExtractedAnswer Extract(string path, string? force = null)
    {
        var e = DocumentExtractor.Extract(path, new ReadDefaults(Request, force), Forces);
        Assert.True(e.Ok, e.Error);
        return e.Value!;
    }

    /// <summary>The extraction's failure sentence (the test fails when it succeeds).</summary>
    public static string ExtractError(string path, ReadDefaults? defaults = null)
    {
        var e = DocumentExtractor.Extract(path, defaults ?? new ReadDefaults(Request, "Dorset Police"), Forces);
        Assert.False(e.Ok, "the extraction was expected to fail");
        return e.Error!;
    }

    public static List<string[]> Rows(SourceTable t) => t.Rows.Select(r => r.Cells.Select(c => c ?? "").ToArray()).ToList();
}
