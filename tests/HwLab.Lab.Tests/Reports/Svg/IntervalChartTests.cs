using System.Xml.Linq;
using HwLab.Lab.Reports.Svg;

namespace HwLab.Lab.Tests.Reports.Svg;

/// <summary>The decision picture on its own: one scale holds threshold, band and intervals with room either side, and nothing lands on the plot's edge.</summary>
public sealed class IntervalChartTests
{
    [Theory]
    [InlineData(1.10, 1.15, 1.25)] // interval above the threshold
    [InlineData(1.10, 0.90, 1.00)] // below it
    [InlineData(1.10, 1.00, 1.20)] // straddling it
    [InlineData(1000.0, 1e6, 2e6)] // far apart
    [InlineData(5.0, 5.0, 5.0)]    // one value, exact arithmetic
    public void Threshold_and_interval_lie_inside_the_plot_with_room_either_side(double threshold, double low, double high)
    {
        XElement root = SvgText.Parse(new IntervalChart("test", "above", threshold, null)
            .Add("all rounds", (low + high) / 2, low, high, "confirmed", "#009E73", "no interval")
            .Render());

        XElement bar = SvgText.All(root, "rect").Single(r => (string?)r.Attribute("class") == "interval-bar");
        XElement line = SvgText.All(root, "line").Single(l => (string?)l.Attribute("class") == "threshold");
        double left = SvgText.Number(bar, "x");
        double right = left + SvgText.Number(bar, "width");
        double x = SvgText.Number(line, "x1");
        Assert.True(left <= right);
        Assert.All(new[] { left, right, x }, px => Assert.InRange(px, IntervalChart.PlotLeft + 1, IntervalChart.PlotRight - 1));
        Assert.Equal(low < threshold, left < x);
        Assert.Equal(high > threshold, right > x);
    }

    [Fact]
    public void The_band_is_in_the_scale_even_when_the_interval_lies_inside_it()
    {
        XElement root = SvgText.Parse(new IntervalChart("test", "within 0.5 to 1.5", 1, (0.5, 1.5))
            .Add("all rounds", 1, 0.99, 1.01, "confirmed", "#009E73", "no interval")
            .Render());

        XElement band = SvgText.All(root, "rect").Single(r => (string?)r.Attribute("class") == "band");
        double left = SvgText.Number(band, "x");
        Assert.InRange(left, IntervalChart.PlotLeft + 1, IntervalChart.PlotRight);
        Assert.InRange(left + SvgText.Number(band, "width"), left, IntervalChart.PlotRight - 1);
    }

    [Fact]
    public void A_row_without_both_ends_gets_its_reason_and_no_bar()
    {
        XElement root = SvgText.Parse(new IntervalChart("test", "above 1.10", 1.1, null)
            .Add("placement ~80 ns", 1.2, 1.0, null, "inconclusive", "#E69F00", "too few rounds")
            .Add("placement ~25 ns", 1.2, double.NegativeInfinity, 1.3, "inconclusive", "#E69F00", "no finite end")
            .Render());

        Assert.Empty(SvgText.All(root, "rect"));
        Assert.DoesNotContain(SvgText.All(root, "line"), l => (string?)l.Attribute("class") == "figure");
        Assert.Contains("too few rounds", SvgText.Texts(root));
        Assert.Contains("no finite end", SvgText.Texts(root));
        Assert.Equal("test", root.Attribute("aria-label")!.Value);
        Assert.Equal("test", SvgText.All(root, "title").First().Value);
    }
}
