using System.Diagnostics;
using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests.Reserve;

public sealed class ScenarioTests
{
    private static readonly ReserveScenario s_scenario = new();

    [Fact]
    public void Deterministically_the_2015_policy_stalls_with_warnings_and_no_writeback()
    {
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(s_scenario, ReservePolicy.Policy2015, TestContext.Current.CancellationToken);
        Assert.Empty(outcome.Violations);
        Assert.Equal(1, outcome.OomKills);
        Assert.True(outcome.Warnings > 0);
        Assert.Equal(0, outcome.WrittenBackAfterKill);
        Assert.False(outcome.Recovered);
        Assert.True(outcome.Stalled);
        Assert.Contains(outcome.Events, e => e.Kind == ReserveEvent.Warning && e.Text.Contains("possible memory allocation deadlock", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Events, e => e.Kind == ReserveEvent.Exited);
    }

    [Theory]
    [InlineData(ReservePolicy.Favor)]
    [InlineData(ReservePolicy.Reaper)]
    public void Deterministically_favor_and_reaper_recover(ReservePolicy policy)
    {
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(s_scenario, policy, TestContext.Current.CancellationToken);
        Assert.Empty(outcome.Violations);
        Assert.True(outcome.Recovered);
        Assert.NotNull(outcome.TimeToRecover);
        Assert.True(outcome.WrittenBackAfterKill > 0);
        Assert.False(outcome.Stalled);
        Assert.Contains(outcome.Events, e => e.Kind == ReserveEvent.Exited);
        Assert.False(outcome.ReachedZero);
        if (policy == ReservePolicy.Reaper)
        {
            Assert.True(outcome.Events.Any(e => e.Kind == ReserveEvent.Reaped) || outcome.Events.Any(e => e.Kind == ReserveEvent.Exited));
        }
    }

    [Theory]
    [InlineData(ReservePolicy.Policy2015)]
    [InlineData(ReservePolicy.Favor)]
    [InlineData(ReservePolicy.Reaper)]
    public void The_deterministic_mode_gives_the_same_result_every_run(ReservePolicy policy)
    {
        ReserveOutcome first = ReserveRunner.RunDeterministic(s_scenario, policy, TestContext.Current.CancellationToken);
        ReserveOutcome second = ReserveRunner.RunDeterministic(s_scenario, policy, TestContext.Current.CancellationToken);
        Assert.Equal(first.Timeline, second.Timeline);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal((first.WrittenBack, first.Warnings, first.DeepestFree, first.TimeToRecover), (second.WrittenBack, second.Warnings, second.DeepestFree, second.TimeToRecover));
        // Another seed schedules differently.
        ReserveOutcome other = ReserveRunner.RunDeterministic(s_scenario with { Seed = 7 }, policy, TestContext.Current.CancellationToken);
        Assert.NotEqual(first.Timeline, other.Timeline);
    }

    [Theory]
    [InlineData(ReservePolicy.Policy2015)]
    [InlineData(ReservePolicy.Favor)]
    [InlineData(ReservePolicy.Reaper)]
    public void No_policy_hands_out_a_page_twice_or_loses_one(ReservePolicy policy)
    {
        // The deterministic runner checks held + free = N after every step; any mismatch is a violation.
        Assert.Empty(ReserveRunner.RunDeterministic(s_scenario with { Seed = 11 }, policy, TestContext.Current.CancellationToken).Violations);
        Assert.Empty(ReserveRunner.RunThreaded(s_scenario, policy, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken).Violations);
    }

    [Theory]
    [InlineData(ReservePolicy.Policy2015)]
    [InlineData(ReservePolicy.Favor)]
    [InlineData(ReservePolicy.Reaper)]
    public void The_threaded_mode_ends_within_its_bound(ReservePolicy policy)
    {
        var clock = Stopwatch.StartNew();
        ReserveOutcome outcome = ReserveRunner.RunThreaded(s_scenario, policy, TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 300, 300 + 1_000);
        Assert.Equal(ReserveOutcome.Threaded, outcome.Mode);
        Assert.Equal(policy == ReservePolicy.Policy2015, !outcome.Recovered);
    }

    [Fact]
    public void A_zone_smaller_than_the_scenario_needs_is_refused()
    {
        var error = Assert.Throws<ZoneConfigurationException>(() => ReserveRunner.RunDeterministic(s_scenario with { ZonePages = 900, DirtyRatioPercent = 60 }, ReservePolicy.Favor, TestContext.Current.CancellationToken));
        Assert.Contains("smaller than the scenario needs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_policy_is_refused_naming_the_known_ones()
    {
        var error = Assert.Throws<ZoneConfigurationException>(() => ReservePolicies.Parse("kind"));
        Assert.Contains("2015, favor and reaper", error.Message, StringComparison.Ordinal);
    }
}
