using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace FoiKit.Bench.Macro;

/// <summary>The machine a bench ran on (a shared machine's load average included) and this process's peak memory.</summary>
internal static class MachineInfo
{
    public static Dictionary<string, object?> Describe() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["cpu"] = CpuModel(),
        ["memory_gb"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["gc"] = GCSettings.IsServerGC ? "server" : "workstation",
        ["load_average_before"] = LoadAverage(),
    };

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The 1-minute load average: how busy the shared machine was (2 cores: above 2 means waiting).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The process's peak resident memory (VmHWM on Linux), in MB.</summary>
    public static long PeakMb()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>Starts a new peak-memory window (Linux: writing 5 to clear_refs resets VmHWM); elsewhere the peak is the process's.</summary>
    public static void ResetPeak()
    {
        try
        {
            if (File.Exists("/proc/self/clear_refs")) File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
