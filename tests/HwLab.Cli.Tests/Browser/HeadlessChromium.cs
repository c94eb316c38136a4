using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HwLab.Cli.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol: started with a throwaway profile
/// and no network services, and killed with all its child processes on dispose.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] s_candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, DevToolsConnection connection)
    {
        _process = process;
        _profile = profile;
        DevTools = connection;
    }

    public DevToolsConnection DevTools { get; }

    /// <summary>The browser to use: $HWLAB_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH; null when none is installed.</summary>
    public static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("HWLAB_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return s_candidates.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
    }

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellation)
    {
        string profile = Directory.CreateTempSubdirectory("hwlab-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--hide-scrollbars", "--mute-audio", "--window-size=1280,900", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                endpoint.TrySetException(new InvalidOperationException($"{executable} exited before it listened: {string.Join(" | ", log.TakeLast(5))}"));
                return;
            }
            log.Enqueue(e.Data);
            const string Marker = "DevTools listening on ";
            int at = e.Data.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                endpoint.TrySetResult(new Uri(e.Data[(at + Marker.Length)..].Trim()));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            Uri uri = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellation);
            DevToolsConnection connection = await DevToolsConnection.ConnectAsync(uri, cancellation);
            return new HeadlessChromium(process, profile, connection);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Opens a new tab and attaches to it; returns the session id page commands go to.</summary>
    public async Task<string> OpenPageAsync(CancellationToken cancellation)
    {
        JsonObject target = await DevTools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, cancellation: cancellation);
        JsonObject attached = await DevTools.SendAsync(
            "Target.attachToTarget", new JsonObject { ["targetId"] = (string?)target["targetId"], ["flatten"] = true }, cancellation: cancellation);
        return (string?)attached["sessionId"] ?? throw new InvalidOperationException("Target.attachToTarget returned no session.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await DevTools.SendAsync("Browser.close", cancellation: timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Killed below either way.
        }
        await DevTools.DisposeAsync();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            Kill(_process);
        }
        _process.Dispose();
        TryDelete(_profile);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the system's temp cleaning takes it.
        }
    }
}
