using System.Globalization;
using System.Xml.Linq;
using HwLab.Lab.Reports.Svg;

namespace HwLab.Lab.Tests.Reports.Svg;

/// <summary>Charts of known data: every point lands where the scales say, and every chart carries axis titles and a legend.</summary>
public sealed class ChartTests
{
    // The plot area every chart shares: x from Left to Width - Right, y from Height - Bottom up to Top.
    private const double X0 = ChartStyle.Left;
    private const double X1 = ChartStyle.Width - ChartStyle.Right;
    private const double Y0 = ChartStyle.Height - ChartStyle.Bottom;
    private const double Y1 = ChartStyle.Top;

    [Fact]
    public void Line_chart_points_land_where_they_belong()
    {
        string svg = new LineChart("t", "test chart", "workers", "throughput (ops/s)")
            .Add("bitlock", [(0, 0), (5, 50), (10, 100)])
            .Render();

        XElement root = SvgText.Parse(svg);
        (double X, double Y)[] circles = [.. SvgText.All(root, "circle").Select(c => (SvgText.Number(c, "cx"), SvgText.Number(c, "cy")))];
        Assert.Equal(3, circles.Length);
        AssertNear((X0, Y0), circles[0]);
        AssertNear(((X0 + X1) / 2, (Y0 + Y1) / 2), circles[1]);
        AssertNear((X1, Y1), circles[2]);
        Assert.Equal("bitlock", SvgText.All(root, "polyline").Single().Attribute("data-series")!.Value);
    }

    [Fact]
    public void Line_chart_has_axis_titles_with_units_a_legend_levels_and_markers()
    {
        string svg = new LineChart("t", "timeline", "time (ticks)", "free pages")
            .Add("free", [(0, 400), (100, 200)])
            .Level("min", 256)
            .Marker(50, "oom-kill", "Out of memory: Kill process 3 <sim>")
            .Render();

        XElement root = SvgText.Parse(svg);
        string[] texts = [.. SvgText.Texts(root)];
        Assert.Contains("time (ticks)", texts);
        Assert.Contains("free pages", texts);
        Assert.Contains("free", texts);
        Assert.Contains("min", texts);
        Assert.Contains("oom-kill", texts);
        Assert.Contains(SvgText.All(root, "title"), t => t.Value == "Out of memory: Kill process 3 <sim>");
        XElement level = SvgText.All(root, "line").Single(l => (string?)l.Attribute("class") == "level");
        Assert.Equal(SvgText.Number(level, "y1"), SvgText.Number(level, "y2"));
        Assert.Equal("chart", root.Attribute("class")!.Value);
    }

    [Fact]
    public void A_clipped_line_chart_leaves_out_dots_above_the_clip()
    {
        string svg = new LineChart("t", "clip", "x", "y") { YMax = 100 }
            .Add("s", [(0, 10), (1, 1000)])
            .Render();
        Assert.Single(SvgText.All(SvgText.Parse(svg), "circle"));
    }

