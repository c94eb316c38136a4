using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>
/// The model's operations one at a time, with no scheduler: what each refuses, what each records
/// on the free-page timeline and in the log, how the scenario's lock is taken, and whom direct
/// reclaim and an OOM kill wake.
/// </summary>
public sealed class MemoryModelTests
{
    private const long Pages = 4096;

    /// <summary>
    /// A zone of 4096 pages with min 256; a.out's memory consumer (pid 1) and file writer (pid 2),
    /// and whatever kernel threads the test adds; nothing running.
    /// </summary>
    internal static (MemoryModel Mm, MemoryConsumer Consumer, FileWriter Writer) Build(ReservePolicy policy, ReserveScenario scenario, params SimTask[] kernelThreads)
    {
        var process = new ModelProcess(1, "a.out");
        var consumer = new MemoryConsumer(1, process, 0, 0);
        var writer = new FileWriter(2, 0, process);
        process.AddThread(consumer);
        process.AddThread(writer);
        return (new MemoryModel(scenario, policy, [consumer, writer, .. kernelThreads], [process], process), consumer, writer);
    }

    // Takes pages into the task's anonymous memory, each of which the allocator must give, until the zone has at most free pages left.
    internal static void TakeAnonymousDownTo(MemoryModel mm, SimTask task, Gfp gfp, long now, long free)
    {
        while (mm.Zone.FreePages > free)
        {
            Assert.Equal(AllocOutcome.Success, mm.Allocate(task, gfp, now, out int page));
            mm.AddAnonymous(task, page);
        }
    }

    // Takes pages into the task's anonymous memory until the allocator gives none: the answer it gave last.
    internal static AllocOutcome FillWithAnonymous(MemoryModel mm, SimTask task, Gfp gfp, long now)
    {
        AllocOutcome outcome;
        while ((outcome = mm.Allocate(task, gfp, now, out int page)) == AllocOutcome.Success)
        {
            mm.AddAnonymous(task, page);
        }
        return outcome;
    }

