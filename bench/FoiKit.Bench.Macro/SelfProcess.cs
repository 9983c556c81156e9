using System.Diagnostics;
using System.Reflection;

namespace FoiKit.Bench.Macro;

/// <summary>What a child run of this program returned.</summary>
internal readonly record struct SelfRun(int ExitCode, double Seconds, string Stderr, string Stdout = "");

/// <summary>This same program started again as a child process: how reproduce and the first chart are timed from outside.</summary>
internal static class SelfProcess
{
    /// <summary>How to start this same program again: the apphost, or <c>dotnet foi.dll</c>; null inside a test host.</summary>
    public static (string File, string[] Prefix)? Command()
    {
        var entry = Assembly.GetEntryAssembly();
        var path = Environment.ProcessPath;
        if (entry is null || path is null || entry.GetName().Name != "foi") return null;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [entry.Location]) : (path, []);
    }

    public static async Task<SelfRun> RunAsync((string File, string[] Prefix) self, string[] args, string? cache, TimeSpan? limit = null,
        string? packages = null)
    {
        var start = new ProcessStartInfo(self.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var p in self.Prefix) start.ArgumentList.Add(p);
        foreach (var x in args) start.ArgumentList.Add(x);
        if (cache is not null) start.Environment["FOIKIT_CACHE"] = cache;
        if (packages is not null) start.Environment["NUGET_PACKAGES"] = packages;
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new IOException($"{self.File} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new SelfRun(-1, sw.Elapsed.TotalSeconds, $"stopped after {(limit ?? TimeSpan.FromMinutes(10)).TotalSeconds} s");
        }
        var seconds = sw.Elapsed.TotalSeconds;
        return new SelfRun(process.ExitCode, seconds, await stderr.ConfigureAwait(false), await stdout.ConfigureAwait(false));
    }
}
