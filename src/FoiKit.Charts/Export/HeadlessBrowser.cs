using System.Diagnostics;
using PuppeteerSharp;

namespace FoiKit.Charts.Export;

/// <summary>
/// One headless Chromium, Chrome or Edge already on the machine, driven through PuppeteerSharp: launched
/// once (nothing is downloaded: the executable is given), one page opened, evaluated many times.
/// Disposing closes the browser, kills its process tree if it does not exit, and deletes its temporary
/// profile folder.
/// </summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    /// <summary>How long launching, loading the page or one evaluation may take.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IBrowser _browser;
    private readonly string _userDataDir;
    private bool _disposed;
    private bool _initialTabUsed;

    private HeadlessBrowser(IBrowser browser, string userDataDir)
    {
        _browser = browser;
        _userDataDir = userDataDir;
    }

    /// <summary>
    /// The command line the browser gets, and only this (PuppeteerSharp's own defaults are not added, so
    /// the figures are drawn exactly as before PuppeteerSharp drove the browser): headless, no sandbox (CI
    /// runs as root), no GPU, nothing that phones home (background networking, component updates, sync), no
    /// first-run UI, a fresh profile, DevTools on a free port.
    /// </summary>
    public static IReadOnlyList<string> Flags(string userDataDir) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
        "--font-render-hinting=none", // steadier glyph rendering between runs
        // PuppeteerSharp joins the flags into one command line: a profile path with a space is quoted.
        "--user-data-dir=" + (userDataDir.Contains(' ', StringComparison.Ordinal) ? $"\"{userDataDir}\"" : userDataDir),
        "--remote-debugging-port=0", "about:blank",
    ];

    /// <summary>Starts the browser with a new temporary profile and connects to it.</summary>
    /// <exception cref="PuppeteerException">The browser did not start or answer.</exception>
    public static async Task<HeadlessBrowser> LaunchAsync(string executable)
    {
        var userDataDir = Directory.CreateTempSubdirectory("foikit-chromium-").FullName;
        try
        {
            var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                IgnoreDefaultArgs = true,
                Args = [.. Flags(userDataDir)],
                // The browser's own window size, as it always was: no viewport emulation.
                DefaultViewport = null,
                Timeout = (int)Timeout.TotalMilliseconds,
            }).ConfigureAwait(false);
            return new HeadlessBrowser(browser, userDataDir);
        }
        catch
        {
            DeleteQuietly(userDataDir);
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> and waits for its load event: in the tab the browser started with the first
    /// time (setting up a second tab cost about 0.3 s here), in a new tab after that.
    /// </summary>
    public async Task<IPage> OpenAsync(string url)
    {
        var blank = _initialTabUsed ? null : (await _browser.PagesAsync().ConfigureAwait(false)).FirstOrDefault();
        _initialTabUsed = true;
        var page = blank ?? await _browser.NewPageAsync().ConfigureAwait(false);
        page.DefaultTimeout = (int)Timeout.TotalMilliseconds;
        page.DefaultNavigationTimeout = (int)Timeout.TotalMilliseconds;
        await page.GoToAsync(url, WaitUntilNavigation.Load).ConfigureAwait(false);
        return page;
    }

    /// <summary>Closes the browser (then kills its process tree if it is still there) and deletes the temporary profile.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        var process = _browser.Process;
        try
        {
            await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or IOException or InvalidOperationException)
        {
        }
        try
        {
            if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
        await _browser.DisposeAsync().ConfigureAwait(false);
        DeleteQuietly(_userDataDir);
    }

    /// <summary>Chromium may still be writing its profile for a moment after it exits.</summary>
    private static void DeleteQuietly(string folder)
    {
        var clock = Stopwatch.StartNew();
        while (Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(5)) return;
                Thread.Sleep(50);
            }
        }
    }
}
