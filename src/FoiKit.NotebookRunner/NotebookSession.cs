using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace FoiKit.NotebookRunner;

/// <summary>Options for <see cref="NotebookSession"/>.</summary>
public sealed record NotebookSessionOptions
{
    /// <summary>Load kernel extensions shipped in NuGet packages after each #r "nuget:...".</summary>
    public bool LoadPackageExtensions { get; init; } = true;

    /// <summary>Run each notebook with the process's current directory set to the notebook's folder (as VS Code does).</summary>
    public bool UseNotebookDirectoryAsWorkingDirectory { get; init; } = true;

    /// <summary>Stop at the first failing cell (later cells are not run).</summary>
    public bool StopOnError { get; init; } = true;

    /// <summary>
    /// MIME types every displayed value gets besides those its formatters gave (missing ones are formatted by
    /// the runner). None by default, as in VS Code and Jupyter: a plain-text copy of a chart walks Plotly.NET's
    /// F# lists, prints the exceptions their empty tails throw (with run-dependent method names), and is noise.
    /// </summary>
    public IReadOnlyList<string> MimeTypes { get; init; } = [];

    /// <summary>
    /// Call Formatter.ResetToDefault() when the session is created. Formatter registrations (including those
    /// of kernel extensions and of notebook cells) are process-global; without a reset they leak into the
    /// next session. Extensions are loaded again by the new session's #r.
    /// </summary>
    public bool ResetFormatters { get; init; } = true;

    /// <summary>Install <see cref="FSharpCoreFallback"/> (harmless when the host already has FSharp.Core 10.1).</summary>
    public bool FSharpCoreFallback { get; init; } = true;

    /// <summary>Drop the "Installing package..." progress displays that #r "nuget:" produces.</summary>
    public bool DropPackageInstallMessages { get; init; } = true;
}

