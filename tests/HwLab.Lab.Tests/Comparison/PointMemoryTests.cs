using HwLab.Lab.Comparison;

namespace HwLab.Lab.Tests.Comparison;

public sealed class PointMemoryTests
{
    private static readonly NoChangeBand s_band = NoChangeBand.FromPercent(5);
    private static readonly double[] s_fast = [300, 310, 290, 305, 295, 300];

    [Fact]
    public void Slower_or_faster_memory_beyond_the_band_differs()
    {
        PointMemory slower = PointMemory.Of(s_fast, [620, 640, 610, 630, 620, 615], s_band);
        PointMemory faster = PointMemory.Of(s_fast, [150, 155, 145, 150, 152, 148], s_band);

        Assert.Equal(new PointMemory(300, 620, true), slower);
        Assert.Equal(new PointMemory(300, 150, true), faster);
        Assert.Equal("memory copy 300 ns per page on A, 620 on B", slower.ToString());
    }

    [Theory]
    [InlineData(new double[] { 300, 330, 290, 305, 295, 300 })] // B's high end past the band, its low end inside
    [InlineData(new double[] { 280, 310, 270, 305, 295, 300 })] // B's low end past the band, its high end inside
    [InlineData(new double[] { 301, 302, 303, 304, 305, 306 })]
    public void Intervals_that_reach_into_the_band_do_not_differ(double[] probesB)
    {
        Assert.False(PointMemory.Of(s_fast, probesB, s_band).Differs);
    }

    [Fact]
    public void Too_few_probes_for_an_interval_or_an_interval_reaching_zero_decide_nothing()
    {
        PointMemory fewB = PointMemory.Of(s_fast, [620, 640, 610, 630, 620], s_band);
        PointMemory fewA = PointMemory.Of([300, 310, 290, 305, 295], [620, 640, 610, 630, 620, 615], s_band);
        PointMemory zeroA = PointMemory.Of([0, 310, 290, 305, 295, 300], [620, 640, 610, 630, 620, 615], s_band);

        Assert.Equal(new PointMemory(300, 620, false), fewB);
        Assert.Equal(new PointMemory(300, 620, false), fewA);
        Assert.False(zeroA.Differs);
    }

    [Fact]
    public void A_side_without_probes_says_nothing_about_memory()
    {
        Assert.Same(PointMemory.None, PointMemory.Of([], s_fast, s_band));
        Assert.Same(PointMemory.None, PointMemory.Of(s_fast, [], s_band));
        Assert.Equal(new PointMemory(null, null, false), PointMemory.None);
    }

    [Fact]
    public void Memory_exactly_at_the_bands_edge_does_not_differ()
    {
        NoChangeBand quarter = NoChangeBand.FromPercent(25);
        double[] hundred = [100, 100, 100, 100, 100, 100];

        Assert.Equal(1.25, quarter.High);
        Assert.False(PointMemory.Of(hundred, [125, 125, 125, 125, 125, 125], quarter).Differs);
        Assert.True(PointMemory.Of(hundred, [126, 126, 126, 126, 126, 126], quarter).Differs);
        Assert.False(PointMemory.Of(hundred, [80, 80, 80, 80, 80, 80], quarter).Differs);
        Assert.True(PointMemory.Of(hundred, [79, 79, 79, 79, 79, 79], quarter).Differs);
    }

    [Fact]
    public void None_says_nothing_and_sees_no_difference()
        => Assert.Equal(new PointMemory(null, null, false), PointMemory.None);
}
