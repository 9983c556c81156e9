using FoiKit.Model;
using FoiKit.Normalise;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>Tests that measure this process's memory run alone, so other tests' allocations cannot disturb them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemorySensitive
{
    public const string Name = "memory-sensitive";
}

/// <summary>A table of a million rows streams through the normaliser in bounded memory (speed is measured by `foi bench`, not here).</summary>
[Collection(MemorySensitive.Name)]
public class StreamingTests
{
    private const int Rows = 1_000_000;

    private static readonly string[] Labels = ["8L - Harassment", "Stalking", "Malicious Communications", "Widget crime", "OC16"];

    [Fact]
    public void A_million_row_table_streams_with_bounded_memory_and_every_cell_accounted_for()
    {
        var produced = 0;
        long expectedSum = 0;
        var rejectsPlanted = 0;

        IEnumerable<SourceRow> Generate()
        {
            for (var i = 1; i <= Rows; i++)
            {
                produced = i;
                // Every tenth label is unique, so label caches are exercised past their bounds.
                var label = i % 10 == 0 ? $"Offence type {i}" : Labels[i % Labels.Length];
                string value;
                if (i % 1000 == 0) { value = "twelve"; rejectsPlanted++; }
                else { value = (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture); expectedSum += i % 7; }
                yield return new SourceRow(i, [label, value]);
            }
            produced = Rows + 1;
            yield return new SourceRow(Rows + 1, ["Total", expectedSum.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var table = new SourceTable(1, "1a", "", ["Offence", "Count"], Generate());
        var normaliser = new Normaliser(Kit.Data);
        var prepared = normaliser.Prepare(Transcript(table)).Value!;
        var warnings = new List<Diagnostic>();

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, observations = 0, rejects = 0, reportedSum = 0, firstCellAfterRows = -1;
        foreach (var cell in normaliser.Normalise(prepared, warnings.Add))
        {
            if (firstCellAfterRows < 0) firstCellAfterRows = produced;
            if (cell.Observation is { } o)
            {
                observations++;
                if (o.Value.Status == ValueStatus.Reported) reportedSum += o.Value.Value!.Value;
            }
            else
            {
                rejects++;
            }
            if ((observations + rejects) % 250_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
        }

        Assert.Equal(1, firstCellAfterRows); // the first tidy row leaves before the second source row is read
        Assert.Equal(Rows + 1, produced);
        Assert.Equal(1000, rejectsPlanted);
        Assert.Equal(rejectsPlanted, rejects);
        Assert.Equal(Rows + 1 - rejectsPlanted, observations);
        Assert.Equal(expectedSum, reportedSum);
        Assert.Empty(warnings); // the printed total equals the sum of a million parts
        Assert.True(peak < 64L * 1024 * 1024, $"memory grew by {peak / (1024 * 1024)} MiB while streaming");
    }
}