/// <summary>
/// One in-process .NET Interactive kernel (CompositeKernel + CSharpKernel) that runs notebooks cell by cell.
/// Variables live on between notebooks run in the same session.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    private readonly NotebookSessionOptions _options;

    private NotebookSession(NotebookSessionOptions options, CompositeKernel kernel, CSharpKernel csharp, KernelExtensionLoader? extensions)
    {
        _options = options;
        Kernel = kernel;
        CSharp = csharp;
        Extensions = extensions;
    }

    public CompositeKernel Kernel { get; }
    public CSharpKernel CSharp { get; }
    public KernelExtensionLoader? Extensions { get; }

    /// <summary>Process-wide formatter defaults as the VS Code/Jupyter frontends expect them. Idempotent.</summary>
    public static void ConfigureFormatterDefaults()
    {
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }

    public static NotebookSession Create(NotebookSessionOptions? options = null)
    {
        options ??= new NotebookSessionOptions();
        if (options.ResetFormatters)
        {
            Formatter.ResetToDefault();
        }

        ConfigureFormatterDefaults();
        if (options.FSharpCoreFallback)
        {
            FoiKit.NotebookRunner.FSharpCoreFallback.Install();
        }

        var csharp = new CSharpKernel()
            .UseNugetDirective(
                (kernel, references) =>
                {
                    kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                    return Task.CompletedTask;
                })
            .UseKernelHelpers()
            .UseValueSharing();

        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;

        var loader = options.LoadPackageExtensions ? KernelExtensionLoader.Attach(composite) : null;
        return new NotebookSession(options, composite, csharp, loader);
    }

    /// <summary>Read a variable from the C# kernel's script state.</summary>
    public bool TryGetValue<T>(string name, out T? value)
    {
        if (CSharp.TryGetValue<object>(name, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    public Task<NotebookRunResult> RunAsync(LoadedNotebook notebook, CancellationToken cancellationToken = default) =>
        RunAsync(notebook, null, null, cancellationToken);

    public Task<NotebookRunResult> RunAsync(LoadedNotebook notebook, Action<CellResult>? cellFinished, CancellationToken cancellationToken = default) =>
        RunAsync(notebook, cellFinished, null, cancellationToken);

    /// <summary>
    /// Runs every code cell in order; <paramref name="cellFinished"/> hears about each as it ends. With
    /// <paramref name="parameters"/>, their cell runs right after the notebook's <c>parameters</c> cell (or
    /// before the first code cell of a notebook that has none).
    /// </summary>
    public async Task<NotebookRunResult> RunAsync(LoadedNotebook notebook, Action<CellResult>? cellFinished, NotebookParameters? parameters,
        CancellationToken cancellationToken = default)
    {
        var previousDirectory = Environment.CurrentDirectory;
        if (_options.UseNotebookDirectoryAsWorkingDirectory)
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path)!;
        }

        try
        {
            var total = Stopwatch.StartNew();
            var cells = new List<CellResult>();
            var executionCount = 0;
            var parametersAt = notebook.ParametersCellIndex;
            var injected = parameters is null;
            async Task<bool> RunAsync(string code, string kernelName, int index, bool isInjected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await RunCellAsync(code, kernelName, index, ++executionCount);
                if (isInjected) result = result with { Injected = true };
                cells.Add(result);
                cellFinished?.Invoke(result);
                return result.Succeeded || !_options.StopOnError;
            }

            foreach (var (index, element) in notebook.CodeCells)
            {
                if (!injected && parametersAt is null)
                {
                    injected = true;
                    if (!await RunAsync(parameters!.ToCode(), CSharp.Name, index, isInjected: true)) break;
                }
                if (!await RunAsync(element.Contents, element.KernelName ?? CSharp.Name, index, isInjected: false)) break;
                if (!injected && index == parametersAt)
                {
                    injected = true;
                    if (!await RunAsync(parameters!.ToCode(), CSharp.Name, index, isInjected: true)) break;
                }
            }

            return new NotebookRunResult(notebook, cells, total.Elapsed, Extensions?.Loaded ?? []);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
    }

    /// <summary>Run one piece of code as a cell. <paramref name="executionCount"/> is what the written notebook shows.</summary>
    public async Task<CellResult> RunCellAsync(string code, string kernelName = "csharp", int cellIndex = -1, int executionCount = 1)
    {
        var stopwatch = Stopwatch.StartNew();
        var commandResult = await Kernel.SendAsync(new SubmitCode(code, kernelName));
        stopwatch.Stop();

        var outputs = new List<CellOutput>();
        string? failure = null;
        string? failureName = null;

        foreach (var kernelEvent in commandResult.Events)
        {
            switch (kernelEvent)
            {
                // ErrorProduced derives from DisplayEvent: match it first.
                case ErrorProduced error:
                    outputs.Add(new CellOutput(CellOutputKind.Error, Text(error.Message), ErrorName: "Error"));
                    break;

                case ReturnValueProduced returned:
                    outputs.Add(new CellOutput(CellOutputKind.ReturnValue, Format(returned), returned.ValueId));
                    break;

                case StandardOutputValueProduced stdout:
                    outputs.Add(new CellOutput(CellOutputKind.StandardOutput, Text(PlainOf(stdout))));
                    break;

                case StandardErrorValueProduced stderr:
                    outputs.Add(new CellOutput(CellOutputKind.StandardError, Text(PlainOf(stderr))));
                    break;

                case DisplayedValueUpdated updated:
                    if (_options.DropPackageInstallMessages && updated.Value is InstallPackagesMessage)
                    {
                        break;
                    }

                    // Replace the earlier display with the same id (e.g. progress messages); else append.
                    var replacement = new CellOutput(CellOutputKind.Display, Format(updated), updated.ValueId);
                    var at = outputs.FindIndex(o => o.ValueId is not null && o.ValueId == updated.ValueId);
                    if (at >= 0)
                    {
                        outputs[at] = replacement;
                    }
                    else
                    {
                        outputs.Add(replacement);
                    }

                    break;

                case DisplayEvent display:
                    if (_options.DropPackageInstallMessages && display.Value is InstallPackagesMessage)
                    {
                        break;
                    }

                    outputs.Add(new CellOutput(CellOutputKind.Display, Format(display), display.ValueId));
                    break;

                case CommandFailed failed:
                    failure = failed.Message ?? failed.Exception?.Message ?? "Command failed";
                    failureName = failed.Exception?.GetType().Name ?? "Error";
                    break;
            }
        }

        if (failure is not null)
        {
            outputs.Add(new CellOutput(CellOutputKind.Error, Text(failure), ErrorName: failureName));
        }

        return new CellResult(cellIndex, executionCount, kernelName, code, outputs, failure is null, failure, stopwatch.Elapsed);
    }

    private static Dictionary<string, string> Text(string text) => new() { [PlainTextFormatter.MimeType] = text };

    private static string PlainOf(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == PlainTextFormatter.MimeType)?.Value
        ?? e.Value?.ToString()
        ?? "";

    /// <summary>Formatted values of an event, completed to the configured MIME types.</summary>
    private Dictionary<string, string> Format(DisplayEvent e)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var formatted in e.FormattedValues)
        {
            if (!formatted.SuppressDisplay)
            {
                data[formatted.MimeType] = formatted.Value;
            }
        }

        if (e.Value is not null and not FormattedValue and not IEnumerable<FormattedValue>)
        {
            foreach (var mime in _options.MimeTypes)
            {
                if (!data.ContainsKey(mime))
                {
                    // Strings stay plain text only; everything else gets every configured MIME type.
                    if (e.Value is string && mime != PlainTextFormatter.MimeType)
                    {
                        continue;
                    }

                    data[mime] = e.Value.ToDisplayString(mime);
                }
            }
        }

        return data;
    }

    public void Dispose() => Kernel.Dispose();
}
