using System.Diagnostics;
using System.Text;

namespace FoiKit.NotebookRunner;

/// <summary>Something that happened while running a batch of notebooks (reported as it happens, in order).</summary>
public abstract record NotebookEvent(string Notebook);

/// <summary>A notebook is about to run.</summary>
/// <param name="Number">1-based position in the batch.</param>
/// <param name="Count">Notebooks in the batch.</param>
/// <param name="CodeCells">Code cells in the notebook.</param>
public sealed record NotebookStarted(string Notebook, int Number, int Count, int CodeCells) : NotebookEvent(Notebook);

/// <summary>A code cell has run.</summary>
/// <param name="CodeCell">1-based position among the notebook's code cells.</param>
public sealed record NotebookCellFinished(string Notebook, CellResult Cell, int CodeCell, int CodeCells) : NotebookEvent(Notebook);

/// <summary>A notebook has run (and its executed copy was written, when an output folder was given).</summary>
public sealed record NotebookFinished(NotebookOutcome Outcome) : NotebookEvent(Outcome.Name);

/// <summary>One notebook's run: its cells, the file written, and the kernel's variables at the end.</summary>
/// <param name="Name">File name without extension ("01-reproduce-the-article").</param>
/// <param name="SourcePath">The notebook run.</param>
/// <param name="OutputPath">The executed copy, when one was written.</param>
/// <param name="Result">Every cell run, with outputs.</param>
/// <param name="Variables">The C# kernel's top-level variables when the notebook ended.</param>
/// <param name="KernelStart">Time to create the kernel.</param>
public sealed record NotebookOutcome(
    string Name,
    string SourcePath,
    string? OutputPath,
    NotebookRunResult Result,
    IReadOnlyDictionary<string, object?> Variables,
    TimeSpan KernelStart)
{
    public bool Succeeded => Result.Succeeded && Result.Cells.All(c => !c.Outputs.Any(o => o.Kind == CellOutputKind.Error));

    /// <summary>The first cell that failed or wrote an error output.</summary>
    public CellResult? FirstFailure => Result.Cells.FirstOrDefault(c => !c.Succeeded || c.Outputs.Any(o => o.Kind == CellOutputKind.Error));

    /// <summary>
    /// What a reader of this notebook, opened fresh, waits for its first chart: the code cells' times from the
    /// first to the first that drew a chart (<see cref="CellResult.DrawsChart"/>). Null when none drew one.
    /// </summary>
    public TimeSpan? FirstCellToFirstChart
    {
        get
        {
            var time = TimeSpan.Zero;
            foreach (var cell in Result.Cells)
            {
                time += cell.Elapsed;
                if (cell.DrawsChart) return time;
            }
            return null;
        }
    }

    /// <summary>How many code cells were not run because an earlier one failed.</summary>
    public int NotRun => Result.Notebook.CodeCells.Count() - Result.Cells.Count(c => !c.Injected);

    /// <summary>A variable's value, when the notebook defined it with that type.</summary>
    public T Get<T>(string name) =>
        Variables.TryGetValue(name, out var v) && v is T t
            ? t
            : throw new KeyNotFoundException($"{Name}: no variable '{name}' of type {typeof(T).Name} (has {string.Join(", ", Variables.Keys)})");

    /// <summary>"notebooks/02-across-forces.ipynb, cell 7 (code cell 4: `study.Profile(…)`): error CS0103: …" for the first failure.</summary>
    public string? DescribeFailure(string? relativeTo = null)
    {
        if (FirstFailure is not { } cell) return null;
        // Counted among the notebook's own code cells: a cell the runner injected is not one of them.
        var codeCell = Result.Cells.Where(c => !c.Injected || c == cell).ToList().IndexOf(cell) + 1;
        var firstLine = cell.Code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) ?? "";
        if (firstLine.Length > 60) firstLine = firstLine[..57] + "...";
        var message = cell.FailureMessage ?? cell.Outputs.First(o => o.Kind == CellOutputKind.Error).PlainText ?? "error";
        var firstMessageLine = message.Split('\n')[0].TrimEnd('\r');
        var path = relativeTo is null ? SourcePath : Path.GetRelativePath(relativeTo, SourcePath).Replace('\\', '/');
        return $"{path}, cell {cell.CellIndex + 1} (code cell {codeCell}: `{firstLine}`): {firstMessageLine}";
    }
}

