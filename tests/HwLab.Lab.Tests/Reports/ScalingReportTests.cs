using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Scaling;
using HwLab.Lab.Tests.Reports.Svg;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Reports;

/// <summary>
/// The scaling curves in the reports: each fitted curve drawn through its dots with its σ, κ, peak
/// and R² in a table, each curve without a fit drawn as dots with the reason beside it.
/// </summary>
public sealed partial class ScalingReportTests
{
    private static readonly int[] s_workers = [1, 2, 4, 8, 16, 32, 64];

    // The captured suite's locks experiment with two curves: bitlock on the law itself (σ 0.05, κ 0.001), ticket at two counts.
    private static ResultsDocument WithCurves(params ScalingCurve[] curves)
    {
        ResultsDocument captured = CapturedResults.Load();
        return captured with { Experiments = [.. captured.Experiments.Select(e => e.Name == "locks" ? e with { Scaling = curves } : e)] };
    }

    private static ScalingCurve Bitlock() => ScalingCurve.Fitted(
        new Dictionary<string, string> { ["kind"] = "bitlock" }, "pairs/s", [.. s_workers.Select(n => new ScalingPoint(n, UniversalScalabilityLaw.Throughput(4e7, 0.05, 0.001, n)))]);

    private static ScalingCurve Ticket() => ScalingCurve.Fitted(new Dictionary<string, string> { ["kind"] = "ticket" }, "pairs/s", [new ScalingPoint(1, 5e7), new ScalingPoint(2, 3e7)]);

    private static XElement LocksScaling(string html)
        => SvgText.Parse(Chart().Matches(html).Single(m => m.Value.Contains("data-chart=\"locks-scaling\"", StringComparison.Ordinal)).Value);

    [Fact]
    public void A_fitted_curve_is_drawn_through_its_dots_and_tabled_with_its_figures()
    {
        string html = WebUtility.HtmlDecode(HtmlReport.Render(WithCurves(Bitlock(), Ticket())));
        string markdown = MarkdownReport.Render(WithCurves(Bitlock(), Ticket()));

        XElement chart = LocksScaling(html);
        Assert.Equal("bitlock", SvgText.All(chart, "polyline").Single(p => (string?)p.Attribute("class") == "fit").Attribute("data-series")!.Value);
        Assert.Equal("ticket", SvgText.All(chart, "polyline").Single(p => (string?)p.Attribute("class") == "measured-line").Attribute("data-series")!.Value);
        Assert.Equal(s_workers.Length + 2, SvgText.All(chart, "circle").Count());
        Assert.Contains("throughput, all workers (pairs/s)", SvgText.Texts(chart));
        // σ, κ, N* = sqrt(0.95 / 0.001) = 30.8 within the 64 measured, and R² of a curve on the law.
        foreach (string report in new[] { html, markdown })
        {
            Assert.Contains("σ, contention", report, StringComparison.Ordinal);
            Assert.Contains("30.8 workers", report, StringComparison.Ordinal);
            Assert.Contains("No fit for kind=ticket: fitting λ, σ and κ needs points at 4 or more worker counts, and these are at 2: 1, 2.", report, StringComparison.Ordinal);
        }
        // X(N*) = 4e7 x 30.82 / (1 + 0.05 x 29.82 + 0.001 x 30.82 x 29.82) = 361.5 million.
        string row = markdown.Split('\n').Single(l => l.StartsWith("| kind=bitlock |", StringComparison.Ordinal));
        Assert.StartsWith("| kind=bitlock | 1, 2, 4, 8, 16, 32, 64 | 40,000,0", row, StringComparison.Ordinal);
        Assert.Contains(" pairs/s | 0.050 | 1.00e-3 | 30.8 workers, 361,5", row, StringComparison.Ordinal);
        Assert.EndsWith(" pairs/s | 1.00 | 0.0% |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_fit_anywhere_the_chart_says_why_and_no_table_is_drawn()
    {
        string html = HtmlReport.Render(WithCurves(Ticket()));

        string caption = Regex.Match(html, "data-chart=\"locks-scaling\"[\\s\\S]*?<figcaption>([^<]*)</figcaption>").Groups[1].Value;
        Assert.Contains("No curve is fitted: fitting λ, σ and κ needs points at 4 or more worker counts, and these are at 2: 1, 2.", WebUtility.HtmlDecode(caption), StringComparison.Ordinal);
        Assert.DoesNotContain("σ, contention", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("No curve is fitted", MarkdownReport.Render(WithCurves(Ticket())), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_written_before_fits_draw_their_points_and_say_so()
    {
        string html = HtmlReport.Render(CapturedResults.Load());

        XElement chart = LocksScaling(html);
        Assert.NotEmpty(SvgText.All(chart, "circle"));
        Assert.DoesNotContain(SvgText.All(chart, "polyline"), p => (string?)p.Attribute("class") == "fit");
        Assert.Contains("written before HwLab fitted scaling curves", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_experiments_with_curves_get_a_table_of_fits()
    {
        string markdown = MarkdownReport.Render(WithCurves(Bitlock()));

        Assert.Single(Regex.Matches(markdown, "\\| curve \\| workers \\|"));
        Assert.Contains(MarkdownText.Escape(ScalingTable.Caption), markdown, StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg[^>]*class=\"chart\"[\\s\\S]*?</svg>")]
    private static partial Regex Chart();
}
