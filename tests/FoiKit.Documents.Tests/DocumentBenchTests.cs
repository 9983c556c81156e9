using FoiKit.Testing;

namespace FoiKit.Documents.Tests;

/// <summary>The benchmark's synthetic letter is read as it was written (its timing is measured by foi bench, never here).</summary>
public sealed class DocumentBenchTests
{
    [Fact]
    public void The_synthetic_letter_has_the_pages_asked_for_and_every_table_is_read_whole()
    {
        var r = DocumentBench.Run(pages: 4, runs: 1, TestData.Forces);
        Assert.Equal(4, r.Pages);
        Assert.True(r.Tables >= 4, $"{r.Tables} tables");
        // Each table has 22 offence rows and a total row, whether it goes over a page or not.
        Assert.Equal(r.Tables * 23, r.Rows);
        Assert.True(r.SecondsPerPage > 0 && r.AllocatedBytes > 0);
    }
}
