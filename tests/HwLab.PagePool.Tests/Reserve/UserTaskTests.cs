using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Tests.Reserve.MemoryModelTests;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>
/// a.out's threads and the journal daemon stepped by hand: what each step does and what it asks of
/// the scheduler. A congestion wait of 7 ticks tells it apart from the lock retry (20) and the
/// journal's pace (10).
/// </summary>
public sealed class UserTaskTests
{
    private static readonly StepResult s_congestionWait = StepResult.Wait(7);
    private static readonly StepResult s_lockRetry = StepResult.Wait(20);
    private static readonly StepResult s_journalPace = StepResult.Wait(JournalDaemon.EveryTicks);
    private static readonly ReserveScenario s_scenario = new() { CongestionWaitTicks = 7 };

    private static JournalDaemon Journal()
    {
        var journald = new ModelProcess(10, "systemd-journal");
        var journal = new JournalDaemon(10, journald);
        journald.AddThread(journal);
        return journal;
    }

    private static T Joined<T>(MemoryModel mm, T thread)
        where T : SimTask
    {
        mm.VictimProcess.AddThread(thread);
        return thread;
    }

    private static StepResult[] StepEach(long now, MemoryModel mm, params SimTask[] tasks) => [.. tasks.Select(t => t.Step(mm, now))];

    [Fact]
    public void A_step_asks_to_run_again_at_once_to_sleep_some_ticks_or_never_to_run_again()
    {
        Assert.Equal(new StepResult(Finished: false, WaitTicks: 0), StepResult.Continue);
        Assert.Equal(new StepResult(Finished: true, WaitTicks: 0), StepResult.Done);
        Assert.Equal(new StepResult(Finished: false, WaitTicks: 7), s_congestionWait);
    }

