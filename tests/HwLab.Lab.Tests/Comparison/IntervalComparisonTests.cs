using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;
using static HwLab.Lab.Tests.Comparison.ComparisonDocuments;

namespace HwLab.Lab.Tests.Comparison;

/// <summary>A point is decided by where the 95% interval of B/A lies against the no-change band, never by the ratio of medians alone.</summary>
public sealed class IntervalComparisonTests
{
    [Fact]
    public void A_clear_change_is_flagged_with_its_interval()
    {
        ResultsDocument a = Document(Point("p", 10, 10.2, 9.9, 10.1, 10, 9.8, 10.1));
        ResultsDocument b = Document(Point("p", 13, 13.1, 12.9, 13.2, 13, 12.8, 13.1));

        PointComparison point = Only(ResultsComparer.Compare(a, "a", b, "b"));

        Assert.Equal(PointComparison.Changed, point.State);
        // End against end: B's low over A's high, B's high over A's low.
        Assert.Equal(point.B.CiLower!.Value / point.A.CiUpper!.Value, point.CiLower!.Value, 12);
        Assert.Equal(point.B.CiUpper!.Value / point.A.CiLower!.Value, point.CiUpper!.Value, 12);
        Assert.True(point.CiLower > 1.05 && point.CiLower < point.Ratio && point.Ratio < point.CiUpper, point.Why);
        Assert.Equal(1.3, point.Ratio!.Value, 2);
        Assert.Contains($"B/A {RatioText.Interval(point.CiLower.Value, point.CiUpper.Value)}, wholly above the no-change band 0.952 to 1.050", point.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 12, 15, 9, 13, 10, 14, 12.0 }, 12 / 11.0)]
    // The medians 20% apart, four times the threshold, and still the noise of seven samples a side.
    [InlineData(new[] { 12, 16.8, 9.6, 14.4, 10.8, 15.6, 13.2 }, 1.2)]
    public void A_noisy_overlap_is_not_flagged_whatever_the_ratio_of_medians(double[] valuesB, double ratio)
    {
        ResultsDocument a = Document(Point("p", 10, 14, 8, 12, 9, 13, 11));
        ResultsDocument b = Document(Point("p", valuesB));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        PointComparison point = Only(comparison);

        Assert.Equal(ratio, point.Ratio!.Value, 6);
        Assert.Equal(PointComparison.WithinNoise, point.State);
        Assert.False(point.Flagged);
        Assert.NotNull(point.A.CiLower);
        Assert.True(point.CiLower < 1.05 && point.CiUpper > 1.05, point.Why);
        Assert.Contains("straddles the no-change band 0.952 to 1.050", point.Why, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), (comparison.Compared, comparison.Changed, comparison.WithinNoise));
    }

    [Fact]
    public void The_band_is_symmetric_so_both_directions_flag_the_same_points()
    {
        NoChangeBand band = NoChangeBand.FromPercent(25);
        Assert.Equal((0.8, 1.25), (band.Low, band.High));

        // B/A exactly 0.8 is on the band's edge, neither way a change; A/B is then 1.25.
        ResultsDocument a = Document(Point("p", 10, 10, 10, 10, 10, 10));
        ResultsDocument b = Document(Point("p", 8, 8, 8, 8, 8, 8));
        Assert.Equal(PointComparison.Unchanged, Only(ResultsComparer.Compare(a, "a", b, "b", 25)).State);
        Assert.Equal(PointComparison.Unchanged, Only(ResultsComparer.Compare(b, "b", a, "a", 25)).State);
        Assert.Equal(PointComparison.Changed, Only(ResultsComparer.Compare(a, "a", b, "b", 24.9)).State);
        Assert.Equal(PointComparison.Changed, Only(ResultsComparer.Compare(b, "b", a, "a", 24.9)).State);
    }

    [Fact]
    public void A_zero_threshold_flags_any_interval_that_excludes_one()
    {
        ResultsDocument a = Document(Point("p", 10, 10.01, 9.99, 10, 10, 10));
        ResultsDocument b = Document(Point("p", 10.5, 10.51, 10.49, 10.5, 10.5, 10.5));

        Assert.Equal(PointComparison.Changed, Only(ResultsComparer.Compare(a, "a", b, "b", 0)).State);
        Assert.Equal(PointComparison.WithinNoise, Only(ResultsComparer.Compare(a, "a", a, "b", 0)).State);
    }

    [Fact]
    public void The_captured_version_1_run_compares_with_a_slowed_copy_but_its_five_sample_points_decide_nothing()
    {
        ResultsDocument run = CapturedResults.Load();
        Assert.Equal("hwlab.results/1", run.Schema);
        ResultsComparison comparison = ResultsComparer.Compare(run, "a", SlowedFirstLocksPoint(run), "b");

        // Five samples a point (one for reserve) is below the order-statistic interval's minimum:
        // the slowed point's ratio is there, but no interval, so nothing is flagged or compared.
        PointComparison[] points = [.. comparison.Experiments.SelectMany(e => e.Points)];
        Assert.Equal(run.Experiments.Sum(e => e.Points.Count), points.Length);
        PointComparison slowed = points.Single(p => p.Id == run.Experiment("locks")!.Points[0].Id);
        Assert.Equal(1.5, slowed.Ratio!.Value, 6);
        Assert.Equal(
            $"5 sample(s) on A and 5 on B: an interval needs at least {Decider.MinimumRounds} a side, so no difference is flagged",
            slowed.Why);
        Assert.All(points, p => Assert.Equal((PointComparison.NotDecided, null, null), (p.State, p.CiLower, p.CiUpper)));
        Assert.Equal((0, 0, 0, 0, 0), (comparison.Compared, comparison.Changed, comparison.MachineStateDiffered, comparison.WithinNoise, comparison.Unchanged));
        // Version-1 samples carry no placement probe: nothing is said about the machine's state.
        Assert.All(points, p => Assert.Equal((null, null), (p.A.Placement, p.B.Placement)));
    }

    [Fact]
    public void The_captured_version_1_figures_over_more_rounds_flag_a_slowed_point_without_any_placement_statement()
    {
        ResultsDocument run = RepeatedRounds.Of(CapturedResults.Load());
        PointResult first = run.Experiment("locks")!.Points[0];

        ResultsComparison comparison = ResultsComparer.Compare(run, "a", SlowedFirstLocksPoint(run), "b");

        PointComparison changed = Assert.Single(comparison.Experiments.SelectMany(e => e.Points), p => p.Flagged);
        Assert.Equal(first.Id, changed.Id);
        Assert.Equal(1.5, changed.Ratio!.Value, 6);
        Assert.True(changed.CiLower > 1.05, changed.Why);
        Assert.Equal((1, 0), (comparison.Changed, comparison.MachineStateDiffered));
        // Version-1 samples carry no placement probe: nothing is said about the machine's state.
        Assert.All(comparison.Experiments.SelectMany(e => e.Points), p => Assert.Equal((null, null), (p.A.Placement, p.B.Placement)));
        // The reserve points have one sample each (two here): not decided, not counted as compared.
        Assert.All(comparison.Experiments.Single(e => e.Name == "reserve").Points, p => Assert.Equal(PointComparison.NotDecided, p.State));
        Assert.Equal(comparison.Experiments.Sum(e => e.Points.Count) - 6, comparison.Compared);
    }

    // The run with every sample of its first locks point 1.5 times as high.
    private static ResultsDocument SlowedFirstLocksPoint(ResultsDocument run)
    {
        ExperimentResult locks = run.Experiment("locks")!;
        PointResult first = locks.Points[0];
        SampleRecord[] slowed = [.. first.Samples.Select(s => s with { Value = s.Value * 1.5 })];
        return run with
        {
            Experiments = [.. run.Experiments.Select(e => e.Name == "locks"
                ? locks with { Points = [first with { Samples = slowed, Stats = Statistics.From(slowed) }, .. locks.Points.Skip(1)] }
                : e)],
        };
    }

    [Fact]
    public void B_at_exactly_zero_is_a_change_down_to_nothing()
    {
        PointComparison point = Only(ResultsComparer.Compare(Document(Point("p", 10, 10, 10, 10, 10, 10)), "a", Document(Point("p", 0, 0, 0, 0, 0, 0)), "b"));

        Assert.Equal(PointComparison.Changed, point.State);
        Assert.Equal((0.0, 0.0, 0.0), (point.Ratio, point.CiLower, point.CiUpper));
    }

    [Fact]
    public void An_interval_end_beyond_the_range_of_a_number_is_not_comparable_even_when_the_medians_are()
    {
        // A's lowest sample is tiny: B's high end over it leaves the double range; the medians' quotient is 1e10.
        ResultsDocument a = Document(Point("p", 1e-300, 1, 1, 1, 1, 1));
        ResultsDocument b = Document(Point("p", 1e10, 1e10, 1e10, 1e10, 1e10, 1e10));

        PointComparison point = Only(ResultsComparer.Compare(a, "a", b, "b"));

        Assert.Equal(1e10, point.Ratio);
        Assert.Equal(PointComparison.NotComparable, point.State);
        Assert.EndsWith("is beyond the range of a number", point.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_from_inside_the_band_to_past_it_is_noise_not_no_change()
    {
        ResultsDocument a = Document(Point("p", 10, 10, 10, 10, 10, 10));
        ResultsDocument b = Document(Point("p", 10, 10.2, 10.4, 10.6, 10.8, 11));

        PointComparison point = Only(ResultsComparer.Compare(a, "a", b, "b"));

        Assert.Equal((1.0, 1.1), (point.CiLower!.Value, Math.Round(point.CiUpper!.Value, 12)));
        Assert.Equal(PointComparison.WithinNoise, point.State);
    }

    [Fact]
    public void A_ratio_of_one_thousandth_is_still_written_in_decimals()
    {
        Assert.Equal("0.001", RatioText.Of(0.001));
        Assert.Equal(HwLab.Lab.Reports.Numbers.Scientific(0.000999), RatioText.Of(0.000999));
    }

    [Fact]
    public void A_ratio_of_a_million_is_written_with_its_power_of_ten()
    {
        Assert.Equal("999999.000", RatioText.Of(999_999));
        Assert.Equal(HwLab.Lab.Reports.Numbers.Scientific(1e6), RatioText.Of(1e6));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_threshold_that_is_not_a_percentage_is_refused_as_such(double percent)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => NoChangeBand.FromPercent(percent));
        Assert.Equal("thresholdPercent", refused.ParamName);
        Assert.StartsWith("The threshold is a percentage, 0 or more.", refused.Message, StringComparison.Ordinal);
    }
}
