// The notebooks run once per test run, in this process, with the runner foi reproduce uses; every
// notebook test reads the same outcomes. Notebook runs set the process's current directory and
// .NET Interactive formatters are process-global, so nothing in this assembly runs in parallel.
using System.Diagnostics;
using System.Text.Json;
using FoiKit.NotebookRunner;
using FoiKit.Pipeline;
using FoiKit.Tests;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace FoiNotebooks.Tests;

/// <summary>Every notebook in notebooks/, run once, with its executed copy written to a temporary folder.</summary>
public sealed class NotebookRuns : IAsyncLifetime
{
    public IReadOnlyList<NotebookOutcome> Outcomes { get; private set; } = [];

    public string OutputFolder { get; } = Path.Combine(Path.GetTempPath(), "foinotebooks-tests-" + Guid.NewGuid().ToString("N"));

    public TimeSpan Elapsed { get; private set; }

    public NotebookOutcome this[string prefix] => Outcomes.Single(o => o.Name.StartsWith(prefix, StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        // The notebooks #r the kit from artifacts/notebook-lib/, as reproduce leaves it.
        NotebookLibrary.Stage(AppContext.BaseDirectory, NotebookLibrary.FolderOf(Repo.Root));
        // Load the kit from this test's own folder first, so the notebooks' #r binds to the same
        // assemblies and their variables can be read back with the kit's types.
        _ = typeof(Study).Assembly;
        _ = typeof(FoiKit.Charts.StoryCharts).Assembly;
        _ = typeof(FoiKit.Notebooks.Frames).Assembly;
        var clock = Stopwatch.StartNew();
        // With the values reproduce gives them by default, so the executed copies can be compared with reproduce's.
        Outcomes = await NotebookBatch.RunAsync(NotebookBatch.Find(Repo.PathOf("notebooks")), OutputFolder, null, null,
            // over the same study folder of exactly the shipped files, named from the notebooks' folder as reproduce names it.
            _ => NotebookParameters.Of(Path.GetRelativePath(Repo.PathOf("notebooks"), Shipped.Folder).Replace('\\', '/'),
                "cambridgeshire", "peterborough-today-cambridgeshire"));
        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(OutputFolder)) Directory.Delete(OutputFolder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class NotebookCollection : ICollectionFixture<NotebookRuns>
{
    public const string Name = "notebooks";
}

/// <summary>Reading what a notebook showed.</summary>
public static class Outputs
{
    /// <summary>Every output of every cell, as text (stdout and every MIME type).</summary>
    public static string AllText(NotebookOutcome outcome) =>
        string.Join("\n", outcome.Result.Cells.SelectMany(c => c.Outputs).SelectMany(o => o.Data.Values));

    /// <summary>Standard output of all cells.</summary>
    public static string Stdout(NotebookOutcome outcome) => string.Concat(outcome.Result.Cells.Select(c => c.StandardOutput));

    /// <summary>The chart outputs' plotly JSON (<c>{"data": [...], "layout": {...}}</c>), in order.</summary>
    public static IReadOnlyList<string> Charts(NotebookOutcome outcome) =>
        outcome.Result.Cells.SelectMany(c => c.Outputs).Where(ChartOutputs.IsChart).Select(o => o.Data[ChartOutputs.PlotlyMimeType]).ToList();

    /// <summary>The plotly.js data (traces) of a chart output.</summary>
    public static JsonElement ChartData(string plotlyJson) => JsonDocument.Parse(plotlyJson).RootElement.GetProperty("data").Clone();

    /// <summary>A notebook file's JSON.</summary>
    public static JsonDocument Json(string path) => JsonDocument.Parse(File.ReadAllText(path));
}
