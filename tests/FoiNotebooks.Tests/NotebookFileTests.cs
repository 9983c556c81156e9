// The committed notebook files: as VS Code saves them, without outputs, with the same setup cell
// and pinned packages, so that after foi reproduce they open and run as they are.
using System.Text.Json;
using System.Text.RegularExpressions;
using FoiKit.NotebookRunner;
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

public sealed partial class NotebookFileTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookBatch.Find(Repo.PathOf("notebooks"))) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void The_six_numbered_notebooks_are_there()
    {
        var names = NotebookBatch.Find(Repo.PathOf("notebooks")).Select(p => Path.GetFileNameWithoutExtension(p)!).ToArray();
        Assert.Equal(["00-start-here", "01-reproduce-the-article", "02-across-forces", "03-methodology-review", "04-ask-a-new-question", "05-teaching-foi-data"], names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Committed_without_outputs(string name)
    {
        using var doc = Outputs.Json(Repo.PathOf("notebooks/" + name));
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.Equal(0, cell.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Saved_in_the_layout_VS_Code_writes(string name)
    {
        var path = Repo.PathOf("notebooks/" + name);
        var notebook = await NotebookLoader.LoadAsync(path);
        // Writing it back cleared changes no byte: 1-space indent, sorted keys, trailing newline, as VS Code saves.
        Assert.Equal(await File.ReadAllTextAsync(path), NotebookWriter.ToClearedIpynb(notebook));
        using var doc = Outputs.Json(path);
        var metadata = doc.RootElement.GetProperty("metadata");
        Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("csharp", metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("nbformat").GetInt32());
        Assert.All(notebook.CodeCells, c => Assert.Equal("csharp", c.Element.KernelName));
    }

    [Fact]
    public async Task Every_notebook_starts_with_the_same_setup_cell()
    {
        var setups = new List<string>();
        foreach (var path in NotebookBatch.Find(Repo.PathOf("notebooks")))
            setups.Add((await NotebookLoader.LoadAsync(path)).CodeCells.First().Element.Contents);
        Assert.Single(setups.Distinct());
        var setup = setups[0];
        // The kit from the folder reproduce fills, relative to the notebook (as VS Code and Jupyter run it).
        foreach (var dll in NotebookLibrary.Roots)
            Assert.Contains($"#r \"../{NotebookLibrary.RelativeFolder}/{dll}.dll\"", setup, StringComparison.Ordinal);
        // FSharp.Core resolver for the VS Code / Jupyter kernel, and the offline chart formatter.
        Assert.Contains("AssemblyLoadContext.Default.Resolving", setup, StringComparison.Ordinal);
        Assert.Contains("Formatter.Register<Plotly.NET.GenericChart>", setup, StringComparison.Ordinal);
        Assert.Contains("ChartOutput.PlotlyMimeType", setup, StringComparison.Ordinal);
        Assert.Contains("SetPreferredMimeTypesFor(typeof(Plotly.NET.GenericChart), ChartOutput.MimeTypes", setup, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Package_references_are_pinned(string name)
    {
        var notebook = await NotebookLoader.LoadAsync(Repo.PathOf("notebooks/" + name));
        var text = string.Join("\n", notebook.CodeCells.Select(c => c.Element.Contents));
        var references = NugetReference().Matches(text).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Matches(@"^\d+\.\d+\.\d+$", r.Groups["version"].Value));
        // The same versions the kit builds against (Directory.Packages.props).
        var props = File.ReadAllText(Repo.PathOf("Directory.Packages.props"));
        foreach (Match r in references)
            Assert.Contains($"Include=\"{r.Groups["name"].Value}\" Version=\"{r.Groups["version"].Value}\"", props, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Cells_stay_short(string name)
    {
        var notebook = await NotebookLoader.LoadAsync(Repo.PathOf("notebooks/" + name));
        foreach (var (_, cell) in notebook.CodeCells.Skip(1))
        {
            var lines = cell.Contents.Split('\n').Length;
            Assert.True(lines <= 8, $"{name}: a cell of {lines} lines; logic belongs in the library:\n{cell.Contents}");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_follows_the_parameters_and_names_no_force_of_its_own(string name)
    {
        // No code cell but the parameters cell types a force, an article or a study folder: they come from force, article, data.
        using var doc = Outputs.Json(Repo.PathOf("notebooks/" + name));
        var forces = File.ReadAllLines(Repo.PathOf("data/reference/forces.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var articles = Directory.GetFiles(Repo.PathOf("data/claims"), "*.csv").Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            var tags = cell.GetProperty("metadata").TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            if (cell.GetProperty("cell_type").GetString() != "code" || tags.Contains(NotebookParameters.Tag)) continue;
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            Assert.All(forces, f => Assert.DoesNotContain($"\"{f}\"", source, StringComparison.OrdinalIgnoreCase));
            Assert.All(articles, a => Assert.DoesNotContain($"\"{a}\"", source, StringComparison.Ordinal));
            Assert.DoesNotContain("\"../data\"", source, StringComparison.Ordinal);
        }
        // The parameters cell is the first code cell after the setup cell.
        var code = doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.Contains(NotebookParameters.Tag, code[1].GetProperty("metadata").GetProperty("tags").EnumerateArray().Select(x => x.GetString()));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Markdown_names_no_figure_of_the_story(string name)
    {
        // Figures and counts are printed by code, so the text stays true for any force and study.
        using var doc = Outputs.Json(Repo.PathOf("notebooks/" + name));
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "markdown"))
        {
            var text = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            foreach (var figure in new[] { "513", "73%", "108", "148", "Three articles", "three articles", "14,000", "140,000", "Dorset Police's" })
                Assert.DoesNotContain(figure, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"#r ""nuget: (?<name>[A-Za-z0-9.]+), (?<version>[^""]+)""")]
    private static partial Regex NugetReference();
}

public sealed partial class NotebookDocsTests
{
    [Fact]
    public void The_notebooks_page_names_every_notebook_and_its_pictures_exist()
    {
        var page = File.ReadAllText(Repo.PathOf("docs/notebooks.md"));
        foreach (var path in NotebookBatch.Find(Repo.PathOf("notebooks")))
            Assert.Contains($"`{Path.GetFileNameWithoutExtension(path)}`", page, StringComparison.Ordinal);
        var images = Image().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, i => Assert.True(File.Exists(Repo.PathOf("docs/" + i)), i));
        // Every notebook has its file-based-app twin, and every twin its notebook.
        var notebooks = NotebookBatch.Find(Repo.PathOf("notebooks")).Select(p => Path.GetFileNameWithoutExtension(p)!).ToList();
        var scripts = Directory.GetFiles(Repo.PathOf("scripts"), "*.cs").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(notebooks, scripts);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex Image();
}