    [Fact]
    public void Every_task_refuses_a_missing_model_by_name_even_once_it_has_exited()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, s_scenario);
        using (mm)
        {
            SimTask[] tasks = [consumer, writer, Journal(), Joined(mm, new LockHoldingThread(5, mm.VictimProcess)), new WritebackWorker(8, holdsScenarioLock: false), new OomReaper(9)];
            foreach (SimTask task in tasks)
            {
                task.Exited = true;
                Assert.Equal("mm", Assert.Throws<ArgumentNullException>(() => task.Step(null!, 0)).ParamName);
            }
        }
    }

    [Fact]
    public void A_thread_that_has_exited_is_done_and_takes_nothing()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, s_scenario);
        using (mm)
        {
            SimTask[] threads = [consumer, writer, Journal(), Joined(mm, new LockHoldingThread(5, mm.VictimProcess))];
            foreach (SimTask thread in threads)
            {
                thread.Exited = true;
            }
            Assert.All(StepEach(0, mm, threads), result => Assert.Equal(StepResult.Done, result));
            Assert.Equal(4096, mm.Zone.FreePages);
            Assert.Null(mm.LockWriter);
        }
    }

    [Fact]
    public void A_writer_writes_a_page_a_tick_until_the_dirty_limit_throttles_it()
    {
        (MemoryModel mm, _, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            Assert.Equal(StepResult.Continue, writer.Step(mm, 0));
            Assert.Equal(s_congestionWait, writer.Step(mm, 0));
            Assert.Equal(StepResult.Continue, writer.Step(mm, 1));
            Assert.Equal(2, writer.PagesWritten);
            Assert.Equal(2, mm.DirtyPages);
            while (mm.DirtyPages < s_scenario.DirtyLimit)
            {
                Assert.Equal(AllocOutcome.Success, mm.Allocate(writer, Gfp.GFP_KERNEL, 1, out int page));
                mm.AddDirty(page, writer.Id, 1);
            }
            // balance_dirty_pages: at the dirty limit itself the writer waits, however long it has been.
            Assert.Equal(s_congestionWait, writer.Step(mm, 10_000));
            Assert.Equal(2, writer.PagesWritten);
        }
    }

    [Fact]
    public void A_killed_writer_finishes_the_write_in_hand_with_the_mark_out_of_memory_gives_it_then_exits()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, XfsRetryLoop.NofsMask, 0));
            // The write's allocation calls the OOM killer, which kills a.out; 4.2's out_of_memory
            // then marks the dying caller itself (TIF_MEMDIE), and the page comes past the watermarks.
            Assert.Equal(StepResult.Continue, writer.Step(mm, 1));
            Assert.Equal(consumer, mm.Victim);
            Assert.True(writer.FatalSignalPending);
            Assert.Equal(StepResult.Continue, writer.Step(mm, 2));
            Assert.True(writer.TifMemdie);
            Assert.Equal(StepResult.Continue, writer.Step(mm, 3));
            Assert.Equal(1, writer.PagesWritten);
            Assert.Equal(1, writer.Allocations.PagesBelowMin);
            // Between two writes it acts on SIGKILL, and exit_mm clears the mark.
            Assert.Equal(StepResult.Done, writer.Step(mm, 4));
            Assert.True(writer.Exited);
            Assert.False(writer.TifMemdie);
        }
    }

    [Fact]
    public void A_task_whose_allocation_only_waits_stays_in_it_when_killed()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario);
        JournalDaemon journal = Journal();
        using (mm)
        {
            // One dirty page and nothing clean: reclaim counts as progress for six passes (zone_reclaimable).
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 0, out int page));
            mm.AddDirty(page, consumer.Id, 0);
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, XfsRetryLoop.NofsMask, 0));
            Assert.Equal([s_congestionWait, s_congestionWait, s_congestionWait], StepEach(1, mm, writer, consumer, journal));

            writer.FatalSignalPending = true;
            consumer.FatalSignalPending = true;
            journal.FatalSignalPending = true;
            Assert.False(consumer.WaitingOnScenarioLock);
            // The writer's pass is the fifth and waits again; the sixth ends zone_reclaimable, and
            // out_of_memory marks each dying caller so that its allocation goes on at once.
            Assert.Equal([s_congestionWait, StepResult.Continue, StepResult.Continue], StepEach(2, mm, writer, consumer, journal));
            Assert.False(writer.Exited || consumer.Exited || journal.Exited);
            Assert.True(consumer.TifMemdie && journal.TifMemdie);
        }
    }

    [Fact]
    public void An_allocation_handed_back_as_failed_ends_the_write_or_fault_and_the_task_then_acts_on_its_kill()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario);
        JournalDaemon journal = Journal();
        using (mm)
        {
            // 4.2: a TIF_MEMDIE caller may empty the zone, and one that finds nothing even then gives up.
            SimTask[] tasks = [writer, journal, consumer];
            foreach (SimTask task in tasks)
            {
                task.TifMemdie = true;
            }
            Assert.Equal(AllocOutcome.Failed, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 0));
            Assert.Equal(0, mm.Zone.FreePages);
            Assert.Equal([StepResult.Continue, s_journalPace, StepResult.Continue], StepEach(1, mm, tasks));
            Assert.All(tasks, task => Assert.Equal(task == consumer ? 2 : 1, task.Allocations.Failures));

            foreach (SimTask task in tasks)
            {
                task.FatalSignalPending = true;
            }
            Assert.All(StepEach(2, mm, tasks), result => Assert.Equal(StepResult.Done, result));
            Assert.True(mm.VictimProcess.MmFreed);
            Assert.Equal(4096, mm.Zone.FreePages);
        }
    }

    [Fact]
    public void The_journal_faults_a_page_every_ten_ticks_and_keeps_eight()
    {
        (MemoryModel mm, _, _) = Build(ReservePolicy.Policy2015, s_scenario);
        JournalDaemon journal = Journal();
        using (mm)
        {
            for (int i = 0; i < 10; i++)
            {
                Assert.Equal(s_journalPace, journal.Step(mm, i * 10));
                Assert.Equal(4096 - Math.Min(i + 1, JournalDaemon.WorkingSetPages), mm.Zone.FreePages);
            }
            Assert.Equal(JournalDaemon.WorkingSetPages, journal.Process!.AnonymousLocked);
            // Killed between two faults, it exits, and its own process's mm goes back.
            journal.FatalSignalPending = true;
            Assert.Equal(StepResult.Done, journal.Step(mm, 100));
            Assert.True(journal.Process.MmFreed);
            Assert.Equal(4096, mm.Zone.FreePages);
            Assert.Equal(new ReserveEvent(100, ReserveEvent.Exited, "systemd-journal(10): the last thread exited, its mm freed 8 pages"), Assert.Single(mm.Events));
        }
    }

    [Fact]
    public void The_consumer_waits_for_its_start_then_faults_a_page_a_tick()
    {
        (MemoryModel mm, _, _) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            MemoryConsumer consumer = Joined(mm, new MemoryConsumer(5, mm.VictimProcess, startTick: 50, exitPages: 2));
            Assert.Equal(StepResult.Wait(50), consumer.Step(mm, 0));
            Assert.Equal(StepResult.Wait(30), consumer.Step(mm, 20));
            Assert.Equal(StepResult.Continue, consumer.Step(mm, 50));
            Assert.Equal(s_congestionWait, consumer.Step(mm, 50));
            Assert.Equal(StepResult.Continue, consumer.Step(mm, 51));
            Assert.Equal(2, mm.VictimProcess.AnonymousLocked);
        }
    }

    [Fact]
    public void A_killed_consumer_waits_for_the_scenarios_lock_then_allocates_its_exit_pages_and_exits()
    {
        (MemoryModel mm, _, FileWriter writer) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            MemoryConsumer consumer = Joined(mm, new MemoryConsumer(5, mm.VictimProcess, startTick: 0, exitPages: 2));
            Assert.True(mm.TryTakeHolderLock(writer));
            Assert.False(consumer.WaitingOnScenarioLock);
            consumer.FatalSignalPending = true;
            Assert.Equal(s_lockRetry, consumer.Step(mm, 0));
            Assert.True(consumer.WaitingOnScenarioLock);
            Assert.Equal("the XFS inode lock", consumer.WaitingOn);

            mm.ReleaseScenarioLock(writer);
            // Past the lock it lets it go at once, and the pages it allocates on the way out are the kernel's, freed with the mm.
            Assert.Equal(StepResult.Continue, consumer.Step(mm, 1));
            Assert.False(consumer.WaitingOnScenarioLock);
            Assert.Equal([StepResult.Continue, StepResult.Done], StepEach(2, mm, consumer, consumer));
            Assert.Null(mm.LockWriter);
            Assert.True(consumer.Exited);
            Assert.Equal(0, mm.VictimProcess.AnonymousLocked);
            Assert.Equal(2, mm.AccountedPages());
        }
    }

    [Fact]
    public void The_lock_holding_thread_reads_buffer_after_buffer_with_the_lock_held_and_lets_it_go_when_killed()
    {
        (MemoryModel mm, _, _) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            LockHoldingThread thread = Joined(mm, new LockHoldingThread(5, mm.VictimProcess));
            LockHoldingThread late = Joined(mm, new LockHoldingThread(6, mm.VictimProcess));
            Assert.Equal([s_congestionWait, s_congestionWait], StepEach(0, mm, thread, thread));
            Assert.Equal(thread, mm.LockWriter);
            Assert.False(thread.InAllocation);
            // Each buffer went back before the next.
            Assert.Equal(4096, mm.Zone.FreePages);
            Assert.Equal(s_lockRetry, late.Step(mm, 1));
            Assert.Equal("the XFS inode lock", late.WaitingOn);

            thread.FatalSignalPending = true;
            late.FatalSignalPending = true;
            Assert.Equal([StepResult.Done, StepResult.Done], StepEach(2, mm, thread, late));
            Assert.Null(mm.LockWriter);
            Assert.True(thread.Exited && late.Exited);
        }
    }

    [Fact]
    public void Under_GFP_NOFS_can_fail_the_holder_keeps_the_lock_through_XFS_retries_and_warns_every_100th()
    {
        (MemoryModel mm, MemoryConsumer consumer, _) = Build(ReservePolicy.Policy2015, s_scenario with { NofsCanFail = true });
        using (mm)
        {
            LockHoldingThread thread = Joined(mm, new LockHoldingThread(5, mm.VictimProcess));
            Assert.Equal(AllocOutcome.Failed, FillWithAnonymous(mm, consumer, XfsRetryLoop.NofsMask, 0));
            for (int i = 1; i <= 200; i++)
            {
                Assert.Equal(s_congestionWait, thread.Step(mm, i));
            }
            Assert.True(thread.InAllocation);
            Assert.Equal(200, thread.XfsRetries);
            Assert.Equal(thread, mm.LockWriter);
            Assert.Equal(
                [
                    new ReserveEvent(100, ReserveEvent.Warning, "XFS: a.out(5) possible memory allocation deadlock in xfs_buf_allocate_memory (mode:0x250) after 100 retries"),
                    new ReserveEvent(200, ReserveEvent.Warning, "XFS: a.out(5) possible memory allocation deadlock in xfs_buf_allocate_memory (mode:0x250) after 200 retries"),
                ],
                mm.Events);

            // Once a page comes the count starts again.
            Assert.True(mm.FreeOldestAnonymous(consumer, 201));
            Assert.Equal(s_congestionWait, thread.Step(mm, 202));
            Assert.False(thread.InAllocation);
            Assert.Equal(0, thread.XfsRetries);
            Assert.Equal(2, mm.Warnings);
        }
    }

    [Fact]
    public void A_killed_consumers_exit_allocation_waits_while_reclaim_counts_as_progress_then_gets_the_mark_and_its_pages()
    {
        (MemoryModel mm, MemoryConsumer other, _) = Build(ReservePolicy.Policy2015, s_scenario);
        using (mm)
        {
            MemoryConsumer consumer = Joined(mm, new MemoryConsumer(5, mm.VictimProcess, startTick: 0, exitPages: 2));
            Assert.Equal(AllocOutcome.Success, mm.Allocate(other, Gfp.GFP_KERNEL, 0, out int page));
            mm.AddDirty(page, other.Id, 0);
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, other, XfsRetryLoop.NofsMask, 0));
            consumer.FatalSignalPending = true;
            // Passes two to five of zone_reclaimable wait; the sixth has out_of_memory mark the dying caller.
            Assert.Equal(
                [s_congestionWait, s_congestionWait, s_congestionWait, s_congestionWait, StepResult.Continue, StepResult.Continue, StepResult.Continue, StepResult.Done],
                StepEach(1, mm, [.. Enumerable.Repeat(consumer, 8)]));
            Assert.True(consumer.Exited);
            Assert.Equal(2, consumer.Allocations.PagesBelowMin);
        }
    }

    [Fact]
    public void A_pass_that_reclaimed_but_got_no_page_goes_round_again_without_counting_an_XFS_retry()
    {
        (MemoryModel mm, MemoryConsumer consumer, _) = PageAllocatorTests.WithCleanPageCache(ReservePolicy.Policy2015);
        using (mm)
        {
            LockHoldingThread thread = Joined(mm, new LockHoldingThread(5, mm.VictimProcess));
            consumer.TifMemdie = true;
            Assert.Equal(AllocOutcome.Failed, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 0));
            Assert.Equal(StepResult.Continue, thread.Step(mm, 1));
            Assert.Equal(0, thread.XfsRetries);
            Assert.True(thread.InAllocation);
            Assert.Equal(PageAllocator.ReclaimBatch, mm.Zone.FreePages);
        }
    }
}
