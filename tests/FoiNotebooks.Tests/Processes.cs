using System.Diagnostics;

namespace FoiNotebooks.Tests;

/// <summary>What a child process returned and printed.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the dotnet host as a user would: the built foi program, or a file-based app.</summary>
public static class Processes
{
    public static Task<ProcessRun> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        DotnetAsync(workingDirectory, timeout, new Dictionary<string, string>(), args);

    public static async Task<ProcessRun> DotnetAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // dotnet test passes MSBuild settings to its children; a nested build or run must not inherit them.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "FOIKIT_DATA").ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in {timeout}: {await stdout}\n{await stderr}");
        }
        return new ProcessRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    /// <summary>The foi.dll built beside this test assembly.</summary>
    public static string FoiDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "foi.dll");
            Assert.True(File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), $"no runnable foi.dll in {AppContext.BaseDirectory}");
            return dll;
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
