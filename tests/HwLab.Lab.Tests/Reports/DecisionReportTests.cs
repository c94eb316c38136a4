using System.Text.RegularExpressions;
using System.Xml.Linq;
using HwLab.Lab.Decisions;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Reports.Svg;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Reports;

/// <summary>
/// What the reports make of a verdict's decision (schema 2): the figure, its interval, the
/// threshold and the rounds in words, the interval drawn against the threshold, each placement
/// group when the machine changed, the sampling line, and the tally; and that a version-1
/// document, which has none of it, still renders.
/// </summary>
public sealed partial class DecisionReportTests
{
    private static readonly GroupDecision s_fast = new("placement ~25 ns", 25, VerdictOutcome.Confirmed, 1.2, 1.15, 1.25, 8);
    private static readonly GroupDecision s_slow = new("placement ~80 ns", 80, VerdictOutcome.Refuted, 1.02, 0.98, 1.06, 6);
    private static readonly GroupDecision s_few = new("placement ~140 ns", 140, VerdictOutcome.Inconclusive, 1.3, null, null, 2);

    [Fact]
    public void A_version_1_document_renders_in_both_formats_with_no_interval_drawn()
    {
        ResultsDocument document = CapturedResults.Load();
        Assert.Equal(ResultsDocument.Version1Schema, document.Schema);

        string html = HtmlReport.Render(document);
        string markdown = MarkdownReport.Render(document);

        Assert.Empty(IntervalSvgs(html));
        Assert.DoesNotContain("Deciding figure", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Deciding figure", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped:", markdown, StringComparison.Ordinal);
        Assert.Contains("(schema hwlab.results/1)", html, StringComparison.Ordinal);
        Assert.Contains("its schema is hwlab.results/1 ", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"summary\">13 confirmed, 1 refuted, 0 inconclusive, 2 not measurable</p>", html, StringComparison.Ordinal);
        Assert.Contains("\n13 confirmed, 1 refuted, 0 inconclusive, 2 not measurable\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decided_verdict_draws_its_interval_right_of_a_threshold_it_clears()
    {
        string html = HtmlReport.Render(DecidedDocuments.With(DecidedDocuments.Above(VerdictOutcome.Confirmed, 1.15, 1.25)));

        XElement svg = Assert.Single(IntervalSvgs(html));
        XElement bar = Assert.Single(Bars(svg));
        double left = SvgText.Number(bar, "x");
        double right = left + SvgText.Number(bar, "width");
        Assert.True(left < right, $"bar from {left} to {right}");
        Assert.Equal("1.15", bar.Attribute("data-low")!.Value);
        Assert.Equal("1.25", bar.Attribute("data-high")!.Value);
        double threshold = LineX(svg, "threshold");
        double figure = LineX(svg, "figure");
        Assert.True(threshold < left, $"threshold at {threshold}, bar from {left}");
        Assert.True(left < figure && figure < right, $"figure at {figure}, bar from {left} to {right}");
        Assert.Contains("claim: above 1.10", SvgText.Texts(svg));
        string title = SvgText.All(svg, "title").First().Value;
        Assert.Equal(title, svg.Attribute("aria-label")!.Value);
        Assert.Contains("95% interval 1.15 to 1.25", title, StringComparison.Ordinal);
        Assert.Contains($"Deciding figure: {DecidedDocuments.FigureName} = 1.20; 95% interval 1.15 to 1.25; claim: above 1.10; 12 rounds used.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refuted_at_most_claim_draws_its_interval_past_the_threshold()
    {
        Verdict atMost = DecidedDocuments.Above(VerdictOutcome.Refuted, 1.2, 1.3) with { Direction = Direction.AtMost };
        XElement svg = Assert.Single(IntervalSvgs(HtmlReport.Render(DecidedDocuments.With(atMost))));

        Assert.True(LineX(svg, "threshold") < SvgText.Number(Assert.Single(Bars(svg)), "x"));
        Assert.Contains("claim: at most 1.10", SvgText.Texts(svg));
    }

    [Fact]
    public void A_within_claim_shades_its_band_around_the_threshold()
    {
        XElement svg = Assert.Single(IntervalSvgs(HtmlReport.Render(DecidedDocuments.With(DecidedDocuments.Within(VerdictOutcome.Confirmed, 0.98, 1.02)))));

        XElement band = SvgText.All(svg, "rect").Single(r => (string?)r.Attribute("class") == "band");
        XElement bar = Assert.Single(Bars(svg));
        double bandLeft = SvgText.Number(band, "x");
        double bandRight = bandLeft + SvgText.Number(band, "width");
        double threshold = LineX(svg, "threshold");
        Assert.True(bandLeft < threshold && threshold < bandRight);
        Assert.True(bandLeft < SvgText.Number(bar, "x") && SvgText.Number(bar, "x") + SvgText.Number(bar, "width") < bandRight);
        Assert.Contains("claim: within 0.95 to 1.05", SvgText.Texts(svg));
    }

    [Fact]
    public void Groups_get_one_row_each_and_a_callout_that_the_machine_changed()
    {
        ResultsDocument document = DecidedDocuments.With(DecidedDocuments.Grouped(s_fast, s_slow, s_few));
        string html = HtmlReport.Render(document);
        string markdown = MarkdownReport.Render(document);

        XElement svg = Assert.Single(IntervalSvgs(html));
        string[] texts = [.. SvgText.Texts(svg)];
        Assert.Contains("placement ~25 ns", texts);
        Assert.Contains("placement ~80 ns", texts);
        Assert.Contains("placement ~140 ns", texts);
        // The third group has no interval: no bar, and the reason in its row.
        Assert.Equal(["1.15", "0.98"], Bars(svg).Select(b => b.Attribute("data-low")!.Value));
        Assert.Contains(DecisionText.NoInterval, texts);

        const string Lead = "The machine changed under the run: the placement probe found 3 states of the machine";
        Match callout = Regex.Match(html, "<div class=\"callout machine-changed\" role=\"note\">(.*?)</div>");
        Assert.True(callout.Success);
        Assert.Contains(Lead, callout.Value, StringComparison.Ordinal);
        Assert.Contains("placement ~25 ns: 1.20, 95% interval 1.15 to 1.25, 8 rounds, confirmed", callout.Value, StringComparison.Ordinal);
        Assert.Contains("placement ~80 ns: 1.02, 95% interval 0.98 to 1.06, 6 rounds, refuted", callout.Value, StringComparison.Ordinal);
        Assert.Contains($"placement ~140 ns: 1.30, {DecisionText.NoInterval}, 2 rounds, inconclusive", callout.Value, StringComparison.Ordinal);

        Assert.Contains($"  - **{Lead}", markdown, StringComparison.Ordinal);
        // Markdown escapes the tilde, which would otherwise strike text through.
        Assert.Contains("    - placement \\~25 ns: 1.20, 95% interval 1.15 to 1.25, 8 rounds, confirmed\n", markdown, StringComparison.Ordinal);
        Assert.Contains("    - placement \\~80 ns: 1.02, 95% interval 0.98 to 1.06, 6 rounds, refuted\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verdict_with_a_threshold_and_no_interval_draws_no_bar_and_says_why()
    {
        ResultsDocument document = DecidedDocuments.With(DecidedDocuments.Above(VerdictOutcome.Inconclusive, null, null));
        string html = HtmlReport.Render(document);

        XElement svg = Assert.Single(IntervalSvgs(html));
        Assert.Empty(Bars(svg));
        Assert.Contains(DecisionText.NoInterval, SvgText.Texts(svg));
        Assert.Contains($"; {DecisionText.NoInterval}; claim: above 1.10; 12 rounds used.", html, StringComparison.Ordinal);
        Assert.Contains($"; {DecisionText.NoInterval}; claim: above 1.10; 12 rounds used.", MarkdownReport.Render(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Inconclusive_and_refuted_differ_in_class_mark_and_word()
    {
        string html = HtmlReport.Render(DecidedDocuments.With(
            DecidedDocuments.Above(VerdictOutcome.Refuted, 1.0, 1.05), DecidedDocuments.Above(VerdictOutcome.Inconclusive, 1.05, 1.15)));

        Match refuted = MarkedBadge().Matches(html).First(m => m.Groups["class"].Value == "refuted");
        Match inconclusive = MarkedBadge().Matches(html).First(m => m.Groups["class"].Value == "inconclusive");
        Assert.Equal(("\u2717 ", "refuted"), (refuted.Groups["mark"].Value, refuted.Groups["word"].Value));
        Assert.Equal(("? ", "inconclusive"), (inconclusive.Groups["mark"].Value, inconclusive.Groups["word"].Value));
        // Their styles differ beyond the hue: the inconclusive badge's border is dashed.
        Assert.Matches(@"\.inconclusive \{[^}]*dashed", html);
        Assert.DoesNotMatch(@"\.refuted \{[^}]*dashed", html);
    }

    [Fact]
    public void The_tally_counts_verdicts_on_claims_alike_in_both_reports()
    {
        ResultsDocument document = DecidedDocuments.With(
            DecidedDocuments.Above(VerdictOutcome.Confirmed, 1.15, 1.25),
            DecidedDocuments.Above(VerdictOutcome.Confirmed, 1.12, 1.2, topic: Topics.PaddingOneLine),
            DecidedDocuments.Above(VerdictOutcome.Refuted, 1.0, 1.05),
            DecidedDocuments.Above(VerdictOutcome.Inconclusive, 1.05, 1.15),
            new Verdict("Needs SMT.", "-", VerdictOutcome.NotMeasurable, "no SMT here") { Topic = Topics.SeedClusterLockScaling },
            // A verdict on no named claim is left out of the tally.
            new Verdict("Fairness.", "0.9", VerdictOutcome.Confirmed, "a figure of its own"));
        const string Tally = "2 confirmed, 1 refuted, 1 inconclusive, 1 not measurable";

        Assert.Contains($"<p class=\"summary\">{Tally}</p>", HtmlReport.Render(document), StringComparison.Ordinal);
        Assert.Contains($"\n{Tally}\n", MarkdownReport.Render(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_experiment_sampled_in_rounds_says_how_many_and_why_it_stopped()
    {
        ResultsDocument document = DecidedDocuments.With(DecidedDocuments.Above(VerdictOutcome.Confirmed, 1.15, 1.25));

        Assert.Contains("<p class=\"sampling\">12 rounds (minimum 5), stopped: decided</p>", HtmlReport.Render(document), StringComparison.Ordinal);
        string markdown = MarkdownReport.Render(document);
        Assert.Contains("\n12 rounds (minimum 5), stopped: decided\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  - Deciding figure: penalty of 8 bytes apart over 128, per round = 1.20; 95% interval 1.15 to 1.25; claim: above 1.10; 12 rounds used.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("its schema is hwlab.results/2 ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Extreme_thresholds_and_intervals_draw_only_finite_short_coordinates()
    {
        Verdict huge = DecidedDocuments.Above(VerdictOutcome.Inconclusive, -1e308, 1.7e308, 1e308) with { Threshold = double.MaxValue };
        Verdict tiny = DecidedDocuments.Above(VerdictOutcome.Confirmed, 2e-320, 3e-320, 2.5e-320) with { Threshold = 1e-320 };
        Verdict point = DecidedDocuments.Above(VerdictOutcome.Confirmed, 5, 5, 5) with { Threshold = 5 };
        Verdict endless = DecidedDocuments.Grouped(s_fast with { CiLower = double.NegativeInfinity }, s_slow with { Figure = double.NaN });
        string html = HtmlReport.Render(DecidedDocuments.With(huge, tiny, point, endless));

        XElement[] svgs = [.. IntervalSvgs(html)];
        Assert.Equal(4, svgs.Length);
        Assert.Equal(["0.98"], Bars(svgs[3]).Select(b => b.Attribute("data-low")!.Value));
        Assert.All(svgs.SelectMany(SvgText.Coordinates), c => Assert.True(c.Length <= 10 && double.IsFinite(double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)), c));
        ExtremeValueReportTests.AssertNoGarbage(html);
    }

    private static IEnumerable<XElement> IntervalSvgs(string html) => IntervalSvg().Matches(html).Select(m => SvgText.Parse(m.Value));

    private static IEnumerable<XElement> Bars(XElement svg) => SvgText.All(svg, "rect").Where(r => (string?)r.Attribute("class") == "interval-bar");

    private static double LineX(XElement svg, string cls)
    {
        XElement line = SvgText.All(svg, "line").Single(l => (string?)l.Attribute("class") == cls);
        Assert.Equal(SvgText.Number(line, "x1"), SvgText.Number(line, "x2"));
        return SvgText.Number(line, "x1");
    }

    [GeneratedRegex("<svg[^>]*class=\"interval\"[\\s\\S]*?</svg>")]
    private static partial Regex IntervalSvg();

    [GeneratedRegex("<span class=\"verdict (?<class>[a-z-]+)\"><span class=\"mark\" aria-hidden=\"true\">(?<mark>[^<]*)</span>(?<word>[a-z ]+)</span>")]
    private static partial Regex MarkedBadge();
}
