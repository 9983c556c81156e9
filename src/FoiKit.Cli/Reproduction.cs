using System.Diagnostics;
using System.Globalization;
using FoiKit.Analyse;
using System.Threading.Channels;
using FoiKit.Charts;
using FoiKit.Model;
using FoiKit.NotebookRunner;
using FoiKit.Pipeline;
using FoiKit.Present;
using FoiKit.Reference;

namespace FoiKit.Cli;

/// <summary>The steps of one reproduce run, with their console lines.</summary>
/// <remarks>
/// The report and its figures (mostly a headless browser's work, in its own processes) are made while
/// the notebooks run (in this process): on two cores that overlap is most of the warm run's speed.
/// Both only read the study and write to their own files; the notebook runner is the only one that
/// moves the current directory, and the report uses full paths.
/// </remarks>
/// <param name="root">The repository checkout (its notebooks/ are run); the working directory during the run.</param>
/// <param name="given">The study folder, force and article the run is about, as given (force and article may be left to the study).</param>
internal sealed class Reproduction(string root, ReproduceTarget given, string outFolder, TextWriter console, TextWriter stderr)
{
    private ReproduceTarget target = given;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _failures = [];
    private readonly List<string> _timings = [];
    private readonly SortedDictionary<string, double> _phases = new(StringComparer.Ordinal);
    private readonly TextWriter stdout = TextWriter.Synchronized(console);

    public async Task<int> RunAsync()
    {
        Directory.CreateDirectory(outFolder);
        stdout.WriteLine($"foi reproduce: {root} -> {Show(outFolder)}");

        // Loading the study reads and normalises every file of the folder (and checks its claims): its time is normalising's.
        var study = Timed("normalise", LoadStudy);
        if (study is null) return Finish();
        target = target.ResolvedBy(study);
        stdout.WriteLine($"study: {target.Data}/, force {target.ForceId}{(target.ForceNote.Length > 0 ? $" ({target.ForceNote})" : "")}, " +
            $"article {(target.ArticleId.Length > 0 ? target.ArticleId : "none")}{(target.ArticleNote.Length > 0 ? $" ({target.ArticleNote})" : "")}");
        Provenance();
        // The report starts first: its browser is the longest path of a study with many forces (a figure or more per
        // force), and it needs only the loaded study. The notebooks' charts reach its browser as each notebook ends,
        // and are drawn there while the next notebook runs; the executed copies are saved once every picture is drawn.
        var charts = Channel.CreateUnbounded<string>();
        var pictures = new Dictionary<string, string>(StringComparer.Ordinal);
        var report = Task.Run(() => ReportAsync(study, charts.Reader, pictures));
        Step("data files", () => Normalise(study));
        Step("check claims", () => CheckClaims(study));
        Step("notebook library", StageLibrary);
        var outcomes = await NotebooksAsync(charts.Writer).ConfigureAwait(false);
        charts.Writer.TryComplete();
        await report.ConfigureAwait(false);
        await SaveNotebooksAsync(outcomes, pictures).ConfigureAwait(false);
        return Finish();
    }

