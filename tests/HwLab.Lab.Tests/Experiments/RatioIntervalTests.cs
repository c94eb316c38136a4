using HwLab.Lab.Experiments;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>A verdict follows where the interval of its figure lies against the threshold, never the ratio of medians alone.</summary>
public sealed class RatioIntervalTests
{
    private static Statistics Stats(params double[] values) => SampleDocuments.Point("managed", values).Stats;

    [Fact]
    public void A_clear_effect_is_confirmed()
    {
        // Penalty about 5x with tight samples on both sides.
        RatioInterval interval = RatioInterval.Of(Stats(50, 51, 49, 50, 52, 50, 51), Stats(10, 10.2, 9.9, 10, 10.1, 10, 9.8));
        Assert.True(interval.Low > 4 && interval.High < 6, interval.ToString());
        Assert.Equal(Verdict.Confirmed, interval.DecideAbove(1.1));
    }

    [Fact]
    public void A_clear_absence_of_effect_is_refuted()
    {
        RatioInterval interval = RatioInterval.Of(Stats(10, 10.1, 9.9, 10, 10.05, 9.95, 10), Stats(10, 10.1, 9.9, 10, 10.05, 9.95, 10));
        Assert.Equal(Verdict.Refuted, interval.DecideAbove(1.1));
        Assert.Equal(Verdict.Confirmed, interval.DecideAtMost(1.05));
    }

    [Fact]
    public void A_wide_spread_around_the_threshold_is_inconclusive_not_refuted()
    {
        // The shape of the noisy quick run: samples from two machine states, 7 to 74 ns against about 8.
        RatioInterval interval = RatioInterval.Of(Stats(7.4, 74, 8, 60, 39, 12, 70), Stats(7.8, 8, 7.7, 8.1, 7.9, 8, 7.8));
        Assert.Equal(Verdict.Inconclusive, interval.DecideAbove(1.1));
        Assert.Equal(Verdict.Inconclusive, interval.DecideAtMost(1.1));
        Assert.Contains("does not decide it", interval.Explain(Verdict.Inconclusive, "1.10x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.95, 1.05, 0.85, 1.15, Verdict.Confirmed)]
    [InlineData(1.20, 1.40, 0.85, 1.15, Verdict.Refuted)]
    [InlineData(0.50, 0.80, 0.85, 1.15, Verdict.Refuted)]
    [InlineData(1.00, 1.30, 0.85, 1.15, Verdict.Inconclusive)]
    public void Within_a_band_needs_the_whole_interval_inside_and_refutes_only_wholly_outside(double low, double high, double bandLow, double bandHigh, string expected)
    {
        Assert.Equal(expected, new RatioInterval(low, high).DecideWithin(bandLow, bandHigh));
    }

    [Fact]
    public void A_ratio_of_ratios_divides_end_against_end()
    {
        RatioInterval agreement = new RatioInterval(4, 6).Over(new RatioInterval(2, 3));
        Assert.Equal(new RatioInterval(4.0 / 3, 3), agreement);
    }

    [Fact]
    public void The_median_of_intervals_lies_between_the_medians_of_their_ends()
    {
        RatioInterval median = RatioInterval.MedianOf([new RatioInterval(0.9, 1.0), new RatioInterval(1.0, 1.2), new RatioInterval(0.5, 3.0)]);
        Assert.Equal(new RatioInterval(0.9, 1.2), median);
    }

    [Fact]
    public void A_baseline_whose_interval_reaches_zero_leaves_the_ratio_unbounded()
    {
        RatioInterval interval = RatioInterval.Of(Stats(5, 5, 5), Stats(0, 0, 0));
        Assert.True(double.IsPositiveInfinity(interval.High));
        Assert.Equal(Verdict.Inconclusive, interval.DecideAtMost(1.1));
    }
}
