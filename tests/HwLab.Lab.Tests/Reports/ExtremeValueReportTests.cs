using System.Text.RegularExpressions;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Html;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Reports.Svg;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Reports;

/// <summary>
/// A valid document may hold figures far from ordinary ones (1e308, 1e-320) and derived figures
/// that are not defined (NaN): the reports print the first in powers of ten and the second as "-",
/// and never print NaN, Infinity or a number hundreds of digits long.
/// </summary>
public sealed partial class ExtremeValueReportTests
{
    [Fact]
    public void Markdown_prints_extreme_figures_in_powers_of_ten_and_undefined_ones_as_a_dash()
    {
        string report = MarkdownReport.Render(Extreme());

        Assert.Contains("| distance=8 impl=managed | 1.00e308 ns | 1.00e308 | 1.00e308 |", report, StringComparison.Ordinal);
        Assert.Contains("| distance=8 impl=native | 1.00e-320 ns |", report, StringComparison.Ordinal);
        Assert.Contains("penalty -", report, StringComparison.Ordinal);
        Assert.Contains("Completed in 1.00e308 s.", report, StringComparison.Ordinal);
        AssertNoGarbage(report);
    }

    [Fact]
    public void Html_draws_only_finite_short_coordinates()
    {
        string html = HtmlReport.Render(Extreme());

        string[] charts = [.. SvgElement().Matches(html).Select(m => m.Value)];
        Assert.Equal(3, charts.Length);
        Assert.All(charts.SelectMany(c => SvgText.Coordinates(SvgText.Parse(c))), c => Assert.True(c.Length <= 10 && double.IsFinite(double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)), c));
        AssertNoGarbage(html);
    }

    [Theory]
    [InlineData(999_999_999_999.0, "999,999,999,999")]
    [InlineData(1e12, "1.00e12")]
    [InlineData(1e308, "1.00e308")]
    [InlineData(-1.5e308, "-1.50e308")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0004, "4.00e-4")]
    [InlineData(5e-324, "4.94e-324")]
    [InlineData(double.PositiveInfinity, "-")]
    public void Numbers_far_from_ordinary_magnitudes_use_powers_of_ten(double value, string expected)
    {
        Assert.Equal(expected, Numbers.Format(value));
    }

    [Theory]
    [InlineData(0.123, "12.3%")]
    [InlineData(-0.04, "-4.0%")]
    [InlineData(1e10, "1.00e12%")]
    [InlineData(1e307, "1.00e309%")]
    [InlineData(double.NaN, "-")]
    public void Percentages_stay_short_and_finite(double fraction, string expected)
    {
        Assert.Equal(expected, Numbers.Percent(fraction));
    }

    /// <summary>No NaN, no infinity in any spelling, no number twenty digits long.</summary>
    internal static void AssertNoGarbage(string text)
    {
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u221e", text, StringComparison.Ordinal);
        Assert.Empty(LongNumber().Matches(text));
    }

    // falseshare: one point at 1e308 with a penalty that is not defined, one at 1e-320; reserve: a timeline reaching 1e308.
    private static ResultsDocument Extreme()
    {
        ExperimentResult sample = SampleDocuments.Experiment();
        PointResult huge = sample.Points[0] with
        {
            Stats = new Statistics(5, 5, Statistics.CleanBasis, 1e308, 1e308, 1e308, 1e308, 0, 0, 1e308, 1e308),
            Derived = new Dictionary<string, double> { ["penalty"] = double.NaN },
        };
        PointResult tiny = sample.Points[1] with
        {
            Stats = new Statistics(5, 5, Statistics.CleanBasis, 1e-320, 0, 1e-320, 1e-320, 0, 0, 0, 1e-320),
            Derived = new Dictionary<string, double> { ["penalty"] = 1e-320 },
        };
        Timeline timeline = sample.Timelines[0] with
        {
            Points = [new TimelinePoint(0, 1e308), new TimelinePoint(1e308, -1e308), new TimelinePoint(1.7e308, 0)],
            Levels = new Dictionary<string, double> { ["min"] = 1e308, ["low"] = -1e308, ["high"] = double.MaxValue },
            Markers = [new TimelineMarker(1e308, "oom-kill", "late")],
        };
        return SampleDocuments.Document(
            sample with { DurationSeconds = 1e308, Points = [huge, tiny], Timelines = [] },
            SampleDocuments.Experiment("reserve") with { Timelines = [timeline] });
    }

    [GeneratedRegex(@"\d[\d,]{20,}")]
    private static partial Regex LongNumber();

    // The experiments' charts only: a verdict's decision picture is an svg of class "interval".
    [GeneratedRegex("<svg[^>]*class=\"chart\"[\\s\\S]*?</svg>")]
    private static partial Regex SvgElement();
}
