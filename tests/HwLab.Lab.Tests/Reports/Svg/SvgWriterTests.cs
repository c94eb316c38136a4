using HwLab.Lab.Reports.Svg;

namespace HwLab.Lab.Tests.Reports.Svg;

public sealed class SvgWriterTests
{
    [Fact]
    public void Text_and_attributes_are_escaped_and_read_back_unchanged()
    {
        // Characters beyond ASCII come out as character references, which XML reads as HTML does.
        const string nasty = "<script>alert('x') & \"y\" \u00d7 \u00b5s \u2265 1</script>";
        string svg = new SvgWriter()
            .Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("aria-label", nasty))
            .Element("text", nasty, ("x", 1.0))
            .Close("svg")
            .ToString();

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        var root = SvgText.Parse(svg);
        Assert.Equal(nasty, root.Attribute("aria-label")!.Value);
        Assert.Equal(nasty, Assert.Single(SvgText.Texts(root)));
    }

    [Fact]
    public void Numbers_are_rounded_to_two_decimals_with_a_point()
    {
        Assert.Equal("1234.57", SvgWriter.Number(1234.5678));
        Assert.Equal("3", SvgWriter.Number(3.0));
        Assert.Equal("-0.5", SvgWriter.Number(-0.5));
    }

    [Theory]
    [InlineData(2_500_000, 4_000_000, "2.5M")]
    [InlineData(25_000, 50_000, "25k")]
    [InlineData(8_000, 10_000, "8k")]
    [InlineData(1_500, 2_000, "1,500")]
    [InlineData(0.5, 1, "0.5")]
    [InlineData(0, 4_000_000, "0")]
    public void Tick_labels_are_short_and_one_axis_uses_one_form(double value, double largestTick, string expected)
    {
        Assert.Equal(expected, Axes.TickText(value, [0, largestTick]));
    }

    [Fact]
    public void Ticks_land_on_exact_values_even_with_fractional_steps()
    {
        var scale = new LinearScale(1, 2, 0, 100);
        IReadOnlyList<double> ticks = scale.Ticks(6);
        Assert.Equal(1, ticks[0]);
        Assert.Equal(2, ticks[^1]);
        Assert.Equal([1, 1.2, 1.4, 1.6, 1.8, 2], ticks);
    }

    [Fact]
    public void A_nice_scale_widens_to_round_ticks_and_maps_its_ends()
    {
        LinearScale scale = LinearScale.Nice(0, 97, 300, 0);
        Assert.Equal([0, 20, 40, 60, 80, 100], scale.Ticks());
        Assert.Equal(300, scale.Map(0), 9);
        Assert.Equal(0, scale.Map(100), 9);
        Assert.Equal(150, scale.Map(50), 9);
    }

    [Fact]
    public void A_scale_of_one_value_still_has_width()
    {
        var scale = new LinearScale(5, 5, 0, 100);
        Assert.True(scale.DomainMax > scale.DomainMin);
        Assert.Equal(50, scale.Map(5), 9);
    }
}
