using HwLab.Native.Counters;

namespace HwLab.Native.Tests.Counters;

public sealed class PerfCountTests
{
    [Fact]
    public void A_counter_that_ran_all_the_time_is_reported_as_counted()
    {
        Assert.Equal(1000, new PerfCount(1000, TimeEnabled: 500, TimeRunning: 500).Estimate(out bool scaled));
        Assert.False(scaled);
    }

    [Fact]
    public void A_multiplexed_counter_is_scaled_by_enabled_over_running_and_flagged()
    {
        Assert.Equal(3000, new PerfCount(1000, TimeEnabled: 900, TimeRunning: 300).Estimate(out bool scaled));
        Assert.True(scaled);
    }

    [Fact]
    public void A_counter_that_never_ran_has_no_value_rather_than_zero()
    {
        Assert.Null(new PerfCount(0, TimeEnabled: 900, TimeRunning: 0).Estimate(out bool scaled));
        Assert.False(scaled);
    }

    [Fact]
    public void Scaling_does_not_overflow()
        => Assert.Equal(long.MaxValue, new PerfCount(ulong.MaxValue / 2, TimeEnabled: 10, TimeRunning: 1).Estimate(out _));

    [Fact]
    public void A_region_is_scaled_by_its_own_times_not_by_the_totals()
    {
        // Ran the whole first half, then a third of the second half.
        var before = new PerfCount(1000, TimeEnabled: 1000, TimeRunning: 1000);
        var after = new PerfCount(1100, TimeEnabled: 1300, TimeRunning: 1100);

        Assert.True(after.CanFollow(before));
        Assert.False(before.CanFollow(after));
        Assert.Equal(300, after.Since(before).Estimate(out bool scaled));
        Assert.True(scaled);
    }

    [Fact]
    public void A_snapshot_reports_a_counter_that_never_ran_as_unavailable_with_the_reason()
    {
        using var counters = new ThreadCounters([CounterKind.Cycles]);
        var available = new CounterAvailability(CounterKind.Cycles, unavailableReason: null, excludesKernel: false);
        var snapshot = new CounterSnapshot(counters, [available], [new PerfCount(0, TimeEnabled: 900, TimeRunning: 0)], isDelta: false);

        CounterReading reading = snapshot[CounterKind.Cycles];
        Assert.Null(reading.Value);
        Assert.Contains("multiplexed", reading.UnavailableReason, StringComparison.Ordinal);
    }
}
