using System.Text.Json;
using System.Text.Json.Nodes;

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
    public static async Task<PageCheck> RunAsync(HeadlessChromium browser, Uri url, CancellationToken cancellation)
    {
        string session = await browser.OpenPageAsync(cancellation);
        DevToolsConnection devTools = browser.DevTools;
        int eventsBefore = devTools.Events.Count();
        await devTools.SendAsync("Runtime.enable", sessionId: session, cancellation: cancellation);
        await devTools.SendAsync("Log.enable", sessionId: session, cancellation: cancellation);
        await devTools.SendAsync("Page.enable", sessionId: session, cancellation: cancellation);
        await devTools.SendAsync("Network.enable", sessionId: session, cancellation: cancellation);
        await devTools.SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, session, cancellation);
        await devTools.WaitForEventAsync("Page.loadEventFired", session, cancellation);

        JsonObject evaluated = await devTools.SendAsync(
            "Runtime.evaluate", new JsonObject { ["expression"] = InspectScript, ["returnByValue"] = true }, session, cancellation);
        string json = (string?)evaluated["result"]?["value"] ?? throw new InvalidOperationException($"The inspection script returned {evaluated.ToJsonString()}.");
        using JsonDocument inspected = JsonDocument.Parse(json);
        ChartBox[] charts = Boxes(inspected.RootElement.GetProperty("charts"));
        ChartBox[] intervals = Boxes(inspected.RootElement.GetProperty("intervals"));

        byte[] screenshot = await FullPageScreenshotAsync(devTools, session, cancellation);
        JsonObject[] events = [.. devTools.Events.Skip(eventsBefore).Where(e => (string?)e["sessionId"] == session)];
        string[] errors = [.. events.Select(ErrorOf).OfType<string>()];
        // Every request but the page itself: a self-contained page makes none, whether it would have succeeded or not.
        string[] requests = [.. events
            .Where(e => (string?)e["method"] == "Network.requestWillBeSent")
            .Select(e => (string?)e["params"]?["request"]?["url"] ?? "")
            .Where(u => u != url.AbsoluteUri)];
        return new PageCheck(errors, charts, intervals, requests, inspected.RootElement.GetProperty("title").GetString() ?? "", screenshot);
    }

    private static ChartBox[] Boxes(JsonElement boxes) => [.. boxes.EnumerateArray().Select(c => new ChartBox(
        c.GetProperty("id").GetString()!, c.GetProperty("width").GetDouble(), c.GetProperty("height").GetDouble(), c.GetProperty("elements").GetInt32()))];

    private static async Task<byte[]> FullPageScreenshotAsync(DevToolsConnection devTools, string session, CancellationToken cancellation)
    {
        JsonObject metrics = await devTools.SendAsync("Page.getLayoutMetrics", sessionId: session, cancellation: cancellation);
        JsonNode size = metrics["cssContentSize"] ?? metrics["contentSize"] ?? throw new InvalidOperationException("Page.getLayoutMetrics gave no content size.");
        var clip = new JsonObject
        {
            ["x"] = 0,
            ["y"] = 0,
            ["width"] = Math.Ceiling((double)size["width"]!),
            ["height"] = Math.Min(Math.Ceiling((double)size["height"]!), 16_000),
            ["scale"] = 1,
        };
        JsonObject shot = await devTools.SendAsync(
            "Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip }, session, cancellation);
        return Convert.FromBase64String((string?)shot["data"] ?? throw new InvalidOperationException("Page.captureScreenshot returned no data."));
    }

    // Console calls of level error or assert, uncaught exceptions, and browser log entries of level error.
    private static string? ErrorOf(JsonObject e)
    {
        JsonNode? p = e["params"];
        return (string?)e["method"] switch
        {
            "Runtime.consoleAPICalled" when (string?)p?["type"] is "error" or "assert"
                => $"console.{(string?)p!["type"]}: {string.Join(' ', (p["args"] as JsonArray ?? []).Select(a => (string?)a?["value"] ?? (string?)a?["description"]))}",
            "Runtime.exceptionThrown"
                => $"exception: {(string?)p?["exceptionDetails"]?["exception"]?["description"] ?? (string?)p?["exceptionDetails"]?["text"]}",
            "Log.entryAdded" when (string?)p?["entry"]?["level"] == "error"
                => $"log: {(string?)p!["entry"]!["text"]} {(string?)p["entry"]!["url"]}",
            _ => null,
        };
    }
}

/// <summary>One chart (or decision picture, named by its aria-label) as the browser laid it out.</summary>
internal sealed record ChartBox(string Id, double Width, double Height, int Elements);
