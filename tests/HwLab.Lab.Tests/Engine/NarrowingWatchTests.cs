using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Engine;

public sealed class NarrowingWatchTests
{
    private static readonly DecisionRule s_rule = DecisionRule.Above("f", 1.10);

    private static Decision Undecided(double low, double high, params GroupDecision[] groups)
        => new(VerdictOutcome.Inconclusive, s_rule, (low + high) / 2, low, high, 10, "why", groups);

    [Fact]
    public void An_interval_that_keeps_its_width_over_the_window_is_no_longer_narrowing()
    {
        var watch = new NarrowingWatch();
        watch.Record(6, [Undecided(1.0, 1.2)]);
        watch.Record(12, [Undecided(1.0, 1.2)]);

        Assert.False(watch.StillNarrowing(12));
    }

    [Fact]
    public void An_interval_that_shrinks_is_still_narrowing_and_without_a_window_there_is_no_judging()
    {
        var watch = new NarrowingWatch();
        watch.Record(6, [Undecided(0.9, 1.3)]);
        watch.Record(12, [Undecided(1.0, 1.2)]);

        Assert.True(watch.StillNarrowing(12));
        Assert.True(watch.StillNarrowing(11)); // nothing recorded six rounds before
    }

    [Fact]
    public void States_too_small_to_decide_keep_sampling_whatever_the_width_over_all_rounds()
    {
        GroupDecision[] small = [new("placement ~25 ns", 25, VerdictOutcome.Inconclusive, 1.5, null, null, 5), new("placement ~290 ns", 290, VerdictOutcome.Inconclusive, 4, null, null, 5)];
        var watch = new NarrowingWatch();
        watch.Record(6, [Undecided(1.0, 5.0, small)]);
        watch.Record(12, [Undecided(1.0, 5.0, small)]);

        Assert.True(watch.StillNarrowing(12));
    }
}
