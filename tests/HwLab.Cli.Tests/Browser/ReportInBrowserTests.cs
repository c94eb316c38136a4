using PuppeteerSharp;

namespace HwLab.Cli.Tests.Browser;

/// <summary>
/// report.html from a real quick suite, opened in the system's headless Chromium: it must load without a
/// console error or a network request, and every chart must draw at a non-zero size. The full-page
/// screenshot is kept under TestResults/ for a person to look at.
/// </summary>
public sealed partial class ReportInBrowserTests
{
    [Fact]
    public async Task The_report_of_a_quick_suite_loads_cleanly_and_draws_every_chart()
    {
        string chromium = RequireChromium();
        Assert.SkipWhen(Native.Threading.ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs for the quick suite's cache-line experiments");
        using var temp = new TempDirectory();
        string dir = Path.Combine(temp.Path, "run");
        CliRun suite = CliRun.InProcess("suite", "--quick", "--out", dir);
        Assert.True(suite.ExitCode == 0, suite.Error + suite.Output);
        string report = Path.Combine(dir, "report.html");

        await using IBrowser browser = await SystemChromium.LaunchAsync(chromium);
        PageCheck page = await PageCheck.RunAsync(browser, new Uri(report));
        string screenshot = KeepScreenshot(page.Screenshot, "report-quick-suite.png");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");

        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.Requests);
        Assert.StartsWith("HwLab report", page.Title, StringComparison.Ordinal);
        // Every chart the file holds (HtmlReportTests checks which those are) is in the page the browser built.
        string[] inFile = [.. ChartId().Matches(File.ReadAllText(report)).Select(m => m.Groups[1].Value)];
        Assert.True(inFile.Length >= 10, $"only {inFile.Length} charts in {report}");
        Assert.Equal(inFile, page.Charts.Select(c => c.Id));
        Assert.All(page.Charts, c => Assert.True(c.Width > 100 && c.Height > 100 && c.Elements > 10, $"{c.Id} drew at {c.Width}x{c.Height} with {c.Elements} elements"));
        Assert.All(page.Intervals, i => Assert.True(i.Width > 300 && i.Height > 50, $"{i.Id} drew at {i.Width}x{i.Height}"));
        Assert.True(page.Screenshot.Length > 10_000 && page.Screenshot.AsSpan(1, 3).SequenceEqual("PNG"u8), "The screenshot is not a PNG of a full page.");
    }

    [Fact]
    public async Task Each_decision_picture_of_a_schema_2_report_draws_in_the_browser()
    {
        string chromium = RequireChromium();
        using var temp = new TempDirectory();
        string dir = DecidedResults.Reported(temp);

        await using IBrowser browser = await SystemChromium.LaunchAsync(chromium);
        PageCheck page = await PageCheck.RunAsync(browser, new Uri(Path.Combine(dir, "report.html")));
        KeepScreenshot(page.Screenshot, "report-decisions.png");

        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.Requests);
        Assert.Equal(3, page.Intervals.Count);
        Assert.All(page.Intervals, i => Assert.True(i.Width > 300 && i.Height > 50 && i.Elements > 8, $"{i.Id} drew at {i.Width}x{i.Height} with {i.Elements} elements"));
        Assert.Contains(page.Intervals, i => i.Id.Contains("in each state of the machine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_catches_a_console_error_a_request_and_a_chart_that_drew_nothing()
    {
        string chromium = RequireChromium();
        using var temp = new TempDirectory();
        string page = temp.File("broken.html");
        File.WriteAllText(page, """
            <!DOCTYPE html><html><head><title>broken</title></head><body>
            <svg class="chart" data-chart="empty" width="0" height="0" xmlns="http://www.w3.org/2000/svg"></svg>
            <img src="missing.png">
            <script>console.error("deliberate"); undefinedFunction();</script>
            </body></html>
            """);

        await using IBrowser browser = await SystemChromium.LaunchAsync(chromium);
        PageCheck check = await PageCheck.RunAsync(browser, new Uri(page));

        Assert.Contains(check.ConsoleErrors, e => e.Contains("deliberate", StringComparison.Ordinal));
        Assert.Contains(check.ConsoleErrors, e => e.Contains("undefinedFunction", StringComparison.Ordinal));
        Assert.Contains(check.Requests, r => r.EndsWith("missing.png", StringComparison.Ordinal));
        ChartBox chart = Assert.Single(check.Charts);
        Assert.Equal(0, chart.Width);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<svg[^>]* data-chart=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ChartId();

    private static string RequireChromium()
    {
        string? chromium = SystemChromium.Find();
        Assert.SkipWhen(chromium is null, "Chromium is not installed (.ci/run installs Debian's chromium package; or set HWLAB_CHROMIUM)");
        return chromium!;
    }

    // TestResults/ at the repository root, beside the test run's TRX files, so CI keeps it as an artifact.
    private static string KeepScreenshot(byte[] png, string name)
    {
        DirectoryInfo? root = new(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HwLab.sln")))
        {
            root = root.Parent;
        }
        string directory = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        File.WriteAllBytes(path, png);
        return path;
    }
}
