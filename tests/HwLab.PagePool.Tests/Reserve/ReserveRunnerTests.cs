using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Tests.Reserve.MemoryModelTests;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>What the runner refuses, and what an outcome records of the model it was read from: a deterministic run's, or one driven by hand.</summary>
public sealed class ReserveRunnerTests
{
    [Fact]
    public void The_runner_refuses_a_missing_scenario_and_a_run_of_no_time()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => ReserveRunner.RunDeterministic(null!, ReservePolicy.Favor, token)).ParamName);
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => ReserveRunner.RunThreaded(null!, ReservePolicy.Favor, TimeSpan.FromSeconds(1), token)).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => ReserveRunner.RunThreaded(new ReserveScenario(), ReservePolicy.Favor, TimeSpan.Zero, token)).ParamName);
    }

    [Fact]
    public void A_cancelled_deterministic_run_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ReserveRunner.RunDeterministic(new ReserveScenario(), ReservePolicy.Favor, cancelled.Token));
    }

    [Fact]
    public void The_deterministic_scheduler_steps_a_task_a_tick_and_samples_every_tick_up_to_its_bound()
    {
        var scenario = new ReserveScenario { MaxTicks = 2_000, TimelineEveryTicks = 1 };
        IReadOnlyList<(long Tick, long Free)> timeline = ReserveRunner.RunDeterministic(scenario, ReservePolicy.Favor, TestContext.Current.CancellationToken).Timeline;
        // Until the consumer starts the writers have a page to write every tick, so no tick is skipped.
        Assert.Equal(Enumerable.Range(0, scenario.ConsumerStartTick + 1).Select(t => (long)t), timeline.Take(scenario.ConsumerStartTick + 1).Select(p => p.Tick));
        Assert.All(timeline.Zip(timeline.Skip(1)), pair => Assert.True(pair.First.Tick < pair.Second.Tick));
        Assert.Equal(scenario.MaxTicks, timeline[^1].Tick);
    }

    [Theory]
    [InlineData(LockHolder.KernelThread, ReservePolicy.Favor, "writeback (kworker/u16:29)", true)]
    [InlineData(LockHolder.DyingThread, ReservePolicy.Favor, "xfs_thread (a.out)", true)]
    [InlineData(LockHolder.KernelThread, ReservePolicy.Policy2015, "writeback (kworker/u16:29)", false)]
    public void A_deterministic_outcome_records_the_run_its_zone_and_who_held_the_lock(LockHolder holder, ReservePolicy policy, string holderName, bool recovers)
    {
        var scenario = new ReserveScenario { LockHolder = holder, MaxTicks = 20_000, TimelineEveryTicks = 1 };
        ReserveOutcome outcome = ReserveRunner.RunDeterministic(scenario, policy, TestContext.Current.CancellationToken);
        Assert.Empty(outcome.Violations);
        Assert.Equal((policy, ReserveOutcome.Deterministic, 20_000L, 4096L), (outcome.Policy, outcome.Mode, outcome.EndTick, outcome.ZonePages));
        // Idle at the end, the scheduler jumps to the next wake-up, but never past its bound.
        Assert.Equal(20_000, outcome.Timeline[^1].Tick);
        Assert.Equal(new Watermarks(256, 320, 384), outcome.Watermarks);
        Assert.Null(outcome.WallMilliseconds);
        Assert.Equal(ReaperRecord.None, outcome.Reaper);
        LockDependency d = outcome.Dependency;
        Assert.Equal(("the XFS inode lock", holderName, "memory_consumer (a.out)"), (d.Lock, d.Holder, d.Victim));
        Assert.Equal(d.Livelocked, outcome.Livelocked);
        Assert.Equal(1, outcome.OomKills);
        Assert.Equal(Math.Max(0, 256 - outcome.DeepestFree), outcome.DipBelowMin);
        Assert.Equal(outcome.Events.Count(e => e.Kind == ReserveEvent.Warning), outcome.Warnings);
        Assert.NotNull(outcome.LastWritebackTick);
        Assert.True(outcome.WrittenBack >= outcome.WrittenBackAfterKill);
        Assert.Equal(recovers, outcome.Recovered);
        Assert.Equal(!recovers, d.Livelocked);
        // Once the holder is out of its allocation, nothing of it is in hand.
        Assert.Equal(recovers, d.HolderPassesInHand == 0);
        Assert.Equal(recovers, outcome.TimeToRecover > 0);
        Assert.Equal(recovers, outcome.TimeToRecover is not null);
    }

    [Theory]
    [InlineData(LockHolder.KernelThread)]
    [InlineData(LockHolder.DyingThread)]
    public void Under_GFP_NOFS_can_fail_the_livelocked_holder_has_XFS_retries_of_its_allocation_in_hand(LockHolder holder)
    {
        var scenario = new ReserveScenario { LockHolder = holder, NofsCanFail = true, MaxTicks = 20_000 };
        LockDependency d = ReserveRunner.RunDeterministic(scenario, ReservePolicy.Policy2015, TestContext.Current.CancellationToken).Dependency;
        Assert.True(d.Livelocked, $"not livelocked: {d}");
        // Every failure of the allocation in hand is an XFS retry, and each is a pass without a page.
        Assert.InRange(d.HolderXfsRetries, 1, d.HolderFailures);
        Assert.InRange(d.HolderXfsRetries, 1, d.HolderPassesInHand);
    }

    [Fact]
    public void An_outcome_times_the_recovery_from_the_first_fall_to_min_and_names_no_victim_when_nothing_was_killed()
    {
        var worker = new WritebackWorker(9, holdsScenarioLock: true);
        (MemoryModel mm, MemoryConsumer consumer, _) = Build(ReservePolicy.Favor, new ReserveScenario(), worker);
        using (mm)
        {
            // GFP_NOFS calls no OOM killer: the consumer takes the zone to min at tick 10 and waits.
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, Gfp.GFP_NOFS, 10));
            mm.Sample(10);
            while (mm.Zone.FreePages < mm.Zone.Watermarks.High)
            {
                Assert.True(mm.FreeOldestAnonymous(consumer, 25));
            }
            ReserveOutcome outcome = ReserveRunner.Outcome(mm, worker, ReserveOutcome.Deterministic, 30, [], null);
            Assert.Equal((true, 15L), (outcome.Recovered, outcome.TimeToRecover));
            Assert.Equal((null, false, false), (outcome.Dependency.Victim, outcome.Dependency.VictimExited, outcome.Dependency.Livelocked));
            Assert.Equal(0, outcome.OomKills);
        }
    }

    [Fact]
    public void A_holder_stuck_in_its_allocation_with_the_lock_is_no_livelock_while_no_victim_waits_for_the_lock()
    {
        (MemoryModel mm, MemoryConsumer consumer, _, WritebackWorker worker) = PageAllocatorTests.WithPage0Dirty(ReservePolicy.Policy2015, holdsScenarioLock: true);
        using (mm)
        {
            // One dirty page, then the consumer at min: its fruitless reclaim kicks the flusher.
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, Gfp.GFP_NOFS, 10));
            // The flusher takes the inode lock and, under 4.2's rules, gets no page for its buffer.
            Assert.False(worker.Step(mm, 11).Finished);
            Assert.True(worker.InAllocation);
            Assert.Same(worker, mm.LockWriter);

            ReserveOutcome outcome = ReserveRunner.Outcome(mm, worker, ReserveOutcome.Deterministic, 20, [], null);
            LockDependency d = outcome.Dependency;
            // Nothing was killed, so nobody waits on the lock: stuck, but not the livelock.
            Assert.Equal((false, null), (d.Livelocked, d.Victim));
            Assert.Equal((false, null), (outcome.Recovered, outcome.TimeToRecover));
            Assert.Equal(worker.Allocations.CurrentPassesWithoutPage, d.HolderPassesInHand);
            Assert.True(d.HolderPassesInHand > 0);
        }
    }
}
