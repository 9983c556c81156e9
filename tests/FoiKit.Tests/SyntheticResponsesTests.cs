using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read;
using FoiKit.Testing;

namespace FoiKit.Tests;

/// <summary>The benchmark's synthetic responses: labelled, exact in size, deterministic, streamed, and readable as real transcripts.</summary>
public class SyntheticResponsesTests
{
    private static (long Observations, long Rejects, int Warnings) Normalise(IEnumerable<ResponseTranscript> transcripts)
    {
        var normaliser = new Normaliser(Kit.Data);
        long observations = 0, rejects = 0;
        var warnings = 0;
        foreach (var t in transcripts)
        {
            var p = normaliser.Prepare(t);
            Assert.True(p.Ok, p.Error);
            foreach (var cell in normaliser.Normalise(p.Value!, _ => warnings++))
            {
                if (cell.IsReject) rejects++;
                else observations++;
            }
        }
        return (observations, rejects, warnings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4_321)]
    [InlineData(60_000)]
    public void Every_data_cell_becomes_one_tidy_row_or_one_reject(long cells)
    {
        var synth = new SyntheticResponses(Kit.Reference, cells);

        var (observations, rejects, _) = Normalise(synth.All());

        Assert.Equal(cells, synth.Cells);
        Assert.Equal(cells, observations + rejects);
    }

    [Fact]
    public void The_figures_are_shaped_like_real_answers_with_markers_totals_and_a_few_rejects()
    {
        var synth = new SyntheticResponses(Kit.Reference, 60_000);
        var normaliser = new Normaliser(Kit.Data);
        var statuses = new HashSet<ValueStatus>();
        var levels = new HashSet<CategoryLevel>();
        var bases = new HashSet<PeriodBasis>();
        var questions = new HashSet<string>();
        var forces = new HashSet<string>();
        long rejects = 0;
        var warnings = new List<Diagnostic>();
        foreach (var t in synth.All())
        {
            Assert.StartsWith("synthetic/", t.SourceFile, StringComparison.Ordinal);
            Assert.StartsWith(SyntheticResponses.UrlPrefix, t.SourceUrl, StringComparison.Ordinal);
            Assert.Contains("SYNTHETIC", t.Notes, StringComparison.Ordinal);
            foreach (var cell in normaliser.Normalise(normaliser.Prepare(t).Value!, warnings.Add))
            {
                if (cell.Observation is not { } o) { rejects++; continue; }
                statuses.Add(o.Value.Status);
                if (!o.Category.IsNone) levels.Add(o.Category.Level);
                bases.Add(o.Period.Basis);
                questions.Add(o.Question);
                forces.Add(o.Force.Id);
            }
        }

        Assert.Equal(Enum.GetValues<ValueStatus>().ToHashSet(), statuses);
        Assert.Contains(CategoryLevel.Code, levels);
        Assert.Contains(CategoryLevel.Unresolved, levels);
        Assert.Contains(PeriodBasis.TaxYear, bases);
        Assert.Contains(PeriodBasis.FinancialYear, bases);
        Assert.Contains(PeriodBasis.MultiYear, bases);
        Assert.Equal(["1", "1a", "1b"], questions.Order(StringComparer.Ordinal));
        Assert.Equal(Kit.Reference.Forces.All.Count, forces.Count);
        Assert.InRange(rejects, 1, 60_000 / 500);
        // Printed totals are made from their parts: the checker finds nothing to warn about.
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Take(5)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_does_not()
    {
        static List<string> Rows(int seed) => new SyntheticResponses(Kit.Reference, 5_000, seed).All()
            .SelectMany(t => t.Tables).SelectMany(t => t.Rows).Select(r => string.Join('|', r.Cells)).ToList();

        Assert.Equal(Rows(1), Rows(1));
        Assert.NotEqual(Rows(1), Rows(2));
    }

    [Fact]
    public void Ten_million_cells_are_planned_without_being_made()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var synth = new SyntheticResponses(Kit.Reference, 10_000_000);
        var first = synth.All().First().Tables[0].Rows.First();

        Assert.Equal(10_000_000, synth.Cells);
        Assert.Equal(1, first.Number);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 50_000_000, "the plan should hold table sizes, not rows");
    }

    [Fact]
    public void Written_as_json_they_read_back_through_the_transcript_reader_unchanged()
    {
        var synth = new SyntheticResponses(Kit.Reference, 3_000);
        using var dir = new TempDir();

        var files = synth.WriteJsonFiles(dir.Path);

        Assert.Contains("SYNTHETIC", File.ReadAllText(Path.Combine(dir.Path, "README.txt")), StringComparison.Ordinal);
        var expected = synth.All().ToList();
        Assert.Equal(expected.Count, files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var read = TranscriptReader.Read(files[i]);
            Assert.True(read.Ok, read.Error);
            var t = read.Value!;
            Assert.Equal(expected[i].ForcePrinted, t.ForcePrinted);
            Assert.Equal(expected[i].Tables.Select(x => x.Columns), t.Tables.Select(x => x.Columns));
            Assert.Equal(expected[i].Tables.SelectMany(x => x.Rows).Select(r => string.Join('|', r.Cells)),
                t.Tables.SelectMany(x => x.Rows).Select(r => string.Join('|', r.Cells)));
        }
        Assert.Equal(Normalise(expected).Observations, Normalise(files.Select(f => TranscriptReader.Read(f).Value!)).Observations);
    }
}
