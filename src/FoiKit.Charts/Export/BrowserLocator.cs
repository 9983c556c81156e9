namespace FoiKit.Charts.Export;

/// <summary>Finds a Chromium-family browser for headless figure export.</summary>
public static class BrowserLocator
{
    /// <summary>Environment variable naming the browser executable; wins over the usual paths.</summary>
    public const string EnvVar = "FOIKIT_BROWSER";

    /// <summary>Usual install paths, tried in order.</summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/microsoft-edge",
        "/usr/bin/microsoft-edge-stable",
        "/snap/bin/chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
        @"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    ];

    /// <summary>
    /// $FOIKIT_BROWSER when set (if it names no file, that is the answer: it is reported, not silently
    /// replaced by another browser), else the first usual path that exists. Null, with a sentence saying
    /// what to do, when none is found.
    /// </summary>
    /// <param name="reason">What was found, or why nothing was.</param>
    /// <param name="getEnv">Environment lookup (tests).</param>
    /// <param name="exists">File existence check (tests).</param>
    public static string? Find(out string reason, Func<string, string?>? getEnv = null, Func<string, bool>? exists = null)
    {
        getEnv ??= Environment.GetEnvironmentVariable;
        exists ??= File.Exists;
        var fromEnv = getEnv(EnvVar);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            if (exists(fromEnv)) { reason = $"{EnvVar}={fromEnv}"; return fromEnv; }
            reason = $"{EnvVar} is set to '{fromEnv}', but there is no such file: figures were not rendered.";
            return null;
        }
        foreach (var c in Candidates)
            if (exists(c)) { reason = "found " + c; return c; }
        reason = "No Chromium-family browser was found, so figures/*.png and *.svg were not rendered (report.html is complete without them). " +
                 $"Install one (Debian: apt-get install chromium) or set {EnvVar} to its executable. Tried: {string.Join(", ", Candidates)}.";
        return null;
    }
}
