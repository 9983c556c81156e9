using System.Diagnostics;
using System.Globalization;

namespace FoiKit.Bench.Macro;

/// <summary>
/// Seconds of each run, wall clock and CPU (this process, all threads: GC and JIT included), and
/// their medians. On a shared machine the wall clock also counts time spent waiting for a core;
/// CPU seconds do not, so the two together say how much of a slow run was the machine.
/// </summary>
internal sealed record Runs(IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds)
{
    public double Median => MedianOf(Seconds);

    public double CpuMedian => MedianOf(CpuSeconds);

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>Runs <paramref name="run"/> <paramref name="repeat"/> times, each from a collected heap, and logs the median.</summary>
    internal static Runs Measure<T>(int repeat, Func<T> run, TextWriter log, string what)
    {
        var seconds = new List<double>();
        var cpu = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            // Each run starts from a collected heap, so one run's garbage is not charged to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            seconds.Add(sw.Elapsed.TotalSeconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        var runs = new Runs(seconds, cpu);
        log.WriteLine($"  {what}: median {runs.Median:F2} s wall, {runs.CpuMedian:F2} s CPU " +
            $"({string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))})");
        return runs;
    }
}
