// Every notebook, run in-process: no cell fails or shows an error, every cell runs, the executed copy
// is saved with stable outputs, and nothing it shows loads from the network.
using System.Text.Json;
using FoiKit.Charts;
using FoiKit.NotebookRunner;
using FoiKit.Notebooks;

namespace FoiNotebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed partial class NotebookRunTests(NotebookRuns runs)
{
    [Fact]
    public void Every_notebook_ran()
    {
        Assert.Equal(6, runs.Outcomes.Count);
    }

    [Fact]
    public void No_cell_failed_or_showed_an_error()
    {
        Assert.All(runs.Outcomes, o =>
        {
            Assert.True(o.Succeeded, o.DescribeFailure());
            Assert.Equal(0, o.NotRun);
            Assert.DoesNotContain(o.Result.Cells.SelectMany(c => c.Outputs), x => x.Kind is CellOutputKind.Error or CellOutputKind.StandardError);
        });
    }

    [Fact]
    public void The_kernel_extensions_render_DataFrames_as_tables()
    {
        // The DataFrame formatter ships inside Microsoft.Data.Analysis; loaded in-process by the runner.
        Assert.Contains(runs.Outcomes, o => o.Result.LoadedExtensions.Any(e => e.Contains("DataFrameKernelExtension", StringComparison.Ordinal)));
        var table = runs["01"].Result.Cells[4].Outputs.Single(x => x.Html is not null).Html!;
        Assert.StartsWith("<table", table, StringComparison.Ordinal);
        Assert.Contains("<th>claim</th>", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_chart_is_timed_from_the_first_cell_to_the_cell_that_draws_it()
    {
        // Notebook 01 draws its first chart in the seventh cell run (StoryCharts.OffencesByYear), after the
        // setup cell, the parameters cell and the values injected after it, Study.Load, the claims table and
        // the years table; notebook timing stops there.
        var o = runs["01"];
        var cells = o.Result.Cells;
        Assert.Equal([false, false, false, false, false, false, true], cells.Take(7).Select(c => c.DrawsChart));
        Assert.True(cells[2].Injected);
        Assert.Contains("StoryCharts.OffencesByYear(", cells[6].Code, StringComparison.Ordinal);
        var expected = cells.Take(7).Aggregate(TimeSpan.Zero, (t, c) => t + c.Elapsed);
        Assert.Equal(expected, o.FirstCellToFirstChart);
        // Its four charts come from four cells, each a call into the kit's chart builders.
        Assert.Equal(4, cells.Count(c => c.DrawsChart));
        Assert.All(cells.Where(c => c.DrawsChart), c => Assert.Contains("Charts.", c.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_are_plotly_json_with_a_text_alternative_and_no_plotly_js()
    {
        var charts = runs.Outcomes.SelectMany(o => o.Result.Cells).SelectMany(c => c.Outputs).Where(ChartOutputs.IsChart).ToList();
        Assert.True(charts.Count >= 10, $"{charts.Count} charts");
        Assert.All(charts, output =>
        {
            // Plotly's MIME bundle: an object with the traces and the layout, as VS Code and JupyterLab draw it.
            using var figure = JsonDocument.Parse(output.Data[ChartOutputs.PlotlyMimeType]);
            Assert.Equal(JsonValueKind.Array, figure.RootElement.GetProperty("data").ValueKind);
            Assert.Equal(JsonValueKind.Object, figure.RootElement.GetProperty("layout").ValueKind);
            // A text alternative naming the chart, for viewers that draw none and for screen readers.
            Assert.StartsWith("Chart: ", output.PlainText, StringComparison.Ordinal);
            Assert.Equal(ChartOutput.TextOf(output.Data[ChartOutputs.PlotlyMimeType]), output.PlainText);
            // No HTML form, so no plotly.js: not inlined, not loaded.
            Assert.Null(output.Html);
            Assert.All(output.Data.Values, v => Assert.DoesNotContain("plotly.js v", v, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Nothing_shown_loads_from_the_network()
    {
        foreach (var o in runs.Outcomes)
            foreach (var html in o.Result.Cells.SelectMany(c => c.Outputs).Select(x => x.Html).OfType<string>())
                Assert.Empty(ChartPage.FindRemoteReferences(html));
    }

    [Fact]
    public void No_output_carries_a_stack_trace()
    {
        // A formatter that fails writes the exception into the output; none may.
        foreach (var o in runs.Outcomes)
            Assert.DoesNotContain(o.Result.Cells.SelectMany(c => c.Outputs).SelectMany(x => x.Data.Values), t => t.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public void Executed_copies_are_saved_with_outputs_and_stable_ids()
    {
        foreach (var o in runs.Outcomes)
        {
            Assert.NotNull(o.OutputPath);
            Assert.Equal(Path.Combine(runs.OutputFolder, o.Name + ".ipynb"), o.OutputPath);
            var text = File.ReadAllText(o.OutputPath!);
            Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[1-9a-f][0-9a-f]{11}", text);
            Assert.DoesNotMatch("table_[1-9][0-9]+", text);
            using var doc = JsonDocument.Parse(text);
            var code = doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
            Assert.All(code, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("execution_count").ValueKind));
            Assert.Contains(code, c => c.GetProperty("outputs").GetArrayLength() > 0);
            Assert.DoesNotContain(code.SelectMany(c => c.GetProperty("outputs").EnumerateArray()), x => x.GetProperty("output_type").GetString() == "error");
        }
    }
}
