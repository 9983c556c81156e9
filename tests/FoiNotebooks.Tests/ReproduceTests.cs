// foi reproduce, run twice as a process from the repository root as a user runs it: everything is
// written, the data files and executed notebooks are the same bytes every run (and the same as the
// in-process run), the report loads nothing from the network, and a failing notebook is named.
using System.Text.Json;
using FoiKit.Charts;
using FoiKit.Charts.Export;
using FoiKit.NotebookRunner;
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

/// <summary>Two reproduce runs into temporary folders, shared by the tests below.</summary>
public sealed class ReproduceRuns : IAsyncLifetime
{
    public string First { get; } = Path.Combine(Path.GetTempPath(), "foi-reproduce-a-" + Guid.NewGuid().ToString("N"));

    public string Second { get; } = Path.Combine(Path.GetTempPath(), "foi-reproduce-b-" + Guid.NewGuid().ToString("N"));

    public ProcessRun FirstRun { get; private set; } = null!;

    public ProcessRun SecondRun { get; private set; } = null!;

    /// <summary>The assemblies the first run loaded (FOIKIT_LOADED_ASSEMBLIES, src/FoiKit.Cli/LoadedAssemblies.cs).</summary>
    public string LoadedAssemblies { get; } = Path.Combine(Path.GetTempPath(), "foi-reproduce-loaded-" + Guid.NewGuid().ToString("N") + ".txt");

    public bool HasBrowser { get; } = BrowserLocator.Find(out _) is not null;

    public async Task InitializeAsync()
    {
        // Over a study folder of exactly the shipped files (data/sources.csv), so what else is in data/ changes nothing.
        FirstRun = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["FOIKIT_LOADED_ASSEMBLIES"] = LoadedAssemblies }, Processes.FoiDll, "reproduce", "--data", Shipped.Folder, "--out", First);
        SecondRun = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(10), Processes.FoiDll, "reproduce", "--data", Shipped.Folder, "--out", Second);
    }

    public Task DisposeAsync()
    {
        foreach (var d in new[] { First, Second })
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        File.Delete(LoadedAssemblies);
        return Task.CompletedTask;
    }
}

