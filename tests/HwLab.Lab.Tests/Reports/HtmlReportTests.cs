using System.Text.RegularExpressions;
using System.Xml.Linq;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Reports.Svg;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Reports;

public sealed partial class HtmlReportTests
{
    private static readonly string[] s_chartsOfAQuickSuite =
    [
        "c2c-native", "c2c-managed", "c2c-relations", "falseshare-penalty", "falseshare-ns", "locks-ns", "locks-fairness", "locks-scaling",
        "swap-scaling", "swap-same-line", "swap-si-lock", "churn-throughput", "churn-same-line",
        "reserve-2015-deterministic", "reserve-2015-threaded", "reserve-favor-deterministic",
        "reserve-favor-threaded", "reserve-reaper-deterministic", "reserve-reaper-threaded",
    ];

    [Fact]
    public void A_suite_run_gets_every_chart_each_valid_svg_with_axis_titles_and_a_legend()
    {
        string html = HtmlReport.Render(CapturedResults.Load());

        XElement[] charts = [.. Charts(html)];
        Assert.Equal(s_chartsOfAQuickSuite, charts.Select(c => c.Attribute("data-chart")!.Value));
        foreach (XElement chart in charts)
        {
            string id = chart.Attribute("data-chart")!.Value;
            XElement[] texts = [.. SvgText.All(chart, "text")];
            Assert.True(texts.Count(t => (string?)t.Attribute("class") == "axis-title") >= 1, $"{id} has no axis title");
            Assert.True(texts.Any(t => (string?)t.Attribute("class") == "legend-text"), $"{id} has no legend");
            Assert.True(SvgText.All(chart, "rect").Any() || SvgText.All(chart, "polyline").Any(), $"{id} draws nothing");
        }
    }

    [Fact]
    public void Every_chart_names_its_unit()
    {
        string html = HtmlReport.Render(CapturedResults.Load());
        foreach (XElement chart in Charts(html))
        {
            string[] titles = [.. SvgText.All(chart, "text").Where(t => (string?)t.Attribute("class") is "axis-title" or "legend-text").Select(t => t.Value)];
            Assert.True(titles.Any(t => UnitInParentheses().IsMatch(t)), $"{chart.Attribute("data-chart")!.Value}: no unit in {string.Join(" | ", titles)}");
        }
    }

    [Fact]
    public void The_page_needs_nothing_from_outside()
    {
        string html = HtmlReport.Render(CapturedResults.Load());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(ExternalUrl().Matches(html), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.All(UrlReference().Matches(html), m => Assert.StartsWith("url(#", m.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void The_eight_byte_section_sets_each_seed_claim_beside_a_verdict()
    {
        ResultsDocument document = CapturedResults.Load();
        string html = HtmlReport.Render(document);
        int start = html.IndexOf("<h2 id=\"eight-byte\">", StringComparison.Ordinal);
        int end = html.IndexOf("<h2 id=\"verdicts\">", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start);
        string section = html[start..end];

        Assert.Contains("Was the 8-byte layout right?", section, StringComparison.Ordinal);
        Assert.Equal(SeedClaims.All.Count, RowSpanCell().Matches(section).Count);
        foreach (Verdict verdict in document.Experiments.SelectMany(e => e.Verdicts).Where(v => SeedClaims.All.Any(c => c.Topics.Contains(v.Topic))))
        {
            Assert.Contains(HtmlText.Encode(verdict.Measured), section, StringComparison.Ordinal);
        }
        Assert.Contains("class=\"verdict confirmed\"", section, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict not-measurable\"", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_no_experiment_tested_says_it_was_not_run()
    {
        string html = HtmlReport.Render(SampleDocuments.Document());
        Assert.Contains("not measured in this run", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_results_is_escaped()
    {
        ResultsDocument document = SampleDocuments.Document() with
        {
            Machine = SampleDocuments.Machine() with { Host = "<b>host</b>" },
            CommandLine = "hwlab suite --out \"a&b\"",
        };
        string html = HtmlReport.Render(document);
        Assert.DoesNotContain("<b>host</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;host&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a&amp;b", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_that_did_not_complete_says_why_and_draws_nothing()
    {
        ExperimentResult failed = SampleDocuments.Experiment("swap", ExperimentStatus.Failed) with { Points = [], Verdicts = [], Timelines = [] };
        string html = HtmlReport.Render(SampleDocuments.Document(failed));
        Assert.Contains("failed: why not.", html, StringComparison.Ordinal);
        Assert.Empty(Charts(html));
    }

    private static IEnumerable<XElement> Charts(string html)
        => SvgElement().Matches(html).Select(m => SvgText.Parse(m.Value));

    // The experiments' charts only: a verdict's decision picture is an svg of class "interval".
    [GeneratedRegex("<svg[^>]*class=\"chart\"[\\s\\S]*?</svg>")]
    private static partial Regex SvgElement();

    [GeneratedRegex("https?://[^\"'\\s<>)]+")]
    private static partial Regex ExternalUrl();

    [GeneratedRegex("url\\([^)]*\\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("\\((ns|ops/s|pairs/s|per op|bytes|ticks|x|%|ratio)\\)")]
    private static partial Regex UnitInParentheses();

    [GeneratedRegex("<td rowspan=")]
    private static partial Regex RowSpanCell();
}
