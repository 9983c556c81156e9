// A notebook's parameters cell (contract §8, the papermill convention): the runner runs the notebook's own
// cell, then a cell of the given values, so every later cell sees them; the executed copy shows that cell,
// tagged injected-parameters, right after the parameters cell. Every notebook of the kit has such a cell.
using System.Text.Json.Nodes;
using FoiKit.NotebookRunner;
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class NotebookParametersTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "foi-parameters-" + Guid.NewGuid().ToString("N"));

    public NotebookParametersTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Code(string source, params string[] tags)
    {
        var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = source };
    }

    private string Notebook(string name, params JsonObject[] cells)
    {
        var nb = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Given_values_reach_every_later_cell_and_the_executed_copy_shows_them_after_the_parameters_cell()
    {
        var path = Notebook("01-params.ipynb",
            Code("var before = 1;"),
            Code("var data = \"../data\";\nvar force = \"cambridgeshire\";\nvar article = \"a\";", NotebookParameters.Tag),
            Code("var seen = $\"{data}|{force}|{article}\";"));
        var outFolder = Path.Combine(_folder, "out");
        var outcomes = await NotebookBatch.RunAsync([path], outFolder, null, null,
            _ => NotebookParameters.Of("../studies/my \"study\"", "gwent", "south-wales-argus-gwent"));

        var o = Assert.Single(outcomes);
        Assert.True(o.Succeeded, o.DescribeFailure());
        Assert.Equal("../studies/my \"study\"|gwent|south-wales-argus-gwent", o.Get<string>("seen"));
        // Four cells ran: the setup cell, the parameters cell, the injected cell, the last cell.
        Assert.Equal([false, false, true, false], o.Result.Cells.Select(c => c.Injected));

        var written = JsonNode.Parse(File.ReadAllText(o.OutputPath!))!["cells"]!.AsArray();
        Assert.Equal(4, written.Count);
        Assert.Equal(NotebookParameters.Tag, (string?)written[1]!["metadata"]!["tags"]![0]);
        Assert.Equal(NotebookParameters.InjectedTag, (string?)written[2]!["metadata"]!["tags"]![0]);
        var injected = string.Concat(written[2]!["source"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("var force = @\"gwent\";", injected, StringComparison.Ordinal);
        Assert.Contains("var data = @\"../studies/my \"\"study\"\"\";", injected, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], written.Select(c => (int?)c!["execution_count"]));
    }

    /// <summary>The same study run from two places differs only in the injected data path, which the comparison leaves out.</summary>
    [Fact]
    public void Executed_copies_compare_equal_when_only_the_injected_values_differ_and_unequal_otherwise()
    {
        static string Copy(string data, string output) =>
            "{\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"tags\":[\"" + NotebookParameters.InjectedTag + "\"]},\"source\":[\"var data = @\\\"" + data + "\\\";\"],\"outputs\":[]}," +
            "{\"cell_type\":\"code\",\"metadata\":{},\"source\":[\"x\"],\"outputs\":[{\"output_type\":\"stream\",\"text\":[\"" + output + "\"]}]}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}";

        Assert.Equal(ExecutedNotebook.Comparable(Copy("../data", "49 rows")), ExecutedNotebook.Comparable(Copy("../../tmp/x/data", "49 rows")));
        Assert.NotEqual(ExecutedNotebook.Comparable(Copy("../data", "49 rows")), ExecutedNotebook.Comparable(Copy("../data", "50 rows")));
    }

    [Fact]
    public async Task Without_values_the_notebook_runs_as_saved()
    {
        var path = Notebook("01-plain.ipynb", Code("var force = \"dorset\";", NotebookParameters.Tag), Code("var seen = force;"));
        var o = Assert.Single(await NotebookBatch.RunAsync([path], null));
        Assert.Equal("dorset", o.Get<string>("seen"));
        Assert.DoesNotContain(o.Result.Cells, c => c.Injected);
    }

    [Fact]
    public async Task A_notebook_without_a_parameters_cell_gets_the_values_before_its_first_code_cell()
    {
        var path = Notebook("01-none.ipynb", Code("var seen = force;"));
        var o = Assert.Single(await NotebookBatch.RunAsync([path], Path.Combine(_folder, "out"), null, null, _ => NotebookParameters.Of("d", "kent", "x")));
        Assert.Equal("kent", o.Get<string>("seen"));
        var written = JsonNode.Parse(File.ReadAllText(o.OutputPath!))!["cells"]!.AsArray();
        Assert.Equal(NotebookParameters.InjectedTag, (string?)written[0]!["metadata"]!["tags"]![0]);
    }

    [Fact]
    public void Every_notebook_of_the_kit_has_one_parameters_cell_with_data_force_and_article()
    {
        foreach (var path in NotebookBatch.Find(Repo.PathOf("notebooks")))
        {
            var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
            var tagged = cells.Where(c => c!["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == NotebookParameters.Tag)).ToList();
            var cell = Assert.Single(tagged);
            var source = string.Concat(cell!["source"]!.AsArray().Select(l => (string?)l));
            foreach (var name in new[] { "data", "force", "article" })
                Assert.Contains($"var {name} = ", source, StringComparison.Ordinal);
        }
    }
}
