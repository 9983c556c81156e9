// Shared test helpers: the repository's location, the kit's real data loaded once, in-memory
// transcripts, and a normalise call that collects everything. FoiKit.Cli.Tests compiles this
// same file (linked), so nothing here is copied between the test projects.
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read;
using FoiKit.Reference;

namespace FoiKit.Tests;

/// <summary>The repository checkout the tests run from (the folder holding FoiNotebooks.sln).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The kit's real data folder.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>A path inside the repository, from forward-slash parts.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FoiNotebooks.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no FoiNotebooks.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>The kit's own reference tables and request definitions, loaded once from data/.</summary>
public static class Kit
{
    public const string RequestId = "legal-expert-tiktok-2024";

    private static readonly Lazy<KitData> Loaded = new(() => KitData.Load(Repo.Data));

    public static KitData Data => Loaded.Value;

    public static ReferenceData Reference => Data.Reference;
}

/// <summary>What normalising one transcript produced.</summary>
public sealed record Normalised(List<Observation> Observations, List<Reject> Rejects, List<Diagnostic> Warnings)
{
    public int Cells => Observations.Count + Rejects.Count;

    /// <summary>The observation taken from one cell (1-based row and column).</summary>
    public Observation At(int row, int column, int table = 1) =>
        Assert.Single(Observations, o => o.Source.Table == table && o.Source.Row == row && o.Source.Column == column);

    public Reject RejectAt(int row, int column, int table = 1) =>
        Assert.Single(Rejects, r => r.Source.Table == table && r.Source.Row == row && r.Source.Column == column);
}

/// <summary>Builds transcripts in memory, as a force would print them, and normalises them.</summary>
public static class Build
{
    /// <summary>A printed table; rows are numbered from 1 as the transcript reader numbers them.</summary>
    public static SourceTable Table(string question, string[] columns, params string?[][] rows) =>
        new(1, question, "", columns, rows.Select((cells, i) => new SourceRow(i + 1, cells)).ToList());

    public static ResponseTranscript Transcript(params SourceTable[] tables) => Transcript("Dorset Police", tables);

    public static ResponseTranscript Transcript(string force, params SourceTable[] tables) => new(
        "test.json", Kit.RequestId, SourceKind.ForceResponse, force, "https://example.org/foi", "", "", "", false, "",
        tables.Select((t, i) => t with { Index = i + 1 }).ToList());

    /// <summary>Normalises one in-memory transcript with the kit's real reference data.</summary>
    public static Normalised Run(ResponseTranscript transcript)
    {
        var normaliser = new Normaliser(Kit.Data);
        var prepared = normaliser.Prepare(transcript);
        Assert.True(prepared.Ok, prepared.Error);
        var result = new Normalised([], [], []);
        // As the run does: the prepared transcript's own warnings (e.g. a table matched to a question by its shape) first.
        result.Warnings.AddRange(prepared.Value!.Transcript.Warnings);
        foreach (var cell in normaliser.Normalise(prepared.Value!, result.Warnings.Add))
        {
            if (cell.Observation is { } o) result.Observations.Add(o);
            else result.Rejects.Add(cell.Reject!);
        }
        return result;
    }

    public static Normalised Run(params SourceTable[] tables) => Run(Transcript(tables));

    /// <summary>Reads a transcript file but records it under <paramref name="displayName"/>, as if given so on the command line.</summary>
    public static ResponseTranscript ReadAs(string path, string displayName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var parsed = TranscriptReader.FromJson(doc.RootElement, displayName);
        Assert.True(parsed.Ok, parsed.Error);
        return parsed.Value!;
    }

    /// <summary>A transcript file's text in the contract's format (§1).</summary>
    public static string TranscriptJson(string force, string request, params (string Question, string[] Columns, string?[][] Rows)[] tables) =>
        JsonSerializer.Serialize(new
        {
            schema = TranscriptReader.Schema,
            request,
            kind = "force_response",
            force,
            source_url = "https://example.org/foi",
            tables = tables.Select(t => new { question = t.Question, caption = "", columns = t.Columns, rows = t.Rows }),
            truncated = false,
            notes = "synthetic test fixture",
        });
}

/// <summary>A scratch folder, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "foikit-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a scratch folder left behind is harmless */ }
    }
}
