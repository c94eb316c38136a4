using System.Diagnostics;
using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Zones.AllocFlags;

namespace HwLab.PagePool.Tests.Reserve;

public sealed class ScenarioTests
{
    private static readonly ReserveScenario s_scenario = new();

    /// <summary>The lock dependencies the scenario offers: the writeback kernel thread on the XFS inode lock, a dying thread of a.out on it, a dying thread on mmap_sem.</summary>
    public static TheoryData<LockHolder, VictimLock> Dependencies => new()
    {
        { LockHolder.KernelThread, VictimLock.XfsInodeLock },
        { LockHolder.DyingThread, VictimLock.XfsInodeLock },
        { LockHolder.DyingThread, VictimLock.MmapSem },
    };

    private static ReserveScenario With(LockHolder holder, VictimLock victimLock) => s_scenario with { LockHolder = holder, Lock = victimLock };

    [Theory]
    [MemberData(nameof(Dependencies))]
    public void In_2015_the_victim_holds_ALLOC_NO_WATERMARKS_and_still_livelocks_behind_the_lock(LockHolder holder, VictimLock victimLock)
    {
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(With(holder, victimLock), ReservePolicy.Policy2015, TestContext.Current.CancellationToken);
        LockDependency d = outcome.Dependency;
        Assert.Empty(outcome.Violations);
        Assert.Equal(1, outcome.OomKills);
        // The victim may ignore the watermarks, but it waits for the lock, so it takes nothing.
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_NO_WATERMARKS, d.VictimReserveAccess);
        Assert.True(d.Livelocked, $"not livelocked: {d}");
        Assert.False(d.VictimExited);
        Assert.False(d.MmFreed);
        // The holder's GFP_NOFS allocation loops at min with no reserve access, and stock 4.2 never fails it.
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET, d.HolderFlags);
        Assert.True(d.HolderPassesInHand > 1_000, $"{d.HolderPassesInHand} passes");
        Assert.Equal(0, d.HolderFailures);
        Assert.Equal(0, d.HolderPagesBelowMin);
        Assert.Equal(0, outcome.Warnings);
        Assert.False(outcome.Recovered);
        Assert.DoesNotContain(outcome.Events, e => e.Kind == ReserveEvent.Exited);
        Assert.Equal(VictimLocks.Describe(victimLock), d.Lock);
    }

    [Theory]
    [MemberData(nameof(Dependencies))]
    public void The_threaded_mode_livelocks_the_same_way_under_2015(LockHolder holder, VictimLock victimLock)
    {
        ReserveOutcome outcome = ReserveRunner.RunThreaded(With(holder, victimLock), ReservePolicy.Policy2015, TimeSpan.FromMilliseconds(1_000), TestContext.Current.CancellationToken);
        Assert.Empty(outcome.Violations);
        Assert.True(outcome.Dependency.Livelocked, $"not livelocked: {outcome.Dependency}");
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_NO_WATERMARKS, outcome.Dependency.VictimReserveAccess);
        Assert.Equal(0, outcome.Dependency.HolderFailures);
    }

    [Theory]
    [MemberData(nameof(Dependencies))]
    public void Favor_recovers_because_the_lock_holder_reaches_ALLOC_HIGH(LockHolder holder, VictimLock victimLock)
    {
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(With(holder, victimLock), ReservePolicy.Favor, TestContext.Current.CancellationToken);
        LockDependency d = outcome.Dependency;
        Assert.Empty(outcome.Violations);
        Assert.False(d.Livelocked);
        // The holder's allocation carried ALLOC_HIGH and got pages below min, which nothing else reaches.
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_HIGH, d.HolderFlags);
        Assert.True(d.HolderPagesBelowMin > 0);
        Assert.True(d.VictimExited);
        Assert.True(d.MmFreed);
        Assert.True(outcome.Recovered);
        Assert.NotNull(outcome.TimeToRecover);
        Assert.True(outcome.WrittenBackAfterKill > 0);
        Assert.False(outcome.ReachedZero);
    }

    [Theory]
    [InlineData(LockHolder.KernelThread)]
    [InlineData(LockHolder.DyingThread)]
    public void The_reaper_recovers_by_reaping_when_it_can_take_mmap_sem(LockHolder holder)
    {
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(With(holder, VictimLock.XfsInodeLock), ReservePolicy.Reaper, TestContext.Current.CancellationToken);
        Assert.Empty(outcome.Violations);
        Assert.Equal(new ReaperRecord(1, Reaped: true, GaveUp: false), outcome.Reaper);
        Assert.Contains(outcome.Events, e => e.Kind == ReserveEvent.Reaped && e.Text.StartsWith("oom_reaper: reaped process", StringComparison.Ordinal));
        // The holder needed no reserve: the reaped memory lifted free pages above min.
        Assert.Equal(0, outcome.Dependency.HolderPagesBelowMin);
        Assert.Equal(ALLOC_OOM, outcome.Dependency.VictimReserveAccess);
        Assert.True(outcome.Dependency.MmFreed);
        Assert.True(outcome.Recovered);
        Assert.False(outcome.Dependency.Livelocked);
    }

    [Fact]
    public void The_reaper_gives_up_and_the_livelock_stays_when_mmap_sem_is_held_for_writing()
        => AssertTheReaperGaveUp(ReserveRunner.RunDeterministic(With(LockHolder.DyingThread, VictimLock.MmapSem), ReservePolicy.Reaper, TestContext.Current.CancellationToken));

    [Fact]
    public void The_threaded_mode_gives_up_the_same_way_when_mmap_sem_is_held_for_writing()
        => AssertTheReaperGaveUp(ReserveRunner.RunThreaded(
            With(LockHolder.DyingThread, VictimLock.MmapSem), ReservePolicy.Reaper, TimeSpan.FromMilliseconds(1_000), TestContext.Current.CancellationToken));

    private static void AssertTheReaperGaveUp(ReserveOutcome outcome)
    {
        Assert.Empty(outcome.Violations);
        Assert.Equal(new ReaperRecord(OomReaper.MaxOomReapRetries, Reaped: false, GaveUp: true), outcome.Reaper);
        Assert.Contains(outcome.Events, e => e.Kind == ReserveEvent.Reaped && e.Text.StartsWith("oom_reaper: unable to reap", StringComparison.Ordinal));
        Assert.True(outcome.Dependency.Livelocked, $"not livelocked: {outcome.Dependency}");
        Assert.False(outcome.Recovered);
    }

    [Fact]
    public void The_debug_kernel_prints_the_seeds_warning_every_100th_retry_with_mode_0x250()
    {
        ReserveScenario scenario = With(LockHolder.DyingThread, VictimLock.XfsInodeLock) with { NofsCanFail = true };
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(scenario, ReservePolicy.Policy2015, TestContext.Current.CancellationToken);
        Assert.True(outcome.Dependency.Livelocked);
        Assert.True(outcome.Dependency.HolderFailures > 100);
        ReserveEvent[] warnings = [.. outcome.Events.Where(e => e.Kind == ReserveEvent.Warning)];
        Assert.Equal(outcome.Warnings, warnings.Length);
        Assert.NotEmpty(warnings);
        var counts = new Dictionary<string, long>();
        foreach (ReserveEvent warning in warnings)
        {
            System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(
                warning.Text, @"^XFS: (?<who>\S+\(\d+\)) possible memory allocation deadlock in (xfs_buf_allocate_memory|kmem_alloc) \(mode:0x250\) after (?<n>\d+) retries$");
            Assert.True(match.Success, warning.Text);
            // Each allocation loop complains at its 100th retry, its 200th, its 300th and so on.
            string who = match.Groups["who"].Value;
            long expected = (counts.GetValueOrDefault(who) + 1) * XfsRetryLoop.WarnEvery;
            Assert.Equal(expected, long.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
            counts[who] = expected / XfsRetryLoop.WarnEvery;
        }
        // The holder is one of those who complain.
        Assert.Contains(counts.Keys, who => who.StartsWith("a.out(", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dependencies))]
    public void Stock_4_2_loops_without_failing_and_prints_no_warning(LockHolder holder, VictimLock victimLock)
    {
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(With(holder, victimLock), ReservePolicy.Policy2015, TestContext.Current.CancellationToken);
        Assert.True(outcome.Dependency.HolderPassesInHand >= XfsRetryLoop.WarnEvery);
        Assert.Equal(0, outcome.Dependency.HolderFailures);
        Assert.Equal(0, outcome.Dependency.HolderXfsRetries);
        Assert.DoesNotContain(outcome.Events, e => e.Kind == ReserveEvent.Warning);
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
        Assert.Equal(first.Dependency, second.Dependency);
        Assert.Equal((first.WrittenBack, first.Warnings, first.DeepestFree, first.TimeToRecover), (second.WrittenBack, second.Warnings, second.DeepestFree, second.TimeToRecover));
        // Another seed schedules differently.
        ReserveOutcome other = ReserveRunner.RunDeterministic(s_scenario with { Seed = 7 }, policy, TestContext.Current.CancellationToken);
        Assert.NotEqual(first.Timeline, other.Timeline);
    }

    [Theory]
    [InlineData(ReservePolicy.Policy2015, LockHolder.KernelThread, VictimLock.XfsInodeLock)]
    [InlineData(ReservePolicy.Favor, LockHolder.DyingThread, VictimLock.XfsInodeLock)]
    [InlineData(ReservePolicy.Reaper, LockHolder.DyingThread, VictimLock.MmapSem)]
    [InlineData(ReservePolicy.Reaper, LockHolder.KernelThread, VictimLock.XfsInodeLock)]
    public void No_policy_hands_out_a_page_twice_or_loses_one(ReservePolicy policy, LockHolder holder, VictimLock victimLock)
    {
        // The deterministic runner checks held + free = N after every step; any mismatch is a violation.
        ReserveScenario scenario = With(holder, victimLock);
        Assert.Empty(ReserveRunner.RunDeterministic(scenario with { Seed = 11 }, policy, TestContext.Current.CancellationToken).Violations);
        Assert.Empty(ReserveRunner.RunThreaded(scenario, policy, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken).Violations);
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
    }

    [Fact]
    public void A_zone_smaller_than_the_scenario_needs_is_refused()
    {
        var error = Assert.Throws<ZoneConfigurationException>(() => ReserveRunner.RunDeterministic(s_scenario with { ZonePages = 900, DirtyRatioPercent = 60 }, ReservePolicy.Favor, TestContext.Current.CancellationToken));
        Assert.Contains("smaller than the scenario needs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kernel_thread_cannot_hold_the_victims_mmap_sem()
    {
        var error = Assert.Throws<ZoneConfigurationException>(() => (s_scenario with { Lock = VictimLock.MmapSem, LockHolder = LockHolder.KernelThread }).Validate());
        Assert.Contains("mmap_sem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_names_are_refused_naming_the_known_ones()
    {
        Assert.Contains("2015, favor and reaper", Assert.Throws<ZoneConfigurationException>(() => ReservePolicies.Parse("kind")).Message, StringComparison.Ordinal);
        Assert.Contains("kthread and thread", Assert.Throws<ZoneConfigurationException>(() => LockHolders.Parse("kworker")).Message, StringComparison.Ordinal);
        Assert.Contains("xfs and mmap-sem", Assert.Throws<ZoneConfigurationException>(() => VictimLocks.Parse("i_mutex")).Message, StringComparison.Ordinal);
        Assert.All(LockHolders.Names, n => Assert.Equal(n, LockHolders.Name(LockHolders.Parse(n))));
        Assert.All(VictimLocks.Names, n => Assert.Equal(n, VictimLocks.Name(VictimLocks.Parse(n))));
    }
}
