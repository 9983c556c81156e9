// Helpers for the command-line tests: run `foi` in-process with string writers, or run the
// built program as a real process.
using System.Diagnostics;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>What one run of <c>foi</c> returned and printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Bad input is reported in sentences: no stack trace ever reaches the user.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Stdout, StringComparison.Ordinal);
    }
}

public static class Foi
{
    // The kit's data folder, as a user would point at it; set once for every in-process run.
    static Foi() => Environment.SetEnvironmentVariable("FOIKIT_DATA", Repo.Data);

    /// <summary>Runs <c>foi</c> in this process.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await FoiCli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built program (<c>dotnet foi.dll</c>) from <paramref name="workingDirectory"/>, as a user would.</summary>
    public static Task<CliRun> RunProgramAsync(string workingDirectory, params string[] args) =>
        RunProgramAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the built program with extra environment variables.</summary>
    public static async Task<CliRun> RunProgramAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FoiDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("FOIKIT_DATA"); // find data/ from the working directory, like a user in a checkout
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("foi did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>The foi.dll built with this test project (copied beside it as a referenced program).</summary>
    private static string FoiDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "foi.dll");
        Assert.True(File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), $"no runnable foi.dll in {AppContext.BaseDirectory}");
        return dll;
    }
}
