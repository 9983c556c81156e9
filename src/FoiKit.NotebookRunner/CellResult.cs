namespace FoiKit.NotebookRunner;

/// <summary>What kind of event produced an output.</summary>
public enum CellOutputKind
{
    ReturnValue,
    Display,
    StandardOutput,
    StandardError,
    Error,
}

/// <summary>One output of a cell. <see cref="Data"/> maps MIME type to formatted text.</summary>
/// <param name="Kind">The event kind.</param>
/// <param name="Data">MIME type to formatted text.</param>
/// <param name="ValueId">Display id (for updates), when the kernel gave one.</param>
/// <param name="ErrorName">For errors: the exception type name when known, else "Error".</param>
public sealed record CellOutput(CellOutputKind Kind, IReadOnlyDictionary<string, string> Data, string? ValueId = null, string? ErrorName = null)
{
    public string? Html => Data.GetValueOrDefault("text/html");
    public string? PlainText => Data.GetValueOrDefault("text/plain");
}

/// <summary>The outcome of one code cell.</summary>
public sealed record CellResult(
    int CellIndex,
    int ExecutionCount,
    string KernelName,
    string Code,
    IReadOnlyList<CellOutput> Outputs,
    bool Succeeded,
    string? FailureMessage,
    TimeSpan Elapsed)
{
    /// <summary>True for the cell the runner added after the parameters cell (it is not in the notebook file).</summary>
    public bool Injected { get; init; }

    public IEnumerable<CellOutput> OfKind(CellOutputKind kind) => Outputs.Where(o => o.Kind == kind);

    /// <summary>All stdout text of the cell, concatenated.</summary>
    public string StandardOutput => string.Concat(OfKind(CellOutputKind.StandardOutput).Select(o => o.PlainText));

    /// <summary>Whether an output draws a chart (Plotly's JSON, as the kit's chart formatter writes it).</summary>
    public bool DrawsChart => Outputs.Any(ChartOutputs.IsChart);
}

/// <summary>The outcome of a whole notebook.</summary>
public sealed record NotebookRunResult(
    LoadedNotebook Notebook,
    IReadOnlyList<CellResult> Cells,
    TimeSpan Elapsed,
    IReadOnlyList<string> LoadedExtensions)
{
    public bool Succeeded => Cells.All(c => c.Succeeded);
}