[Collection(NotebookCollection.Name)]
public sealed partial class ReproduceTests(NotebookRuns runs, ReproduceTests.Fixture fixture) : IClassFixture<ReproduceTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ReproduceRuns Runs { get; } = new();

        public Task InitializeAsync() => Runs.InitializeAsync();

        public Task DisposeAsync() => Runs.DisposeAsync();
    }

    private ReproduceRuns R => fixture.Runs;

    [Fact]
    public void It_exits_0_when_all_went_well_and_shows_progress()
    {
        Assert.True(R.HasBrowser ? R.FirstRun.ExitCode == 0 : R.FirstRun.ExitCode == 1, R.FirstRun.ToString());
        var stdout = R.FirstRun.Stdout;
        // The shipped files' own figures: Dorset's answer and six articles; the rows and claims they hold.
        var sources = Shipped.In("responses").Count + Shipped.In("articles").Count;
        var rows = FoiKit.Pipeline.NormaliseRun.Load(Kit.Data, Shipped.Folder).Observations.Count;
        var claims = Shipped.In("claims").Sum(f => FoiKit.Read.ClaimsReader.Read(Shipped.PathOf(f.File)).Value!.Count);
        Assert.Equal(7, sources);
        Assert.Contains($"normalised {Shipped.Folder}/: {sources} source(s), {rows} tidy row(s), 0 reject(s)", stdout, StringComparison.Ordinal);
        Assert.Contains($"checked {claims} claim(s)", stdout, StringComparison.Ordinal);
        for (var i = 0; i <= 5; i++) Assert.Contains($"notebook {i + 1}/6 0{i}-", stdout, StringComparison.Ordinal);
        Assert.Contains("notebooks: 6 of 6 ran without errors", stdout, StringComparison.Ordinal);
        if (R.HasBrowser) Assert.Contains("every chart (", stdout, StringComparison.Ordinal);
        // A run into another folder than out/ leaves the repository's executed copies alone.
        Assert.DoesNotContain("docs/notebooks:", stdout, StringComparison.Ordinal);
        if (R.HasBrowser) Assert.Contains("done in ", stdout, StringComparison.Ordinal);
        else Assert.Contains("figures: not written", R.FirstRun.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void It_loads_the_notebook_runner_which_normalise_and_check_claims_never_do()
    {
        // The other half of FoiKit.Cli.Tests' LightProgramTests: the same list shows the runner when it is loaded.
        var loaded = File.ReadAllLines(R.LoadedAssemblies);
        foreach (var name in new[] { "FoiKit.NotebookRunner", "Microsoft.DotNet.Interactive.CSharp", "Microsoft.CodeAnalysis.CSharp" })
            Assert.Contains(name, loaded);
        if (R.HasBrowser) Assert.Contains("PuppeteerSharp", loaded);
    }

    [Fact]
    public void It_writes_the_data_files_the_notebooks_the_report_and_the_figures()
    {
        foreach (var file in new[] { "tidy.csv", "rejects.csv", "tidy.xlsx", "verdicts.csv", "report.html" })
            Assert.True(File.Exists(Path.Combine(R.First, file)), file);
        Assert.Equal(NotebookBatch.Find(Repo.PathOf("notebooks")).Select(Path.GetFileName),
            Directory.GetFiles(Path.Combine(R.First, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (!R.HasBrowser) return;
        var figures = Path.Combine(R.First, "figures");
        var png = Directory.GetFiles(figures, "*.png").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var svg = Directory.GetFiles(figures, "*.svg").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.NotEmpty(png);
        Assert.Equal(png, svg);
        Assert.Contains("cambridgeshire-year-bounds", png);
    }

    [Fact]
    public void The_data_files_are_the_same_bytes_on_every_run()
    {
        foreach (var file in new[] { "tidy.csv", "rejects.csv", "tidy.xlsx", "verdicts.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(R.First, file)), File.ReadAllBytes(Path.Combine(R.Second, file)));
        // Sources are named from the repository root, not this machine's folders.
        var tidy = File.ReadAllText(Path.Combine(R.First, "tidy.csv"));
        Assert.DoesNotContain(Repo.Root, tidy, StringComparison.Ordinal);
        Assert.Contains(",data/responses/dorset.json,", tidy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_executed_notebooks_are_the_same_every_run_and_as_the_test_runner_wrote_them()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(R.First, "notebooks"), "*.ipynb"))
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            // Same bytes, pictures included, on the same machine.
            Assert.Equal(text, File.ReadAllText(Path.Combine(R.Second, "notebooks", name)));
            // The test runner draws no pictures: the rest is the same.
            Assert.Equal(ExecutedNotebook.Comparable(File.ReadAllText(Path.Combine(runs.OutputFolder, name)), withoutPictures: true),
                ExecutedNotebook.Comparable(text, withoutPictures: true));
        }
    }

    /// <summary>The first line where two texts differ, both ways, so a stale copy says what changed.</summary>
    private static string FirstDifference(string committed, string fresh)
    {
        var a = committed.Split('\n');
        var b = fresh.Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        static string At(string[] lines, int i) => i < lines.Length ? lines[i].Trim() : "(end)";
        return $"line {i + 1}: committed {At(a, i)} / this run {At(b, i)}";
    }

    [Fact]
    public void The_executed_copies_in_docs_are_not_stale()
    {
        // docs/notebooks/ holds what reproduce writes over data/ with the defaults (the README's main command, which
        // refreshes it). Compared with this run's copies, pictures aside (their bytes depend on the machine's browser;
        // the plotly JSON beside each is compared instead, and every picture is checked to decode below).
        var docs = Repo.PathOf("docs/notebooks");
        var executed = Directory.GetFiles(Path.Combine(R.First, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(executed, Directory.GetFiles(docs, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in executed)
        {
            var expected = ExecutedNotebook.Comparable(File.ReadAllText(Path.Combine(R.First, "notebooks", name!)), withoutPictures: !R.HasBrowser);
            var committed = ExecutedNotebook.Comparable(File.ReadAllText(Path.Combine(docs, name!)), withoutPictures: !R.HasBrowser);
            Assert.True(expected == committed, $"docs/notebooks/{name} is stale: run `dotnet run --project src/FoiKit.Cli -c Release -- reproduce --out out` and commit docs/notebooks/ ({FirstDifference(committed, expected)})");
        }
        AssertPictures(docs);
    }

    [Fact]
    public void Every_chart_of_every_executed_notebook_has_a_picture_beside_its_plotly_json_and_no_plotly_js()
    {
        if (!R.HasBrowser) return;
        AssertPictures(Path.Combine(R.First, "notebooks"));
    }

    private static void AssertPictures(string folder)
    {
        var charts = 0;
        foreach (var path in Directory.GetFiles(folder, "*.ipynb"))
        {
            var text = File.ReadAllText(path);
            Assert.True(new FileInfo(path).Length <= 2 * 1024 * 1024, $"{path}: {new FileInfo(path).Length} bytes, over 2 MB");
            // plotly.js announces itself in its first line; none of it is in any output.
            Assert.DoesNotContain("plotly.js v", text, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(text);
            // Markdown cells have no outputs.
            foreach (var output in doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.TryGetProperty("outputs", out _)).SelectMany(c => c.GetProperty("outputs").EnumerateArray()))
            {
                if (!output.TryGetProperty("data", out var data) || !data.TryGetProperty(ChartOutputs.PlotlyMimeType, out var figure)) continue;
                charts++;
                // The interactive form is a JSON object (nbformat's rule for +json types), with traces and layout.
                Assert.Equal(JsonValueKind.Array, figure.GetProperty("data").ValueKind);
                Assert.Equal(JsonValueKind.Object, figure.GetProperty("layout").ValueKind);
                // The static form is a PNG that decodes: the signature, then an IHDR chunk of the size asked for.
                var png = Convert.FromBase64String(data.GetProperty(ChartOutputs.PngMimeType).GetString()!);
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
                Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
                Assert.Equal((ChartPictures.NotebookSize.Width, ChartPictures.NotebookSize.Height),
                    (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
                // No HTML form: nbconvert and GitHub would show it instead of the picture.
                Assert.False(data.TryGetProperty("text/html", out _));
            }
        }
        Assert.True(charts >= 10, $"{charts} chart outputs");
    }

    [Fact]
    public void The_report_references_nothing_remote()
    {
        var html = File.ReadAllText(Path.Combine(R.First, "report.html"));
        Assert.Empty(ChartPage.FindRemoteReferences(html));
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.plot.ly/plotly", html.Replace(PlotlyJs.Source, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void It_says_where_the_time_went()
    {
        Assert.Contains("times: normalise ", R.FirstRun.Stdout, StringComparison.Ordinal);
        using var timings = JsonDocument.Parse(File.ReadAllText(Path.Combine(R.First, "timings.json")));
        var phases = timings.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        foreach (var phase in new[] { "normalise", "check_claims", "notebooks", "kernel_start", "first_setup_cell", "report_and_figures", "total",
                     "first_cell_to_first_chart", "kernel_start_to_first_chart", "first_chart_setup_cell" })
            Assert.True(phases.ContainsKey(phase), phase);
        Assert.All(phases.Values, v => Assert.True(v >= 0));
        // The first chart comes after its notebook's setup cell (00, the first notebook, draws none), and its kernel start is counted once.
        Assert.True(phases["first_cell_to_first_chart"] >= phases["first_chart_setup_cell"]);
        Assert.True(phases["kernel_start_to_first_chart"] > phases["first_cell_to_first_chart"]);
    }

    [Fact]
    public async Task Bench_times_a_fresh_notebook_to_its_first_chart_in_a_child_process()
    {
        // The child foi bench starts for each timing: a fresh process that runs notebook 01 until a cell draws a chart.
        var run = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(5), Processes.FoiDll, "bench", "--first-chart-child");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var kernel = json.RootElement.GetProperty("kernel_start_s").GetDouble();
        var chart = json.RootElement.GetProperty("first_cell_to_first_chart_s").GetDouble();
        Assert.True(kernel > 0 && chart > 0, run.Stdout);
        // Both are parts of the child's own run.
        Assert.True(kernel + chart < run.Elapsed.TotalSeconds, run.ToString());
    }

    [Fact]
    public void The_notebook_library_is_staged_where_the_notebooks_look()
    {
        foreach (var dll in NotebookLibrary.Roots.Concat(["CsvHelper", "Plotly.NET", "Microsoft.Data.Analysis"]))
            Assert.True(File.Exists(Path.Combine(NotebookLibrary.FolderOf(Repo.Root), dll + ".dll")), dll);
    }
}

public sealed class ReproduceFailureTests
{
    [Fact]
    public async Task A_failing_notebook_is_named_with_its_cell_and_reproduce_exits_1()
    {
        // A copy of the repository's data with one notebook that fails in its second code cell.
        var root = Path.Combine(Path.GetTempPath(), "foi-failing-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Repo.Data, Path.Combine(root, "data"));
            Directory.CreateDirectory(Path.Combine(root, "notebooks"));
            await File.WriteAllTextAsync(Path.Combine(root, "notebooks", "01-broken.ipynb"), Notebook(
                "Console.WriteLine(\"first cell\");",
                "// a compile error\nint x = \"not a number\";",
                "Console.WriteLine(\"never runs\");"));
            var run = await Processes.DotnetAsync(root, TimeSpan.FromMinutes(10), Processes.FoiDll, "reproduce", "--out", Path.Combine(root, "out"));
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("notebook notebooks/01-broken.ipynb, cell 3 (code cell 2: `int x = \"not a number\";`): (2,9): error CS0029", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("(1 later cell(s) not run)", run.Stderr, StringComparison.Ordinal);
            // Everything else is still written; the executed copy shows the error.
            Assert.True(File.Exists(Path.Combine(root, "out", "tidy.csv")));
            Assert.True(File.Exists(Path.Combine(root, "out", "report.html")));
            using var executed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "out", "notebooks", "01-broken.ipynb")));
            // The notebook has no parameters cell, so the run's values stand in a cell of their own before its
            // first code cell: the failing cell is the fourth of the executed copy.
            var outputs = executed.RootElement.GetProperty("cells")[3].GetProperty("outputs");
            Assert.Equal("error", outputs[0].GetProperty("output_type").GetString());
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_browser_reproduce_says_so_plainly_and_writes_everything_else()
    {
        var root = Path.Combine(Path.GetTempPath(), "foi-nobrowser-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Repo.Data, Path.Combine(root, "data"));
            Directory.CreateDirectory(Path.Combine(root, "notebooks"));
            await File.WriteAllTextAsync(Path.Combine(root, "notebooks", "01-fine.ipynb"), Notebook("Console.WriteLine(\"fine\");"));
            var run = await Processes.DotnetAsync(root, TimeSpan.FromMinutes(10),
                new Dictionary<string, string> { [BrowserLocator.EnvVar] = Path.Combine(root, "no-such-browser") },
                Processes.FoiDll, "reproduce", "--out", Path.Combine(root, "out"));
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("error: figures: not written. FOIKIT_BROWSER is set to", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("Everything else is written: the data files, the notebooks and out/report.html.", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("notebooks: 1 of 1 ran without errors", run.Stdout, StringComparison.Ordinal);
            foreach (var file in new[] { "tidy.csv", "rejects.csv", "tidy.xlsx", "verdicts.csv", "report.html", "notebooks/01-fine.ipynb" })
                Assert.True(File.Exists(Path.Combine(root, "out", file)), file);
            Assert.False(Directory.Exists(Path.Combine(root, "out", "figures")) && Directory.EnumerateFiles(Path.Combine(root, "out", "figures")).Any());
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Help_says_what_reproduce_writes()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, await FoiKit.Cli.FoiCli.RunAsync(["reproduce", "--help"], stdout, stderr));
        Assert.Contains("usage: foi reproduce [--data <folder>] [--force <name>] [--article <id>] [--out <folder>]", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("timings.json", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_folder_inside_data_is_refused()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // As a user in the repository finds it (this test's folder holds the reference copy shipped beside foi).
        Environment.SetEnvironmentVariable("FOIKIT_DATA", Repo.Data);
        int code;
        try
        {
            code = await FoiKit.Cli.FoiCli.RunAsync(["reproduce", "--out", Path.Combine(Repo.Data, "out")], stdout, stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FOIKIT_DATA", null);
        }
        Assert.Equal(FoiKit.Cli.FoiCli.BadUsage, code);
        Assert.Contains("inside the kit's data folder", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Repo.Data, "out")));
    }

    [Fact]
    public async Task Without_a_notebooks_folder_reproduce_says_where_it_looked()
    {
        var root = Path.Combine(Path.GetTempPath(), "foi-nonotebooks-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Path.Combine(Repo.Data, "reference"), Path.Combine(root, "data", "reference"));
            CopyFolder(Path.Combine(Repo.Data, "requests"), Path.Combine(root, "data", "requests"));
            var run = await Processes.DotnetAsync(root, TimeSpan.FromMinutes(2), Processes.FoiDll, "reproduce");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("no notebooks folder", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static string Notebook(params string[] cells)
    {
        var json = new
        {
            cells = new object[] { new { cell_type = "markdown", metadata = new { }, source = new[] { "# broken" } } }
                .Concat(cells.Select(c => (object)new
                {
                    cell_type = "code",
                    execution_count = (int?)null,
                    metadata = new { polyglot_notebook = new { kernelName = "csharp" } },
                    outputs = Array.Empty<object>(),
                    source = new[] { c },
                })).ToArray(),
            metadata = new
            {
                kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" },
                language_info = new { name = "polyglot-notebook" },
                polyglot_notebook = new { kernelInfo = new { defaultKernelName = "csharp", items = new[] { new { aliases = Array.Empty<string>(), name = "csharp" } } } },
            },
            nbformat = 4,
            nbformat_minor = 2,
        };
        return JsonSerializer.Serialize(json);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>
/// reproduce over a SYNTHETIC study folder about a force the kit's data/ does not hold (Northumbria): its own answer,
/// an article's figures and its claims. Nothing in what it writes may come from the kit's data/.
/// </summary>
public sealed class ReproduceStudyFolderTests
{
    [Fact]
    public async Task A_study_folder_about_another_force_gives_outputs_that_never_mention_the_kits_own_data()
    {
        var dir = Path.Combine(Path.GetTempPath(), "foi-study-" + Guid.NewGuid().ToString("N"));
        try
        {
            var study = SyntheticStudyFolder.Write(Path.Combine(dir, "north"));
            var outFolder = Path.Combine(dir, "out");
            var run = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(10), Processes.FoiDll, "reproduce",
                "--data", study, "--force", "Northumbria", "--article", SyntheticStudyFolder.ArticleId, "--out", outFolder);

            // Every notebook follows the study's force and article; only the figures may be missing (no browser).
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            Assert.All(run.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)),
                l => Assert.True(l.StartsWith("error: figures: not written", StringComparison.Ordinal), l));
            Assert.Contains("notebooks: 6 of 6 ran without errors", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("warning:", run.Stderr, StringComparison.Ordinal); // every file of the study has its sources.csv row
            // The answer's three years and printed total, and the article's one figure (SyntheticStudyFolder's summary).
            // 2 sources; 9 rows by hand: question 1's three years and total (4), 1a's three offences (3), 1b's one outcome (1),
            // and the article's one figure (1).
            Assert.Contains("2 source(s), 9 tidy row(s), 0 reject(s)", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("checked 5 claim(s)", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("north/responses/northumbria.json", File.ReadAllText(Path.Combine(outFolder, "tidy.csv")), StringComparison.Ordinal);
            var verdicts = File.ReadAllText(Path.Combine(outFolder, "verdicts.csv"));
            Assert.Contains("sg-01,", verdicts, StringComparison.Ordinal);

            var report = File.ReadAllText(Path.Combine(outFolder, "report.html"));
            Assert.Contains("Northumbria", report, StringComparison.Ordinal);
            // The coverage table lists every force of forces.csv; the forces the study holds nothing about are named there
            // (from the reference list) as holding nothing, with no source and no figure, and nowhere else.
            var nothingRows = System.Text.RegularExpressions.Regex.Matches(report, "<tr class=\"holds-nothing\">.*?</tr>\n").Select(m => m.Value).ToList();
            var forces = File.ReadAllLines(Path.Combine(Repo.Root, "data", "reference", "forces.csv")).Skip(1).Count(l => l.Length > 0);
            Assert.Equal(forces - 1, nothingRows.Count); // all but Northumbria
            Assert.Contains(nothingRows, r => r.Contains("Cambridgeshire Constabulary", StringComparison.Ordinal));
            Assert.All(nothingRows, r => Assert.Contains("<td>nothing</td><td>none</td>", r, StringComparison.Ordinal));
            var reportWithoutNothingRows = nothingRows.Aggregate(report, (text, row) => text.Replace(row, "", StringComparison.Ordinal));
            var written = new List<(string File, string Text)> { ("report.html", reportWithoutNothingRows) };
            foreach (var f in new[] { "tidy.csv", "rejects.csv", "verdicts.csv" }) written.Add((f, File.ReadAllText(Path.Combine(outFolder, f))));
            var figures = Path.Combine(outFolder, "figures");
            if (Directory.Exists(figures))
                foreach (var svg in Directory.GetFiles(figures, "*.svg")) written.Add((Path.GetFileName(svg), File.ReadAllText(svg)));
            // What the notebooks printed and drew (their sources keep the parameters cell's defaults, which the run replaced).
            foreach (var nb in Directory.GetFiles(Path.Combine(outFolder, "notebooks"), "*.ipynb"))
            {
                using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(nb));
                var outputs = doc.RootElement.GetProperty("cells").EnumerateArray()
                    .Where(c => c.TryGetProperty("outputs", out _))
                    .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
                    .Select(o => o.ToString());
                // Notebook 00's table of every force names the forces the study holds nothing about (from forces.csv),
                // one row each saying so: those rows are left out here, as in the report.
                var text = string.Join('\n', outputs);
                text = System.Text.RegularExpressions.Regex.Replace(text, "<tr[^>]*>(?:(?!</tr>).)*?<td>nothing</td>(?:(?!</tr>).)*?</tr>", "");
                text = string.Join('\n', text.Split('\n').Where(l => !l.Contains("nothing", StringComparison.Ordinal)));
                written.Add((Path.GetFileName(nb), text));
            }
            foreach (var (file, text) in written)
                foreach (var kitOnly in new[] { "Cambridgeshire", "Dorset", "Peterborough", "data/responses", "data/articles", "data/claims" })
                {
                    var at = text.IndexOf(kitOnly, StringComparison.OrdinalIgnoreCase);
                    Assert.True(at < 0, at < 0 ? "" : $"{file} mentions {kitOnly}: …{text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 80)]}…");
                }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