/// <summary>
/// Runs notebooks one after another in this process, each in a fresh kernel (a shared kernel leaks
/// usings and variables between notebooks), and writes the executed copies with their outputs
/// (volatile ids normalised so runs compare equal). The one runner behind <c>foi reproduce</c> and
/// the notebook tests.
/// </summary>
public static class NotebookBatch
{
    /// <summary>The numbered notebooks of a folder ("01-….ipynb"), in order.</summary>
    public static IReadOnlyList<string> Find(string folder) =>
        Directory.EnumerateFiles(folder, "*.ipynb")
            .Where(f => Path.GetFileName(f) is { Length: > 3 } n && char.IsAsciiDigit(n[0]) && char.IsAsciiDigit(n[1]) && n[2] == '-')
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs the notebooks; a failing notebook stops at its failing cell and the batch goes on with the next.</summary>
    /// <param name="notebooks">Paths of .ipynb files.</param>
    /// <param name="outputFolder">Where executed copies go (same file names); null to write nothing.</param>
    /// <param name="report">Called as things happen, on the calling flow.</param>
    /// <param name="options">Session options (a fresh session per notebook is always used).</param>
    public static Task<IReadOnlyList<NotebookOutcome>> RunAsync(
        IReadOnlyList<string> notebooks,
        string? outputFolder,
        Action<NotebookEvent>? report = null,
        NotebookSessionOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(notebooks, outputFolder, report, options, null, cancellationToken);

    /// <summary>As above, each notebook run with <paramref name="parameters"/> (see <see cref="NotebookParameters"/>).</summary>
    /// <param name="parameters">Given the notebook's path, the values for its parameters cell; null runs each as saved.</param>
    public static async Task<IReadOnlyList<NotebookOutcome>> RunAsync(
        IReadOnlyList<string> notebooks,
        string? outputFolder,
        Action<NotebookEvent>? report,
        NotebookSessionOptions? options,
        Func<string, NotebookParameters>? parameters,
        CancellationToken cancellationToken = default)
    {
        var outcomes = new List<NotebookOutcome>();
        if (outputFolder is not null) Directory.CreateDirectory(outputFolder);
        for (var i = 0; i < notebooks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.GetFullPath(notebooks[i]);
            var name = Path.GetFileNameWithoutExtension(path);
            var notebook = await NotebookLoader.LoadAsync(path).ConfigureAwait(false);
            var given = parameters?.Invoke(path);
            var codeCells = notebook.CodeCells.Count() + (given is null ? 0 : 1);
            report?.Invoke(new NotebookStarted(name, i + 1, notebooks.Count, codeCells));

            var kernelClock = Stopwatch.StartNew();
            using var session = NotebookSession.Create(options);
            var kernelStart = kernelClock.Elapsed;
            var done = 0;
            var result = await session.RunAsync(notebook, cell => report?.Invoke(new NotebookCellFinished(name, cell, ++done, codeCells)),
                    given, cancellationToken)
                .ConfigureAwait(false);

            string? written = null;
            if (outputFolder is not null)
            {
                written = Path.Combine(outputFolder, Path.GetFileName(path));
                await SaveAsync(result, written, cancellationToken).ConfigureAwait(false);
            }
            var outcome = new NotebookOutcome(name, path, written, result, Variables(session), kernelStart);
            outcomes.Add(outcome);
            report?.Invoke(new NotebookFinished(outcome));
        }
        return outcomes;
    }

    /// <summary>Writes an executed notebook as the batch does: outputs with their volatile ids normalised, so runs compare equal.</summary>
    public static Task SaveAsync(NotebookRunResult result, string path, CancellationToken cancellationToken = default) =>
        File.WriteAllTextAsync(path, VolatileOutput.Normalize(NotebookWriter.ToIpynb(result)), new UTF8Encoding(false), cancellationToken);

    private static Dictionary<string, object?> Variables(NotebookSession session)
    {
        // Later cells may declare a name again: the last declaration wins, as in the notebook.
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in session.CSharp.ScriptState?.Variables ?? []) values[variable.Name] = variable.Value;
        return values;
    }
}
