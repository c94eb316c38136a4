using System.Globalization;
using System.Xml.Linq;
using HwLab.Lab.Reports.Svg;

namespace HwLab.Lab.Tests.Reports.Svg;

/// <summary>
/// Charts of figures at the edges of what a valid document may hold (1e308, subnormals, values
/// too close to tell apart) and of figures that are not defined: every coordinate drawn is a
/// short finite number, and a figure that is not finite is left out rather than drawn.
/// </summary>
public sealed class ExtremeValueChartTests
{
    [Theory]
    [InlineData(1e308, -1e308)]
    [InlineData(double.MaxValue, double.MaxValue)]
    [InlineData(double.MaxValue, -double.MaxValue)]
    [InlineData(1e-320, 0)]
    [InlineData(5e-324, 1e-323)]
    [InlineData(1e20, 1e20 + 16384)]
    [InlineData(-1e300, -1e300)]
    public void Extreme_figures_draw_finite_short_coordinates(double first, double second)
    {
        string bars = new BarChart("b", "bars", "kind", "time (ns)", ["a", "b"]).Add("s", [first, second]).Render();
        string lines = new LineChart("l", "lines", "x (ticks)", "y (pages)")
            .Add("s", [(first, second), (second, first), (0, first)])
            .Level("level", second)
            .Marker(first, "warning", "a warning")
            .Render();

        foreach (string svg in new[] { bars, lines })
        {
            XElement root = SvgText.Parse(svg);
            Assert.All(SvgText.Coordinates(root), AssertShortFinite);
            Assert.InRange(SvgText.All(root, "text").Count(), 1, 150);
        }
        Assert.Equal(2, SvgText.All(SvgText.Parse(bars), "rect").Count(r => r.Attribute("data-series") is not null));
    }

    [Fact]
    public void A_bar_whose_figure_is_not_defined_is_left_out()
    {
        string svg = new BarChart("b", "bars", "distance (bytes)", "penalty (x)", ["8", "16", "32", "64"]).Add("managed", [2.5, double.NaN, double.PositiveInfinity, 1]).Render();

        XElement root = SvgText.Parse(svg);
        Assert.Equal(["8", "64"], SvgText.All(root, "rect").Select(r => (string?)r.Attribute("data-category")).Where(c => c is not null));
        Assert.All(SvgText.Coordinates(root), AssertShortFinite);
    }

    [Fact]
    public void A_line_point_level_or_marker_that_is_not_finite_is_left_out()
    {
        string svg = new LineChart("l", "lines", "workers", "throughput (ops/s)")
            .Add("s", [(1, 10), (2, double.NaN), (double.NegativeInfinity, 5), (3, 30)])
            .Level("undefined", double.NaN)
            .Marker(double.PositiveInfinity, "oom-kill", "never")
            .Render();

        XElement root = SvgText.Parse(svg);
        Assert.Equal(2, SvgText.All(root, "circle").Count());
        Assert.Equal(2, SvgText.All(root, "polyline").Single().Attribute("points")!.Value.Split(' ').Length);
        Assert.DoesNotContain(SvgText.All(root, "line"), l => (string?)l.Attribute("class") == "level");
        Assert.DoesNotContain("undefined", SvgText.Texts(root));
        Assert.DoesNotContain(SvgText.All(root, "g"), g => ((string?)g.Attribute("class"))?.StartsWith("marker", StringComparison.Ordinal) == true);
        Assert.All(SvgText.Coordinates(root), AssertShortFinite);
    }

    [Fact]
    public void A_heat_map_cell_that_is_not_finite_shows_the_ground()
    {
        double?[,] values = { { null, 1e308 }, { double.NaN, -1e308 } };
        string svg = new HeatMap("h", "heat", "CPU", "latency (ns)", ["0", "1"], values).Render();

        XElement root = SvgText.Parse(svg);
        Assert.Equal(2, SvgText.All(root, "rect").Count(r => r.Element(SvgText.Ns + "title") is not null));
        Assert.All(SvgText.All(root, "rect").Select(r => (string?)r.Attribute("fill")).Where(f => f?.StartsWith('#') == true), f => Assert.Matches("^#[0-9a-f]{6}$", f));
        Assert.All(SvgText.Coordinates(root), AssertShortFinite);
    }

    [Fact]
    public void A_coordinate_that_is_not_finite_is_refused_not_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgWriter.Number(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgWriter.Number(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(1e308, 1e308, "1.00e308")]
    [InlineData(5e13, 1e14, "5.00e13")]
    [InlineData(0.0002, 0.0005, "2.00e-4")]
    public void Tick_labels_far_from_ordinary_magnitudes_use_powers_of_ten(double value, double largestTick, string expected)
    {
        Assert.Equal(expected, Axes.TickText(value, [0, largestTick]));
    }

    [Fact]
    public void A_scale_across_the_whole_double_range_maps_both_ends_inside_the_plot()
    {
        LinearScale scale = LinearScale.Nice(-double.MaxValue, double.MaxValue, 300, 0);
        Assert.Equal(300, scale.Map(-double.MaxValue), 6);
        Assert.Equal(0, scale.Map(double.MaxValue), 6);
        Assert.Equal(150, scale.Map(0), 6);
        Assert.InRange(scale.Ticks().Count, 2, 12);
    }

    private static void AssertShortFinite(string number)
    {
        double value = double.Parse(number, CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(value), $"{number} is not finite");
        Assert.True(number.Length <= 10, $"{number} is not a short coordinate");
    }
}
