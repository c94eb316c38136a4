using HwLab.Lab.Experiments;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Experiments;

public sealed class PointFiguresTests
{
    [Fact]
    public void A_ratio_is_the_medians_quotient()
    {
        Statistics a = SampleDocuments.Point("managed", 10, 12, 14).Stats;
        Statistics b = SampleDocuments.Point("native", 4, 6, 8).Stats;
        Assert.Equal(2, PointFigures.Ratio(a, b));
        Assert.Equal("2.00x", PointFigures.Times(2));
    }

    [Fact]
    public void A_ratio_against_zero_is_not_defined_never_infinite()
    {
        // results.json may hold NaN for "not defined" in derived figures, but never an infinity.
        Statistics a = SampleDocuments.Point("managed", 10, 12, 14).Stats;
        Statistics zero = SampleDocuments.Point("native", 0, 0, 0).Stats;
        Assert.True(double.IsNaN(PointFigures.Ratio(a, zero)));
        Assert.Equal("n/a (against 0)", PointFigures.Times(PointFigures.Ratio(a, zero)));
    }
}
