using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Tests.Reserve.MemoryModelTests;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>The flusher and the OOM reaper stepped by hand, and the cast a run is made of.</summary>
public sealed class KernelTaskTests
{
    private static readonly ReserveScenario s_scenario = new() { CongestionWaitTicks = 7 };

    // Dirty pages written by a.out's writer at tick 0.
    private static void Dirty(MemoryModel mm, FileWriter writer, int pages)
    {
        for (int i = 0; i < pages; i++)
        {
            Assert.Equal(AllocOutcome.Success, mm.Allocate(writer, Gfp.GFP_KERNEL, 0, out int page));
            mm.AddDirty(page, writer.Id, 0);
        }
    }

    [Fact]
    public void The_flusher_sleeps_a_congestion_wait_without_work_and_writes_a_batch_per_buffer_page_past_the_background_threshold()
    {
        var worker = new WritebackWorker(8, holdsScenarioLock: false);
        (MemoryModel mm, _, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario, worker);
        using (mm)
        {
            Assert.Equal(StepResult.Wait(7), worker.Step(mm, 0));
            Dirty(mm, writer, 410);
            Assert.Equal(StepResult.Continue, worker.Step(mm, 1));
            Assert.Equal(410 - 32, mm.DirtyPages);
            Assert.Equal(4096 - 410, mm.Zone.FreePages);
            // Back at the background threshold (409 of 4096 pages, 10%) and nothing old: no more work.
            Assert.Equal(StepResult.Wait(7), worker.Step(mm, 2));
            Assert.Null(mm.LockWriter);
        }
    }