    private int Finish()
    {
        var seconds = Seconds(_clock.Elapsed);
        stdout.WriteLine($"times: {string.Join(", ", _timings)}; total {seconds} s");
        Phase("total", _clock.Elapsed);
        WriteTimings();
        if (_failures.Count == 0)
        {
            stdout.WriteLine($"done in {seconds} s: everything written to {Show(outFolder)}");
            return FoiCli.Ok;
        }
        stderr.WriteLine($"foi reproduce: {_failures.Count} step(s) failed ({seconds} s):");
        foreach (var f in _failures) stderr.WriteLine($"  {f}");
        return FoiCli.Failed;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private T Timed<T>(string name, Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        lock (_timings) _timings.Add($"{name} {Seconds(clock.Elapsed)} s");
        Phase(name, clock.Elapsed);
        return result;
    }

    private void Phase(string name, TimeSpan time)
    {
        lock (_phases) _phases[name.Replace(' ', '_')] = Math.Round(time.TotalSeconds, 3);
    }

    /// <summary>timings.json: phase name to seconds (not a data file: it differs on every run).</summary>
    private void WriteTimings()
    {
        try
        {
            using var stream = File.Create(Path.Combine(outFolder, "timings.json"));
            using var json = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            lock (_phases)
                foreach (var (name, value) in _phases) json.WriteNumber(name, value);
            json.WriteEndObject();
        }
        catch (IOException e)
        {
            Fail($"timings.json: {e.Message}");
        }
    }

    private Study? LoadStudy()
    {
        try
        {
            return Study.Load(target.Folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Fail($"the study could not be loaded: {e.Message}");
            return null;
        }
    }

    /// <summary>Each file against the study's sources.csv: a file without a row (or whose sha256 changed) is named in a warning.</summary>
    private void Provenance()
    {
        if (!File.Exists(Path.Combine(target.Folder.Path, StudyFolder.SourcesFile)))
        {
            stdout.WriteLine($"sources: {target.Data}/ has no {StudyFolder.SourcesFile}, so where each file came from is not recorded");
            return;
        }
        var warnings = target.Folder.CheckSources();
        lock (stderr)
            foreach (var w in warnings) stderr.WriteLine($"warning: {w}");
        stdout.WriteLine($"sources: {(warnings.Count == 0 ? "every file has its row and sha256" : $"{warnings.Count} warning(s)")} in {target.Folder.Name}/{StudyFolder.SourcesFile}");
    }

    private void Step(string name, Action run)
    {
        try
        {
            Timed(name, () => { run(); return 0; });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Fail($"{name}: {e.Message}");
        }
    }

    private void Fail(string message)
    {
        lock (_failures) _failures.Add(message);
        lock (stderr) stderr.WriteLine($"error: {message}");
    }

    /// <summary>
    /// tidy.csv, rejects.csv and tidy.xlsx from the study's tidy data: the same rows normalising the folder again would
    /// give (the study was normalised from it with the same kit a moment ago), so the folder is read once.
    /// </summary>
    private void Normalise(Study study)
    {
        var tidy = Path.Combine(outFolder, "tidy.csv");
        var rejects = Path.Combine(outFolder, "rejects.csv");
        var xlsx = Path.Combine(outFolder, "tidy.xlsx");
        var workbook = new TidyXlsxWriter();
        var data = study.Data;
        using (var csv = new TidyCsvWriter(tidy, rejects))
        {
            var both = new BothSinks(csv, workbook);
            foreach (var d in data.Documents) workbook.AddDocument(d);
            foreach (var o in data.Observations) both.Add(o);
            foreach (var r in data.Rejects) both.Add(r);
        }
        workbook.Save(xlsx);
        var summary = data.Summary;
        stdout.WriteLine($"normalised {target.Data}/: {summary.Files} source(s), {summary.Observations} tidy row(s), {summary.Rejects} reject(s), {summary.Warnings} warning(s) -> {Show(tidy)}, {Show(rejects)}, {Show(xlsx)}");
        lock (stderr)
            foreach (var d in data.Diagnostics.Where(d => d.Severity == Severity.Warning)) stderr.WriteLine($"warning: {d}");
        foreach (var d in data.Diagnostics.Where(d => d.Severity == Severity.Error)) Fail($"normalise: {d}");
    }

    private void CheckClaims(Study study)
    {
        var verdicts = study.Verdicts;
        var path = Path.Combine(outFolder, "verdicts.csv");
        VerdictCsv.Write(path, verdicts);
        var counts = verdicts.GroupBy(v => v.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToContract()}");
        stdout.WriteLine($"checked {verdicts.Count} claim(s) against {study.Data.Documents.Count} source(s): {string.Join(", ", counts)} -> {Show(path)}");
        foreach (var d in study.ClaimProblems) Fail($"check claims: {d}");
    }

    private void StageLibrary()
    {
        var staged = NotebookLibrary.Stage(AppContext.BaseDirectory, NotebookLibrary.FolderOf(root));
        stdout.WriteLine($"notebook library: {staged.Copied.Count + staged.Unchanged.Count} file(s) in {NotebookLibrary.RelativeFolder}/ ({staged.Copied.Count} updated)");
    }

    private async Task<IReadOnlyList<NotebookOutcome>> NotebooksAsync(ChannelWriter<string> charts)
    {
        var found = NotebookBatch.Find(Path.Combine(root, "notebooks"));
        if (found.Count == 0)
        {
            Fail("notebooks: no numbered notebooks (NN-name.ipynb) in notebooks/");
            return [];
        }
        var executed = ExecutedFolder;
        var clock = Stopwatch.StartNew();
        // Each notebook's parameters cell gets this run's study, force and article (contract §8); the study
        // folder is named from the notebook's folder, where the notebook runs, so the executed copies read the
        // same on every machine.
        NotebookParameters Parameters(string notebook) => NotebookParameters.Of(
            Path.GetRelativePath(Path.GetDirectoryName(notebook)!, target.Folder.Path).Replace('\\', '/'),
            target.ForceId, target.ArticleId);
        // The executed copies are written later (SaveNotebooksAsync), with a picture of each chart.
        var outcomes = await NotebookBatch.RunAsync(found, null, e =>
        {
            switch (e)
            {
                case NotebookStarted s:
                    stdout.WriteLine($"notebook {s.Number}/{s.Count} {s.Notebook}: {s.CodeCells} code cell(s)");
                    break;
                case NotebookFinished { Outcome: var o }:
                    var time = o.Result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                    var copy = Show(Path.Combine(executed, o.Name + ".ipynb"));
                    if (o.Succeeded) stdout.WriteLine($"  ok in {time} s -> {copy}");
                    else Fail($"notebook {o.DescribeFailure(root)}{(o.NotRun > 0 ? $" ({o.NotRun} later cell(s) not run)" : "")}; executed copy with the error: {copy}");
                    foreach (var chart in ChartOutputs.Figures([o.Result])) charts.TryWrite(chart);
                    break;
            }
        }, null, Parameters).ConfigureAwait(false);
        stdout.WriteLine($"notebooks: {outcomes.Count(o => o.Succeeded)} of {outcomes.Count} ran without errors");
        var kernels = outcomes.Aggregate(TimeSpan.Zero, (t, o) => t + o.KernelStart);
        var setup = outcomes.Aggregate(TimeSpan.Zero, (t, o) => t + (o.Result.Cells.Count > 0 ? o.Result.Cells[0].Elapsed : TimeSpan.Zero));
        var firstSetup = outcomes.Count > 0 && outcomes[0].Result.Cells.Count > 0 ? outcomes[0].Result.Cells[0].Elapsed : TimeSpan.Zero;
        lock (_timings)
            _timings.Add($"notebooks {Seconds(clock.Elapsed)} s (kernel starts {Seconds(kernels)} s, setup cells {Seconds(setup)} s of which the first {Seconds(firstSetup)} s)");
        Phase("notebooks", clock.Elapsed);
        Phase("kernel_start", kernels);
        Phase("setup_cells", setup);
        Phase("first_setup_cell", firstSetup);
        // The first notebook that draws a chart (00, the blank starter, draws none; later ones reuse the JIT work of
        // those before them, so `foi bench` times a fresh process instead).
        if (outcomes.FirstOrDefault(o => o.FirstCellToFirstChart is not null) is { FirstCellToFirstChart: { } firstChart } charted)
        {
            Phase("first_cell_to_first_chart", firstChart);
            Phase("kernel_start_to_first_chart", charted.KernelStart + firstChart);
            Phase("first_chart_setup_cell", charted.Result.Cells[0].Elapsed);
        }
        Phase("other_cells", outcomes.SelectMany(o => o.Result.Cells.Skip(1)).Aggregate(TimeSpan.Zero, (t, c) => t + c.Elapsed));
        return outcomes;
    }

    private string ExecutedFolder => Path.Combine(outFolder, "notebooks");

    /// <summary>
    /// The executed copies, each chart output with its picture beside its plotly JSON (contract §8). A chart
    /// without a picture (no browser: already reported) keeps its JSON and text only.
    /// </summary>
    private async Task SaveNotebooksAsync(IReadOnlyList<NotebookOutcome> outcomes, IReadOnlyDictionary<string, string> pictures)
    {
        if (outcomes.Count == 0) return;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(ExecutedFolder);
        var missing = 0;
        foreach (var o in outcomes)
        {
            var result = ChartOutputs.WithPictures(o.Result, json =>
            {
                if (pictures.TryGetValue(json, out var png)) return png;
                missing++;
                return null;
            });
            await NotebookBatch.SaveAsync(result, Path.Combine(ExecutedFolder, o.Name + ".ipynb")).ConfigureAwait(false);
        }
        stdout.WriteLine($"executed notebooks: {outcomes.Count} written to {Show(ExecutedFolder)}/, {(missing == 0 ? $"every chart ({pictures.Count}) with its picture" : $"{missing} chart output(s) without a picture")}");
        // The copies GitHub shows (docs/notebooks/): refreshed by the main command only, over the kit's own data with
        // the default force and article into the default out/, when every notebook ran and every chart has its picture.
        // Runs elsewhere (tests, other studies) never touch them, so a test can tell when they are stale.
        if (PublishesDocs && outcomes.All(o => o.Succeeded) && missing == 0)
        {
            var docs = Path.Combine(root, "docs", "notebooks");
            var changed = ExecutedNotebook.Publish(outcomes.Select(o => Path.Combine(ExecutedFolder, o.Name + ".ipynb")), docs);
            stdout.WriteLine($"docs/notebooks: {changed.Count} of {outcomes.Count} updated (the executed copies in the repository)");
        }
        Phase("save_notebooks", clock.Elapsed);
    }

    /// <summary>The main command as the README gives it: the kit's data/, the default force and article, out/ in the repository.</summary>
    private bool PublishesDocs =>
        target.Data == "data" && target.ForceId == ReproduceTarget.DefaultForce && target.ArticleId == ReproduceTarget.DefaultArticle
        && Path.GetFullPath(outFolder).TrimEnd(Path.DirectorySeparatorChar) == Path.Combine(root, "out");

    private async Task ReportAsync(Study study, ChannelReader<string> charts, Dictionary<string, string> pictures)
    {
        ReportResult result;
        var progress = new PrefixedWriter(stdout, "  [report] ");
        var options = new ReportOptions
        {
            SeedArticleId = target.ArticleId,
            ForceId = target.ForceId,
            // The report's one browser draws the notebooks' charts too, as they arrive.
            WhileBrowserOpen = async page =>
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    await foreach (var chart in charts.ReadAllAsync().ConfigureAwait(false))
                    {
                        if (pictures.ContainsKey(chart)) continue;
                        pictures[chart] = await page.PngBase64Async(chart).ConfigureAwait(false);
                    }
                    progress.WriteLine($"notebook charts: {pictures.Count} picture(s), {page.Reused} of them from a figure already drawn");
                }
                catch (Exception e) when (e is PuppeteerSharp.PuppeteerException or InvalidOperationException or TimeoutException)
                {
                    Fail($"notebook charts: pictures not drawn: {e.Message}");
                }
                Phase("notebook_pictures", clock.Elapsed);
            },
        };
        try
        {
            result = await ReportWriter.WriteAsync(study, outFolder, options, progress).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail($"report: {e.Message}");
            return;
        }
        var t = result.Timings;
        Phase("report_and_figures", t.Total);
        Phase("charts", t.Charts);
        Phase("report_html", t.ReportHtml);
        Phase("chromium_start", t.BrowserStart);
        Phase("page_load", t.PageLoad);
        Phase("figures", t.Figures);
        lock (_timings)
            _timings.Add($"report and figures {Seconds(t.Total)} s (charts {Seconds(t.Charts)} s, report.html {Seconds(t.ReportHtml)} s, browser start {Seconds(t.BrowserStart)} s, page load {Seconds(t.PageLoad)} s, PNG and SVG {Seconds(t.Figures)} s)");
        if (result.RemoteReferences.Count > 0) Fail($"report: {Show(result.ReportPath)} would load from the network: {string.Join(", ", result.RemoteReferences)}");
        if (result.FiguresRendered)
        {
            stdout.WriteLine($"report: {Show(result.ReportPath)} and {result.Exported.Count} figure(s) as PNG and SVG in {Show(Path.Combine(outFolder, ReportWriter.FiguresFolderName))}/");
        }
        else
        {
            // Everything else is written; the figures are what a browser is needed for.
            Fail($"figures: not written. {result.BrowserMessage.TrimEnd('.')}. Everything else is written: the data files, the notebooks and {Show(result.ReportPath)}.");
        }
    }

