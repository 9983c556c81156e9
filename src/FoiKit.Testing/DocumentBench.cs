using System.Diagnostics;
using System.Globalization;
using FoiKit.Read;
using FoiKit.Read.Documents;
using FoiKit.Reference;

namespace FoiKit.Testing;

/// <summary>What one run of <see cref="DocumentBench"/> measured.</summary>
/// <param name="Pages">Pages of the synthetic letter.</param>
/// <param name="Bytes">Size of the PDF file.</param>
/// <param name="MedianSeconds">Median wall-clock seconds to extract the letter end to end (open, read every page, rebuild tables, make the draft).</param>
/// <param name="SecondsPerPage">The median divided by the pages.</param>
/// <param name="AllocatedBytes">Bytes allocated by one extraction (the last run).</param>
/// <param name="Tables">Tables of figures found (a check that the work was done).</param>
/// <param name="Rows">Rows in those tables.</param>
/// <param name="Seconds">Each run's wall-clock seconds, in the order run.</param>
public sealed record DocumentBenchResult(int Pages, long Bytes, double MedianSeconds, double SecondsPerPage, long AllocatedBytes, int Tables, int Rows,
    IReadOnlyList<double> Seconds);

/// <summary>
/// Extraction of a generated PDF letter, end to end, for <c>foi bench</c>: a SYNTHETIC letter of
/// <c>pages</c> A4 pages (a heading, a paragraph and a table of made-up counts on each, every third
/// table ruled, one table running over each page break), extracted <c>runs</c> times after one
/// warm-up; the median is reported. Nothing in the letter is real data.
/// </summary>
public static class DocumentBench
{
    public static DocumentBenchResult Run(int pages = 50, int runs = 5, ForceRegistry? forces = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "foikit-document-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"synthetic-letter-{pages}p.pdf");
        try
        {
            File.WriteAllBytes(path, Letter(pages));
            var defaults = new ReadDefaults("synthetic-request", "Kent Police");
            Extract(path, defaults, forces); // warm-up: JIT, fonts
            var times = new List<double>();
            ExtractedAnswer? last = null;
            long allocated = 0;
            for (var i = 0; i < Math.Max(1, runs); i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                last = Extract(path, defaults, forces);
                times.Add(clock.Elapsed.TotalSeconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            var sorted = times.Order().ToList();
            var median = sorted[sorted.Count / 2];
            var t = last!.Transcript;
            return new DocumentBenchResult(last.Pages, new FileInfo(path).Length, median, median / Math.Max(1, last.Pages), allocated,
                t.Tables.Count, t.Tables.Sum(x => x.Rows.Count()), times);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ExtractedAnswer Extract(string path, ReadDefaults defaults, ForceRegistry? forces)
    {
        var e = DocumentExtractor.Extract(path, defaults, forces);
        return e.Ok ? e.Value! : throw new InvalidOperationException("the synthetic letter could not be extracted: " + e.Error);
    }

    /// <summary>The SYNTHETIC letter: made-up counts in tables that fill <paramref name="pages"/> pages.</summary>
    public static byte[] Letter(int pages)
    {
        using var pdf = new LetterPdfBuilder();
        pdf.TextAt(LetterPdfBuilder.Margin, "SYNTHETIC LETTER for the kit's benchmark: every figure is made up", 12, bold: true).NewLine(12);
        var random = new Random(2024);
        var table = 0;
        while (pdf.Pages < pages || table == 0)
        {
            table++;
            pdf.Heading(string.Create(CultureInfo.InvariantCulture, $"Question {table}: synthetic offences by type"));
            pdf.Paragraph("The counts below are invented for a benchmark. They follow the layout of a force's letter: a heading, a sentence, then a table.");
            var rows = new List<string[]> { new[] { "Offence (synthetic)", "2021/22", "2022/23", "2023/24" } };
            var totals = new int[3];
            for (var r = 0; r < 22; r++)
            {
                var counts = new[] { random.Next(0, 400), random.Next(0, 400), random.Next(0, 400) };
                for (var c = 0; c < 3; c++) totals[c] += counts[c];
                rows.Add([string.Create(CultureInfo.InvariantCulture, $"Synthetic offence type {r + 1}"),
                    counts[0].ToString(CultureInfo.InvariantCulture), r % 7 == 3 ? "*" : counts[1].ToString(CultureInfo.InvariantCulture),
                    counts[2].ToString(CultureInfo.InvariantCulture)]);
            }
            rows.Add(["Total", .. totals.Select(t => t.ToString("N0", CultureInfo.InvariantCulture))]);
            pdf.Table(rows, [200, 70, 70, 70], ruled: table % 3 == 0, repeatHeader: table % 2 == 0);
        }
        return pdf.Build();
    }
}
