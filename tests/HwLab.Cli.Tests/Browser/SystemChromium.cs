using PuppeteerSharp;

namespace HwLab.Cli.Tests.Browser;

/// <summary>
/// The machine's own Chromium (Debian's chromium package, or $HWLAB_CHROMIUM), started headless
/// through PuppeteerSharp with a throwaway profile. Never a downloaded browser: without an
/// installed one the browser tests skip.
/// </summary>
internal static class SystemChromium
{
    private static readonly string[] s_candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

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

    public static Task<IBrowser> LaunchAsync(string executable) => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = executable,
        Headless = true,
        // Tests run as root in CI, where Chromium's sandbox cannot start; the pages are HwLab's own files.
        // The rest keeps a test run quiet: no GPU process, no component downloads in the background.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-component-update"],
        DefaultViewport = new ViewPortOptions { Width = 1280, Height = 900 },
        // Bounds for a browser that hangs: starting it, and any one command to it.
        Timeout = (int)TimeSpan.FromMinutes(1).TotalMilliseconds,
        ProtocolTimeout = (int)TimeSpan.FromMinutes(1).TotalMilliseconds,
    });
}
