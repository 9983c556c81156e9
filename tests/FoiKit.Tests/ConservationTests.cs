using System.Text.Json;
using FoiKit.Model;
using FoiKit.Pipeline;
using static FoiKit.Tests.Build;

namespace FoiKit.Tests;

/// <summary>
/// Cells in = tidy rows + rejects, always. The data cells are counted here independently of the
/// normaliser's layout logic: in each row that is not blank, every cell outside the label and
/// dimension columns (named per case) counts, except a blank cell with a blank header (a spacer);
/// a cell missing from a short row counts if its column has a header; an extra cell counts if it
/// holds something.
/// </summary>
public class ConservationTests
{
    private static List<(int Row, int Column)> DataCells(string[] columns, int[] labelColumns, string?[][] rows)
    {
        var cells = new List<(int, int)>();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            for (var i = 0; i < Math.Max(columns.Length, row.Length); i++)
            {
                if (labelColumns.Contains(i)) continue;
                var header = i < columns.Length ? columns[i] : "";
                var cell = i < row.Length ? row[i] : null;
                if (string.IsNullOrWhiteSpace(header) && string.IsNullOrWhiteSpace(cell)) continue;
                cells.Add((r + 1, i + 1));
            }
        }
        return cells;
    }

    public static TheoryData<string, string, string[], int[], string?[][]> Tables => new()
    {
        { "Dorset's periods", "1", ["Time period", "Count"], [0],
            [["6th Apr 2021 to 5th Apr 2022", "14"], ["6th Apr 2022 to 5th Apr 2023", "16"], ["6th Apr 2023 to 5th Apr 2024", "16"], ["Total", "46"]] },
        { "categories with a spacer and a stray figure", "1a", ["Crime Description", "Count", ""], [0],
            [["Blackmail", "1", ""], ["Harassment", "6", "2"], ["Total", "7", ""]] },
        { "wide by category with total row and column", "1a", ["Offence", "2021/22", "", "2022/23", "Total"], [0],
            [["8L - Harassment", "1", "", "2", "3"], ["8Q", "*", "", "<5", "4"], ["Total", "1", "", "2", "7"]] },
        { "wide with no label column", "1", ["2021/22", "2022/23", "2023/24", "Total"], [],
            [["12", "15", "9", "36"]] },
        { "short, long and blank rows", "1a", ["Offence", "2022/23", "2023/24"], [0],
            [["Harassment", "2", "3"], ["Stalking", "1"], [], ["", "", ""], ["Blackmail", "1", "2", "3"], ["Malicious Communications", "4", "5", ""]] },
        { "bad figures", "1a", ["Offence", "Count"], [0],
            [["Harassment", "-3"], ["Stalking", "twelve"], ["Blackmail", "2.5"], ["Obscene publications", "N/A"], ["", "4"], ["Widget crime", "1,000"]] },
        { "a question the request does not have", "9", ["Offence", "2022/23", "2023/24"], [0],
            [["Harassment", "2", "3"], ["Stalking", "1"]] },
        { "dimension columns", "1b", ["Outcome", "Period", "Number"], [0, 1],
            [["OC16", "2023/24", "7"], ["Outcome 18", "in the last three years", "3"], ["", "2023/24", "1"], ["Charge/Summons", "", "<5"]] },
        { "outcomes printed wide by year", "1b", ["Outcome", "2022/23", "2023/24", "Total"], [0],
            [["OC16", "1", "2", "3"], ["Outcome 18", "", "x", "-"], ["Total", "1", "2", "3"]] },
        { "figure column first", "1a", ["Count", "Offence", "Period"], [1, 2],
            [["4", "Stalking", "2023/24"], ["1", "Harassment", "2023/24"]] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_data_cell_becomes_exactly_one_tidy_row_or_reject(string name, string question, string[] columns, int[] labelColumns, string?[][] rows)
    {
        var expected = DataCells(columns, labelColumns, rows);

        var n = Run(Table(question, columns, rows));

        var produced = n.Observations.Select(o => (o.Source.Row, o.Source.Column))
            .Concat(n.Rejects.Select(r => (r.Source.Row, r.Source.Column))).Order().ToList();
        Assert.True(expected.Count == n.Cells, $"{name}: {expected.Count} data cells in, {n.Observations.Count} tidy + {n.Rejects.Count} rejects out");
        Assert.Equal(expected.Order(), produced);
    }

    [Fact]
    public void Every_transcript_in_data_conserves_its_cells()
    {
        var files = Directory.EnumerateFiles(Repo.Data, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "requests" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 7);
        foreach (var file in files)
        {
            // Count from the JSON itself: the first column and every "... as printed" column are labels.
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var expected = 0;
            foreach (var table in doc.RootElement.GetProperty("tables").EnumerateArray())
            {
                var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
                var labels = Enumerable.Range(0, columns.Length).Where(i => i == 0 || columns[i].EndsWith("as printed", StringComparison.Ordinal)).ToArray();
                var rows = table.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.ToString()).ToArray<string?>()).ToArray();
                expected += DataCells(columns, labels, rows).Count;
            }

            var n = Run(ReadAs(file, file));

            Assert.True(expected == n.Cells, $"{file}: {expected} data cells in, {n.Observations.Count} tidy + {n.Rejects.Count} rejects out");
        }
    }

    [Fact]
    public void The_run_summary_counts_what_the_sink_received()
    {
        var sink = new CountingSink();
        var summary = NormaliseRun.Run(Kit.Data, [Shipped.Folder], sink, _ => { });

        Assert.Equal(sink.Observations, summary.Observations);
        Assert.Equal(sink.Rejects, summary.Rejects);
        Assert.Equal(Shipped.In("responses").Count + Shipped.In("articles").Count, summary.Files); // Dorset and six articles
        Assert.Equal(0, summary.Errors);
    }

    private sealed class CountingSink : ITidySink
    {
        public long Observations { get; private set; }

        public long Rejects { get; private set; }

        public void Add(Observation observation) => Observations++;

        public void Add(Reject reject) => Rejects++;
    }
}