    [Fact]
    public void Worker_counts_get_every_whole_tick_and_no_fractions()
    {
        string svg = new LineChart("t", "scaling", "workers", "throughput (ops/s)") { IntegerX = true }
            .Add("s", [(1, 10), (2, 20)])
            .Render();
        string[] ticks = [.. SvgText.All(SvgText.Parse(svg), "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value)];
        Assert.Contains("1", ticks);
        Assert.Contains("2", ticks);
        Assert.DoesNotContain("1.5", ticks);
    }

    [Fact]
    public void A_fitted_series_draws_its_dots_and_curve_in_one_colour_and_an_unfitted_one_dashed()
    {
        string svg = new LineChart("t", "scaling", "workers", "throughput (ops/s)") { IntegerX = true }
            .AddFitted("fitted", [(1, 10), (2, 19), (4, 34)], [(1, 10), (2.5, 25), (4, 34)])
            .AddFitted("alone", [(1, 5), (2, 8)], null)
            .Render();

        XElement root = SvgText.Parse(svg);
        XElement fit = SvgText.All(root, "polyline").Single(p => (string?)p.Attribute("class") == "fit");
        XElement joined = SvgText.All(root, "polyline").Single(p => (string?)p.Attribute("class") == "measured-line");
        Assert.Equal("fitted", fit.Attribute("data-series")!.Value);
        Assert.Equal(3, fit.Attribute("points")!.Value.Split(' ').Length);
        Assert.Equal("alone", joined.Attribute("data-series")!.Value);
        Assert.Equal("4 3", joined.Attribute("stroke-dasharray")!.Value);
        XElement[] dots = [.. SvgText.All(root, "circle").Where(c => (string?)c.Attribute("data-series") == "fitted")];
        Assert.Equal(3, dots.Length);
        Assert.All(dots, d => Assert.Equal(fit.Attribute("stroke")!.Value, d.Attribute("fill")!.Value));
        Assert.NotEqual(fit.Attribute("stroke")!.Value, joined.Attribute("stroke")!.Value);
        // Dots and curve share the scales: the last dot, at the most workers, sits on the curve's last vertex at the right edge.
        string[] last = fit.Attribute("points")!.Value.Split(' ')[^1].Split(',');
        AssertNear((double.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture)), (SvgText.Number(dots[2], "cx"), SvgText.Number(dots[2], "cy")));
        Assert.Equal(X1, SvgText.Number(dots[2], "cx"), 6);
        Assert.Equal(["fitted", "alone"], SvgText.All(root, "text").Where(t => (string?)t.Attribute("class") == "legend-text").Select(t => t.Value));
    }

    [Fact]
    public void A_long_legend_wraps_into_rows_inside_the_chart_and_the_chart_grows_to_fit()
    {
        var chart = new LineChart("t", "many", "workers", "throughput (ops/s)");
        for (int i = 0; i < 12; i++)
        {
            chart.Add($"spinlock, columns, {i * 8} B", [(1, i), (2, i + 1)]);
        }
        XElement root = SvgText.Parse(chart.Render());

        XElement[] entries = [.. SvgText.All(root, "text").Where(t => (string?)t.Attribute("class") == "legend-text")];
        Assert.Equal(12, entries.Length);
        Assert.True(entries.Select(e => SvgText.Number(e, "y")).Distinct().Count() > 1, "the legend did not wrap");
        Assert.All(entries, e => Assert.True(SvgText.Number(e, "x") + (e.Value.Length * 7.2) <= ChartStyle.Width, $"{e.Value} runs off the chart"));
        double height = SvgText.Number(root, "height");
        Assert.True(height > ChartStyle.Height);
        Assert.EndsWith($" {SvgWriter.Number(height)}", root.Attribute("viewBox")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_rise_from_zero_in_proportion_to_their_values()
    {
        string svg = new BarChart("b", "bars", "distance (bytes)", "penalty (x)", ["8", "64"])
            .Add("managed", [100, 50])
            .Add("native", [null, 25])
            .Level("no penalty", 1)
            .Render();

        XElement[] bars = [.. SvgText.All(SvgText.Parse(svg), "rect").Where(r => r.Attribute("data-series") is not null)];
        Assert.Equal(3, bars.Length);
        double full = Y0 - Y1;
        Assert.Equal(full, SvgText.Number(bars[0], "height"), 1);
        Assert.Equal(full / 2, SvgText.Number(bars[1], "height"), 1);
        Assert.Equal(full / 4, SvgText.Number(bars[2], "height"), 1);
        foreach (XElement bar in bars)
        {
            Assert.Equal(Y0, SvgText.Number(bar, "y") + SvgText.Number(bar, "height"), 1);
        }
        Assert.Equal("64", bars[2].Attribute("data-category")!.Value);
        Assert.Contains("no penalty", SvgText.Texts(SvgText.Parse(svg)));
    }

    [Fact]
    public void A_bar_series_must_have_a_value_per_category()
    {
        var chart = new BarChart("b", "bars", "x", "y", ["a", "b"]);
        Assert.Throws<ArgumentException>(() => chart.Add("s", [1]));
    }

    [Fact]
    public void Heat_map_shades_low_light_and_high_dark_and_names_every_measured_cell()
    {
        double?[,] values = { { null, 10 }, { 20, null } };
        string svg = new HeatMap("h", "c2c", "CPU", "one-way latency (ns)", ["0", "1"], values).Render();

        XElement root = SvgText.Parse(svg);
        XElement[] cells = [.. SvgText.All(root, "rect").Where(r => r.Element(SvgText.Ns + "title") is not null)];
        Assert.Equal(2, cells.Length);
        Assert.Equal("#deebf7", cells[0].Attribute("fill")!.Value);
        Assert.Equal("#08306b", cells[1].Attribute("fill")!.Value);
        Assert.Equal("CPU 0 to CPU 1: 10.0", cells[0].Element(SvgText.Ns + "title")!.Value);
        Assert.Equal("CPU 1 to CPU 0: 20.0", cells[1].Element(SvgText.Ns + "title")!.Value);
        Assert.Equal("#f2f2f2", SvgText.All(root, "rect").Single(r => (string?)r.Attribute("class") == "unmeasured").Attribute("fill")!.Value);
        Assert.Contains("one-way latency (ns)", SvgText.Texts(root));
    }

    [Fact]
    public void A_large_sampled_matrix_draws_only_its_measured_pairs()
    {
        const int Cpus = 256;
        var values = new double?[Cpus, Cpus];
        for (int i = 0; i + 1 < Cpus; i += 2)
        {
            values[i, i + 1] = values[i + 1, i] = 40 + i;
        }
        string svg = new HeatMap("h", "c2c", "CPU", "one-way latency (ns)", [.. Enumerable.Range(0, Cpus).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))], values).Render();

        Assert.Equal(Cpus, SvgText.All(SvgText.Parse(svg), "rect").Count(r => r.Element(SvgText.Ns + "title") is not null));
        Assert.True(svg.Length < 200_000, $"{svg.Length} characters for {Cpus} measured cells");
    }

    private static void AssertNear((double X, double Y) expected, (double X, double Y) actual)
    {
        Assert.Equal(expected.X, actual.X, 1);
        Assert.Equal(expected.Y, actual.Y, 1);
    }
}
