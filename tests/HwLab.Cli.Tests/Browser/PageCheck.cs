using System.Collections.Concurrent;
using System.Text.Json;
using PuppeteerSharp;

namespace HwLab.Cli.Tests.Browser;

/// <summary>What a page did in the browser: its console errors and uncaught exceptions, the size each chart and decision picture drew at, the requests it made beyond its own document, and a full-page screenshot.</summary>
internal sealed record PageCheck(
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<ChartBox> Charts,
    IReadOnlyList<ChartBox> Intervals,
    IReadOnlyList<string> Requests,
    string Title,
    byte[] Screenshot)
{
    // Every svg.chart's and svg.interval's (a verdict's decision) drawn size and how many elements it holds.
    private const string InspectScript = """
        (() => {
          const boxes = selector => [...document.querySelectorAll(selector)].map(s => {
            const r = s.getBoundingClientRect();
            return { id: s.dataset.chart || s.getAttribute('aria-label') || '', width: r.width, height: r.height, elements: s.querySelectorAll('*').length };
          });
          return JSON.stringify({ charts: boxes('svg.chart'), intervals: boxes('svg.interval'), title: document.title });
        })()
        """;

    /// <summary>Loads <paramref name="url"/> in a new tab of <paramref name="browser"/> and inspects it once the load event fired.</summary>
    public static async Task<PageCheck> RunAsync(IBrowser browser, Uri url)
    {
        await using IPage page = await browser.NewPageAsync();
        // Raised on the connection's thread while the test awaits.
        var errors = new ConcurrentQueue<string>();
        var requests = new ConcurrentQueue<string>();
        // Console calls of level error or assert, and the browser's own log entries of level error (a
        // resource that failed to load), which PuppeteerSharp reports as console messages too.
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Assert)
            {
                string where = string.IsNullOrEmpty(e.Message.Location?.URL) ? "" : $" ({e.Message.Location.URL})";
                errors.Enqueue($"console.{(e.Message.Type == ConsoleType.Assert ? "assert" : "error")}: {e.Message.Text}{where}");
            }
        };
        page.PageError += (_, e) => errors.Enqueue($"exception: {e.Message}");
        // Every request but the page itself: a self-contained page makes none, whether it would have succeeded or not.
        page.Request += (_, e) =>
        {
            if (e.Request.Url != url.AbsoluteUri)
            {
                requests.Enqueue(e.Request.Url);
            }
        };

        await page.GoToAsync(url.AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        string json = await page.EvaluateExpressionAsync<string>(InspectScript);
        using JsonDocument inspected = JsonDocument.Parse(json);
        ChartBox[] charts = Boxes(inspected.RootElement.GetProperty("charts"));
        ChartBox[] intervals = Boxes(inspected.RootElement.GetProperty("intervals"));
        byte[] screenshot = await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        return new PageCheck([.. errors], charts, intervals, [.. requests], inspected.RootElement.GetProperty("title").GetString() ?? "", screenshot);
    }

    private static ChartBox[] Boxes(JsonElement boxes) => [.. boxes.EnumerateArray().Select(c => new ChartBox(
        c.GetProperty("id").GetString()!, c.GetProperty("width").GetDouble(), c.GetProperty("height").GetDouble(), c.GetProperty("elements").GetInt32()))];
}

/// <summary>One chart (or decision picture, named by its aria-label) as the browser laid it out.</summary>
internal sealed record ChartBox(string Id, double Width, double Height, int Elements);