    [Fact]
    public void The_holder_flusher_keeps_the_inode_lock_from_batch_to_batch_until_the_inode_is_clean()
    {
        var worker = new WritebackWorker(8, holdsScenarioLock: true);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario, worker);
        using (mm)
        {
            Dirty(mm, writer, 40);
            Assert.True(worker.HoldsScenarioLock);
            // Under the dirty thresholds, the pages are written once they are older than dirty_expire.
            Assert.Equal(StepResult.Wait(7), worker.Step(mm, s_scenario.DirtyExpireTicks - 1));
            Assert.True(mm.TryTakeVictimLock(consumer));
            Assert.Equal(StepResult.Wait(20), worker.Step(mm, s_scenario.DirtyExpireTicks));
            Assert.Equal("the XFS inode lock", worker.WaitingOn);
            Assert.False(worker.InAllocation);
            mm.ReleaseScenarioLock(consumer);

            Assert.Equal(StepResult.Continue, worker.Step(mm, s_scenario.DirtyExpireTicks));
            Assert.Equal(8, mm.DirtyPages);
            Assert.Equal(worker, mm.LockWriter);
            Assert.Equal(StepResult.Continue, worker.Step(mm, s_scenario.DirtyExpireTicks + 1));
            Assert.Equal(0, mm.DirtyPages);
            Assert.Null(mm.LockWriter);
            Assert.Equal(40, mm.WrittenBack);
        }
    }

    [Fact]
    public void Under_GFP_NOFS_can_fail_the_flusher_counts_XFS_retries_of_its_buffer_page_until_it_gets_one()
    {
        var worker = new WritebackWorker(8, holdsScenarioLock: false);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario with { NofsCanFail = true }, worker);
        using (mm)
        {
            Dirty(mm, writer, 410);
            // Reclaim finds only dirty pages; once it has scanned them six times over, GFP_NOFS fails.
            AllocOutcome outcome = FillWithAnonymous(mm, consumer, XfsRetryLoop.NofsMask, 0);
            while (outcome == AllocOutcome.Wait)
            {
                outcome = mm.Allocate(consumer, XfsRetryLoop.NofsMask, 0, out _);
            }
            Assert.Equal(AllocOutcome.Failed, outcome);
            Assert.Equal(StepResult.Wait(7), worker.Step(mm, 1));
            Assert.Equal(StepResult.Wait(7), worker.Step(mm, 2));
            Assert.Equal((true, 2L), (worker.InAllocation, worker.XfsRetries));
            Assert.True(mm.FreeOldestAnonymous(consumer, 3));
            Assert.Equal(StepResult.Continue, worker.Step(mm, 4));
            Assert.Equal((false, 0L), (worker.InAllocation, worker.XfsRetries));
            Assert.Equal(410 - 32, mm.DirtyPages);
        }
    }

    [Fact]
    public void The_reaper_sleeps_until_a_kill_waits_out_the_reap_delay_then_reaps_the_anonymous_memory()
    {
        var reaper = new OomReaper(9);
        (MemoryModel mm, MemoryConsumer consumer, _) = Build(ReservePolicy.Reaper, s_scenario, reaper);
        using (mm)
        {
            Assert.Equal(StepResult.Wait(100), reaper.Step(mm, 0));
            Assert.Equal(AllocOutcome.RetryNow, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 30));
            Assert.Equal(StepResult.Wait(s_scenario.ReapDelayTicks - 3), reaper.Step(mm, 33));
            Assert.Equal(0, mm.ReapAttempts);
            Assert.Equal(StepResult.Continue, reaper.Step(mm, 30 + s_scenario.ReapDelayTicks));
            Assert.True(mm.Reaped);
            Assert.Equal(4096, mm.Zone.FreePages);
            Assert.Equal("oom_reaper: reaped process 1 (a.out), now anon-rss:0kB; 3840 pages freed", mm.Events[^1].Text);
            // 4.6: the victim is set aside, its TIF_MEMDIE cleared, and the reaper has nothing more to do.
            Assert.False(consumer.TifMemdie);
            Assert.True(mm.VictimProcess.OomScoreAdjMin);
            Assert.Equal(StepResult.Wait(100), reaper.Step(mm, 41));
            Assert.Equal(1, mm.ReapAttempts);
        }
    }

    [Fact]
    public void The_reaper_tries_mmap_sem_ten_times_a_tenth_of_a_second_apart_then_gives_up_and_leaves_the_victim_marked()
    {
        var reaper = new OomReaper(9);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Reaper, s_scenario with { Lock = VictimLock.MmapSem, LockHolder = LockHolder.DyingThread }, reaper);
        using (mm)
        {
            Assert.True(mm.TryTakeHolderLock(writer));
            Assert.Equal(AllocOutcome.RetryNow, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 0));
            long now = s_scenario.ReapDelayTicks;
            for (int i = 1; i < OomReaper.MaxOomReapRetries; i++, now += OomReaper.RetryWaitTicks)
            {
                Assert.Equal(StepResult.Wait(OomReaper.RetryWaitTicks), reaper.Step(mm, now));
                Assert.Equal(i, mm.ReapAttempts);
            }
            Assert.False(mm.ReapGaveUp);
            Assert.Equal(StepResult.Continue, reaper.Step(mm, now));
            Assert.True(mm.ReapGaveUp);
            Assert.False(mm.Reaped);
            Assert.True(consumer.TifMemdie);
            Assert.Equal(new ReserveEvent(now, ReserveEvent.Reaped, "oom_reaper: unable to reap pid:1 (a.out) after 10 tries: mmap_sem is held for writing"), mm.Events[^1]);
            Assert.Equal(StepResult.Wait(100), reaper.Step(mm, now + 1));
            Assert.Equal(OomReaper.MaxOomReapRetries, mm.ReapAttempts);

            // The marked thread exits, a.out's writer is marked next, and the reaper starts its ten tries again.
            mm.ThreadExit(consumer, now + 2);
            Assert.Equal(AllocOutcome.RetryNow, mm.Allocate(new WritebackWorker(8, holdsScenarioLock: false), Gfp.GFP_KERNEL, now + 3, out _));
            Assert.Equal(writer, mm.Victim);
            Assert.Equal(StepResult.Wait(OomReaper.RetryWaitTicks), reaper.Step(mm, now + 3 + s_scenario.ReapDelayTicks));
        }
    }

    [Fact]
    public void A_wake_moves_a_tasks_next_step_earlier_never_later_and_cuts_its_next_sleep_short()
    {
        var worker = new WritebackWorker(8, holdsScenarioLock: false) { WakeAt = 50 };
        worker.Wake(80);
        Assert.Equal(50, worker.WakeAt);
        worker.Wake(20);
        Assert.Equal(20, worker.WakeAt);
        // Threaded mode: the wake-up is kept until the next sleep, which then returns at once.
        worker.Sleep(TimeSpan.FromMinutes(10));
        worker.Sleep(TimeSpan.Zero);
    }

    [Fact]
    public void The_kernel_threads_have_no_mm_and_the_comm_ps_shows_for_them_and_the_journal_is_not_one()
    {
        SimTask[] threads = [new WritebackWorker(8, holdsScenarioLock: false), new OomReaper(9)];
        Assert.Equal([("writeback", "kworker/u16:29"), ("oom_reaper", "oom_reaper")], threads.Select(t => (t.Name, t.Comm)));
        Assert.All(threads, t => Assert.True(t.IsKernelThread && t.Process is null));
        // systemd-journald is a user process, whatever work it does for the system.
        Assert.False(new JournalDaemon(10, new ModelProcess(10, "systemd-journal")).IsKernelThread);
    }

    [Fact]
    public void XFS_goes_round_again_at_once_when_the_allocator_says_so_and_counts_only_failures_as_retries()
    {
        (MemoryModel mm, _, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            var loop = new XfsRetryLoop("kmem_alloc");
            StepResult congestionWait = StepResult.Wait(mm.Scenario.CongestionWaitTicks);
            Assert.Equal(StepResult.Continue, loop.NoPage(mm, writer, AllocOutcome.RetryNow, 0));
            Assert.Equal(congestionWait, loop.NoPage(mm, writer, AllocOutcome.Wait, 0));
            Assert.Equal(0, loop.Retries);
            Assert.Equal(congestionWait, loop.NoPage(mm, writer, AllocOutcome.Failed, 0));
            Assert.Equal(1, loop.Retries);
            Assert.Equal("mm", Assert.Throws<ArgumentNullException>(() => loop.NoPage(null!, writer, AllocOutcome.Failed, 0)).ParamName);
            Assert.Equal(1, loop.Retries);
        }
    }

    [Theory]
    [InlineData(LockHolder.DyingThread, ReservePolicy.Reaper, new[] { "memory_consumer", "file_writer/0", "file_writer/1", "file_writer/2", "xfs_thread", "writeback", "journal", "oom_reaper" }, "xfs_thread")]
    [InlineData(LockHolder.KernelThread, ReservePolicy.Favor, new[] { "memory_consumer", "file_writer/0", "file_writer/1", "file_writer/2", "writeback", "journal" }, "writeback")]
    public void A_run_casts_a_outs_threads_the_flusher_the_journal_and_under_reaper_the_reaper(LockHolder holder, ReservePolicy policy, string[] names, string holderName)
    {
        var scenario = new ReserveScenario { FileWriters = 3, LockHolder = holder, Lock = VictimLock.XfsInodeLock, ConsumerStartTick = 150 };
        Cast cast = Cast.For(scenario, policy);
        Assert.Equal(names, cast.Tasks.Select(t => t.Name));
        Assert.Equal(Enumerable.Range(1, names.Length).Select(i => (long)i), cast.Tasks.Select(t => t.Id));
        Assert.Equal(holderName, cast.Holder.Name);
        Assert.Equal(holder == LockHolder.KernelThread, cast.Tasks.OfType<WritebackWorker>().Single().HoldsScenarioLock);

        ModelProcess aout = cast.VictimProcess;
        Assert.Equal((1L, "a.out"), (aout.Pid, aout.Comm));
        Assert.Equal(cast.Tasks.Where(t => !t.IsKernelThread && t is not JournalDaemon), aout.Threads);
        JournalDaemon journal = cast.Tasks.OfType<JournalDaemon>().Single();
        Assert.Equal([aout, journal.Process!], cast.Processes);
        Assert.Equal((journal.Id, "systemd-journal"), (journal.Process!.Pid, journal.Process.Comm));
        Assert.Equal([journal], journal.Process.Threads);

        // The consumer starts at the scenario's tick.
        using var mm = new MemoryModel(scenario, policy, cast.Tasks, cast.Processes, aout);
        Assert.Equal(StepResult.Wait(150), cast.Tasks[0].Step(mm, 0));
    }
}