    [Fact]
    public void The_model_refuses_a_missing_scenario_task_list_process_list_or_victim_by_name()
    {
        var scenario = new ReserveScenario();
        var process = new ModelProcess(1, "a.out");
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => new MemoryModel(null!, ReservePolicy.Favor, [], [process], process)).ParamName);
        Assert.Equal("tasks", Assert.Throws<ArgumentNullException>(() => new MemoryModel(scenario, ReservePolicy.Favor, null!, [process], process)).ParamName);
        Assert.Equal("processes", Assert.Throws<ArgumentNullException>(() => new MemoryModel(scenario, ReservePolicy.Favor, [], null!, process)).ParamName);
        Assert.Equal("victimProcess", Assert.Throws<ArgumentNullException>(() => new MemoryModel(scenario, ReservePolicy.Favor, [], [process], null!)).ParamName);
    }

    [Fact]
    public void Every_operation_on_a_task_refuses_a_missing_task_by_name()
    {
        (MemoryModel mm, _, _) = Build(ReservePolicy.Favor, new ReserveScenario());
        using (mm)
        {
            Action[] calls =
            [
                () => mm.Allocate(null!, Gfp.GFP_KERNEL, 0, out _),
                () => mm.SlowPathFlags(null!, Gfp.GFP_KERNEL),
                () => mm.AddAnonymous(null!, 0),
                () => mm.AddKernelPage(null!, 0),
                () => mm.FreeBuffer(null!, 0, 0),
                () => mm.FreeOldestAnonymous(null!, 0),
                () => mm.TryTakeHolderLock(null!),
                () => mm.TryTakeVictimLock(null!),
                () => mm.ReleaseScenarioLock(null!),
                () => mm.Warn(null!, "kmem_alloc", XfsRetryLoop.NofsMask, 100, 0),
                () => mm.ThreadExit(null!, 0),
            ];
            Assert.All(calls, call => Assert.Equal("task", Assert.Throws<ArgumentNullException>(call).ParamName));
            Assert.Equal("worker", Assert.Throws<ArgumentNullException>(() => mm.WriteBackThrough(null!, 0, 0)).ParamName);
            // Nothing was taken or freed on the way to the refusals.
            Assert.Equal(Pages, mm.Zone.FreePages);
            Assert.Null(mm.LockWriter);
        }
    }

    [Fact]
    public void A_kernel_thread_has_no_mm_to_hold_pages()
    {
        var worker = new WritebackWorker(9, holdsScenarioLock: false);
        (MemoryModel mm, _, _) = Build(ReservePolicy.Favor, new ReserveScenario(), worker);
        using (mm)
        {
            Assert.Equal("writeback is a kernel thread and has no mm.", Assert.Throws<InvalidOperationException>(() => mm.AddAnonymous(worker, 0)).Message);
            Assert.Equal("writeback is a kernel thread and has no mm.", Assert.Throws<InvalidOperationException>(() => mm.AddKernelPage(worker, 0)).Message);
            Assert.Equal("writeback is a kernel thread and has no mm.", Assert.Throws<InvalidOperationException>(() => mm.FreeOldestAnonymous(worker, 0)).Message);
        }
    }

    [Fact]
    public void Every_operation_that_takes_or_frees_a_page_records_free_pages_on_the_timeline()
    {
        var worker = new WritebackWorker(9, holdsScenarioLock: false);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Reaper, new ReserveScenario(), worker);
        using (mm)
        {
            // The timeline records at most one point per 100 ticks, so each operation gets a tick of its own.
            mm.Sample(0);
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 100, out int buffer));
            mm.FreeBuffer(consumer, buffer, 200);
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 300, out int page));
            mm.AddAnonymous(consumer, page);
            Assert.True(mm.FreeOldestAnonymous(consumer, 400));
            Assert.False(mm.FreeOldestAnonymous(consumer, 500));
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 600, out page));
            mm.AddAnonymous(consumer, page);
            Assert.True(mm.TryReap(consumer, 700));
            Assert.Equal(AllocOutcome.Success, mm.Allocate(worker, XfsRetryLoop.NofsMask, 800, out buffer));
            Assert.Equal(0, mm.WriteBackThrough(worker, buffer, 900));
            mm.ThreadExit(consumer, 1000);
            mm.ThreadExit(writer, 1000);

            // The look at tick 500 found nothing to free and recorded nothing; the last exit, at
            // 1000, freed nothing either, but the end of an mm is a look at the zone whatever it freed.
            (long, long)[] expected = [(0, Pages), (100, Pages - 1), (200, Pages), (300, Pages - 1), (400, Pages), (600, Pages - 1), (700, Pages), (800, Pages - 1), (900, Pages), (1000, Pages)];
            Assert.Equal(expected, mm.Timeline);
            Assert.Equal(0, mm.AccountedPages());
        }
    }

    [Fact]
    public void A_writeback_batch_cleans_up_to_the_scenarios_batch_and_frees_its_buffer()
    {
        var worker = new WritebackWorker(9, holdsScenarioLock: false);
        (MemoryModel mm, _, FileWriter writer) = Build(ReservePolicy.Favor, new ReserveScenario { WritebackBatch = 32 }, worker);
        using (mm)
        {
            for (int i = 0; i < 40; i++)
            {
                Assert.Equal(AllocOutcome.Success, mm.Allocate(writer, XfsRetryLoop.NofsMask, 0, out int page));
                mm.AddDirty(page, writer.Id, 0);
            }
            Assert.Equal(40, mm.DirtyPages);
            Assert.Equal(AllocOutcome.Success, mm.Allocate(worker, XfsRetryLoop.NofsMask, 1, out int buffer));
            Assert.Equal(32, mm.WriteBackThrough(worker, buffer, 1));
            Assert.Equal(8, mm.DirtyPages);
            Assert.Equal(32, mm.WrittenBack);
            Assert.Equal(1, mm.LastWriteback);
            // The buffer went back; the clean pages stay in the page cache until reclaim takes them.
            Assert.Equal(Pages - 40, mm.Zone.FreePages);
            Assert.Equal(40, mm.AccountedPages());
        }
    }

    [Fact]
    public void The_victim_takes_the_XFS_inode_lock_exclusively_and_a_refused_task_names_what_it_waits_for()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, new ReserveScenario { Lock = VictimLock.XfsInodeLock });
        using (mm)
        {
            // The holder has it and the victim waits; then the victim has it, taken for writing
            // (xfs_ilock with XFS_ILOCK_EXCL), and a second taker waits.
            Exclusive(writer, mm.TryTakeHolderLock, consumer, mm.TryTakeVictimLock);
            Exclusive(consumer, mm.TryTakeVictimLock, writer, mm.TryTakeVictimLock);
            Assert.Null(mm.LockWriter);
        }

        void Exclusive(SimTask owner, Func<SimTask, bool> take, SimTask refused, Func<SimTask, bool> tryToo)
        {
            Assert.True(take(owner));
            Assert.Null(owner.WaitingOn);
            Assert.Equal(owner, mm.LockWriter);
            Assert.False(tryToo(refused));
            Assert.Equal("the XFS inode lock", refused.WaitingOn);
            mm.ReleaseScenarioLock(owner);
        }
    }

    [Fact]
    public void The_victim_takes_mmap_sem_for_reading_as_exit_mm_does_so_readers_share_it_and_the_holder_waits()
    {
        ReserveScenario scenario = new() { Lock = VictimLock.MmapSem, LockHolder = LockHolder.DyingThread };
        var reader = new MemoryConsumer(3, new ModelProcess(3, "reader"), 0, 0);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, scenario);
        using (mm)
        {
            // 4.2 exit_mm: down_read(&mm->mmap_sem); readers share it, a writer waits for them all.
            Assert.True(mm.TryTakeVictimLock(consumer));
            Assert.True(mm.TryTakeVictimLock(reader));
            Assert.Null(mm.LockWriter);
            Assert.False(mm.TryTakeHolderLock(writer));
            Assert.Equal("mmap_sem", writer.WaitingOn);
            mm.ReleaseScenarioLock(consumer);
            mm.ReleaseScenarioLock(reader);
            Assert.True(mm.TryTakeHolderLock(writer));
            Assert.Equal(writer, mm.LockWriter);
            Assert.False(mm.TryTakeVictimLock(consumer));
            Assert.Equal("mmap_sem", consumer.WaitingOn);
        }
    }

    [Fact]
    public void The_last_thread_to_exit_logs_how_many_pages_its_mm_freed()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, new ReserveScenario());
        using (mm)
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 0, out int page));
                mm.AddAnonymous(consumer, page);
            }
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 0, out int kernelPage));
            mm.AddKernelPage(consumer, kernelPage);
            mm.ThreadExit(consumer, 5);
            Assert.Empty(mm.Events);
            mm.ThreadExit(writer, 7);
            Assert.Equal([new ReserveEvent(7, ReserveEvent.Exited, "a.out(1): the last thread exited, its mm freed 4 pages")], mm.Events);
            Assert.Equal(Pages, mm.Zone.FreePages);
        }
    }

    [Fact]
    public void Direct_reclaim_that_finds_only_dirty_pages_wakes_the_flusher_unless_it_is_inside_a_batch()
    {
        var idle = new WritebackWorker(8, holdsScenarioLock: false);
        var busy = new WritebackWorker(9, holdsScenarioLock: false);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, new ReserveScenario(), idle, busy);
        using (mm)
        {
            // Dirty page cache down to min: nothing clean for reclaim to take.
            while (mm.Allocate(writer, XfsRetryLoop.NofsMask, 0, out int page) == AllocOutcome.Success)
            {
                mm.AddDirty(page, writer.Id, 0);
            }
            // The busy worker starts a batch and loops for its buffer page.
            Assert.Equal(StepResult.Wait(mm.Scenario.CongestionWaitTicks), busy.Step(mm, 10));
            Assert.True(busy.InAllocation);
            idle.WakeAt = long.MaxValue;
            busy.WakeAt = long.MaxValue;

            // 4.2 do_try_to_free_pages: a pass that scanned the file LRU without freeing calls
            // wakeup_flusher_threads; the model does not disturb a flusher already inside a batch.
            Assert.Equal(AllocOutcome.Wait, mm.Allocate(consumer, Gfp.GFP_KERNEL, 20, out _));
            Assert.Equal(20, idle.WakeAt);
            Assert.Equal(long.MaxValue, busy.WakeAt);
        }
    }

    [Fact]
    public void An_OOM_kill_wakes_the_OOM_reaper()
    {
        var reaper = new OomReaper(9);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Reaper, new ReserveScenario(), reaper);
        using (mm)
        {
            reaper.WakeAt = long.MaxValue;
            writer.WakeAt = long.MaxValue;
            // Anonymous memory only: reclaim finds nothing, zone_reclaimable fails at once, and a
            // GFP_KERNEL allocation calls the OOM killer.
            Assert.Equal(AllocOutcome.RetryNow, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 30));
            Assert.Equal(consumer, mm.Victim);
            // 4.6 wake_oom_reaper, and the kill's SIGKILL wakes every thread of the victim.
            Assert.Equal(30, reaper.WakeAt);
            Assert.Equal(30, writer.WakeAt);
        }
    }
}
