using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FoiKit.Charts.Export;

/// <summary>Raised when the browser or the page reports an error.</summary>
public sealed class BrowserException(string message) : Exception(message);

/// <summary>
/// A headless Chromium driven over the DevTools protocol with a plain WebSocket (no extra packages):
/// start once, open one page, evaluate many times. Disposing closes the browser, kills its process tree
/// if it does not exit, and deletes its temporary profile folder.
/// </summary>
public sealed class CdpBrowser : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _userDataDir;
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _events = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _reader;
    private int _nextId;
    private bool _disposed;

    private CdpBrowser(Process process, string userDataDir, ClientWebSocket socket)
    {
        _process = process;
        _userDataDir = userDataDir;
        _socket = socket;
        _reader = Task.Run(ReadLoop);
    }

    /// <summary>How long one DevTools command may take.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The temporary profile folder (deleted on dispose).</summary>
    public string UserDataDir => _userDataDir;

    /// <summary>The browser's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// The command-line flags: headless, no sandbox (CI runs as root), no GPU, nothing that phones home
    /// (background networking, component updates, sync), no first-run UI, a fresh profile, DevTools on a free port.
    /// </summary>
    public static IReadOnlyList<string> Flags(string userDataDir) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
        "--font-render-hinting=none", // steadier glyph rendering between runs
        $"--user-data-dir={userDataDir}", "--remote-debugging-port=0", "about:blank",
    ];

    /// <summary>Starts the browser with a new temporary profile, waits for its DevTools port and connects.</summary>
    public static async Task<CdpBrowser> LaunchAsync(string executable, TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        var userDataDir = Directory.CreateTempSubdirectory("foikit-chromium-").FullName;
        Process? process = null;
        var stderr = new StringBuilder();
        try
        {
            var psi = new ProcessStartInfo(executable)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            };
            foreach (var f in Flags(userDataDir)) psi.ArgumentList.Add(f);
            process = Process.Start(psi) ?? throw new BrowserException($"could not start {executable}");
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();

            // Chromium writes "<port>\n/devtools/browser/<id>" to <user-data-dir>/DevToolsActivePort.
            var portFile = Path.Combine(userDataDir, "DevToolsActivePort");
            var deadline = DateTime.UtcNow + (startTimeout ?? TimeSpan.FromSeconds(30));
            string[]? lines = null;
            while (DateTime.UtcNow < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (process.HasExited)
                    throw new BrowserException($"the browser exited with code {process.ExitCode} before DevTools was ready: {Tail(stderr)}");
                if (File.Exists(portFile))
                {
                    try
                    {
                        lines = (await File.ReadAllTextAsync(portFile, cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                        if (lines.Length >= 2) break;
                    }
                    catch (IOException) { /* being written */ }
                }
                await Task.Delay(25, cancellationToken);
            }
            if (lines is not { Length: >= 2 })
                throw new BrowserException($"the browser did not open its DevTools port in time: {Tail(stderr)}");

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), cancellationToken);
            return new CdpBrowser(process, userDataDir, socket);
        }
        catch
        {
            if (process is not null) { Kill(process); process.Dispose(); }
            DeleteQuietly(userDataDir);
            throw;
        }
    }

    /// <summary>Sends one DevTools command (to a page session when given) and returns its "result".</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken);
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken); }
        finally { _sendLock.Release(); }
        try
        {
            return await tcs.Task.WaitAsync(CommandTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"DevTools command {method} took more than {CommandTimeout.TotalSeconds:0} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>A task that completes at the next event of this name for this session.</summary>
    public Task WaitForEvent(string method, string? sessionId)
        => _events.GetOrAdd($"{sessionId}|{method}", _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Opens a new tab, attaches to it (flat session), enables Page and Runtime. Returns the session id.</summary>
    public async Task<string> NewPageAsync(CancellationToken cancellationToken = default)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancellationToken);
        var sessionId = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Page.enable", null, sessionId, cancellationToken);
        await SendAsync("Runtime.enable", null, sessionId, cancellationToken);
        return sessionId;
    }

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task NavigateAsync(string sessionId, string url, CancellationToken cancellationToken = default)
    {
        var loaded = WaitForEvent("Page.loadEventFired", sessionId);
        var nav = await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, sessionId, cancellationToken);
        if (nav["errorText"] is JsonNode err) throw new BrowserException($"opening {url} failed: {err}");
        try
        {
            await loaded.WaitAsync(CommandTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the page {url} did not finish loading in {CommandTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Runtime.evaluate awaiting promises and returning by value; a JavaScript exception becomes a <see cref="BrowserException"/>.</summary>
    public async Task<JsonNode?> EvaluateAsync(string sessionId, string expression, CancellationToken cancellationToken = default)
    {
        var r = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true,
        }, sessionId, cancellationToken);
        if (r["exceptionDetails"] is JsonObject ex)
        {
            var text = ex["exception"]?["description"]?.ToString() ?? ex["text"]?.ToString() ?? ex.ToJsonString();
            throw new BrowserException("JavaScript error: " + text);
        }
        return r["result"]?["value"];
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_cts.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                WebSocketReceiveResult res;
                do
                {   // A message (e.g. a PNG data URL) can be megabytes: assemble every frame.
                    res = await _socket.ReceiveAsync(buffer, _cts.Token);
                    if (res.MessageType == WebSocketMessageType.Close) return;
                    message.Write(buffer, 0, res.Count);
                } while (!res.EndOfMessage);

                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject();
                if (node["id"] is JsonNode idNode)
                {
                    if (_pending.TryRemove(idNode.GetValue<int>(), out var tcs))
                    {
                        if (node["error"] is JsonNode error)
                            tcs.TrySetException(new BrowserException($"DevTools error: {error.ToJsonString()}"));
                        else
                            tcs.TrySetResult(node["result"]?.AsObject() ?? new JsonObject());
                    }
                }
                else if (node["method"] is JsonNode method)
                {
                    var key = $"{node["sessionId"]?.GetValue<string>()}|{method.GetValue<string>()}";
                    _events.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(true);
                    _events.TryRemove(key, out _);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        finally
        {
            foreach (var p in _pending.Values) p.TrySetException(new BrowserException("the DevTools connection closed"));
        }
    }

    /// <summary>Closes the browser (Browser.close, then kills the process tree after 5 s) and deletes the temporary profile.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var id = Interlocked.Increment(ref _nextId);
                var bytes = Encoding.UTF8.GetBytes($"{{\"id\":{id},\"method\":\"Browser.close\",\"params\":{{}}}}");
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, quick.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) { }
        // /usr/bin/chromium is a wrapper script: kill the whole tree, not just the pid we started.
        Kill(_process);
        await _cts.CancelAsync();
        try { await _reader; } catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        _socket.Dispose();
        _process.Dispose();
        _cts.Dispose();
        _sendLock.Dispose();
        DeleteQuietly(_userDataDir);
    }

    private static void Kill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
    }

    /// <summary>Deletes the profile folder; helper processes may still be writing for a moment, so it retries.</summary>
    private static void DeleteQuietly(string dir)
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(dir); attempt++)
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Thread.Sleep(100); }
        }
    }

    private static string Tail(StringBuilder sb)
    {
        lock (sb)
        {
            var s = sb.ToString().Trim();
            return s.Length == 0 ? "(no output)" : s.Length > 600 ? "…" + s[^600..] : s;
        }
    }
}