    /// <summary>A path for the console: relative to the repository when inside it.</summary>
    private string Show(string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }

    /// <summary>Marks another step's progress lines (they interleave with the notebooks').</summary>
    private sealed class PrefixedWriter(TextWriter inner, string prefix) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value) => inner.WriteLine(prefix + value?.TrimStart());

        public override void Write(char value) => inner.Write(value);
    }

    private sealed class BothSinks(ITidySink first, ITidySink second) : ITidySink
    {
        public void Add(Observation observation)
        {
            first.Add(observation);
            second.Add(observation);
        }

        public void Add(Reject reject)
        {
            first.Add(reject);
            second.Add(reject);
        }
    }
}

/// <summary>What a reproduce run is about (contract §6).</summary>
/// <param name="Data">The study folder as given (<c>data</c> by default), for the console.</param>
/// <param name="Folder">The study folder.</param>
/// <param name="Force">The force given (its id in forces.csv), or null to take the article's.</param>
/// <param name="Article">The article given (checked against the study's claims), or null to let the claims decide.</param>
internal sealed record ReproduceTarget(string Data, StudyFolder Folder, string? Force, string? Article)
{
    public const string DefaultForce = "cambridgeshire";

    public const string DefaultArticle = "peterborough-today-cambridgeshire";

    /// <summary>The force the run is about (an id of forces.csv); set by <see cref="ResolvedBy"/>.</summary>
    public string ForceId { get; private init; } = Force ?? DefaultForce;

    /// <summary>The article the run follows; empty when the study has no claims; set by <see cref="ResolvedBy"/>.</summary>
    public string ArticleId { get; private init; } = Article ?? DefaultArticle;

    /// <summary>How the force was chosen, when it was not given.</summary>
    public string ForceNote { get; private init; } = "";

    /// <summary>How the article was chosen, when it was not given.</summary>
    public string ArticleNote { get; private init; } = "";

    /// <summary>
    /// The force and article, with what was not given chosen from the study: the article is the default one when the
    /// claims hold it, else the first article about the force given, else the first article (none without claims); the
    /// force is the article's, else the first force the study holds its own answer for, else the first it holds
    /// anything about, else the default.
    /// </summary>
    public ReproduceTarget ResolvedBy(Findings study)
    {
        var article = Article;
        var articleNote = "";
        if (article is null)
        {
            var articles = study.Articles;
            article = articles.Contains(DefaultArticle, StringComparer.Ordinal) ? DefaultArticle
                : articles.FirstOrDefault(a => Force is not null && study.ForceOfArticle(a) == Force) ?? articles.FirstOrDefault() ?? "";
            articleNote = article.Length == 0 ? "the study holds no claims"
                : article == DefaultArticle ? "" : "the study's claims hold no article named with --article, so its first" + (Force is null ? "" : " about the force");
        }
        var force = Force;
        var forceNote = "";
        if (force is null)
        {
            var coverage = study.Coverage.Forces;
            var fromArticle = article.Length > 0 ? study.ForceOfArticle(article) : null;
            force = fromArticle
                ?? coverage.FirstOrDefault(f => f.Holds == ForceHolding.OwnAnswer)?.ForceId
                ?? coverage.FirstOrDefault(f => f.Holds != ForceHolding.Nothing)?.ForceId
                ?? DefaultForce;
            forceNote = fromArticle is not null ? (force == DefaultForce && article == DefaultArticle ? "" : "the article's force")
                : force == DefaultForce ? "" : "the first force the study holds material for";
        }
        return this with { ForceId = force, ArticleId = article, ForceNote = forceNote, ArticleNote = articleNote };
    }
}
