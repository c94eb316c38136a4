using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Tests.Reserve.MemoryModelTests;
using static HwLab.PagePool.Zones.AllocFlags;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>The OOM killer's choice and marks, the reaper's work on the victim, and the kernel locks' refusals, through the model.</summary>
public sealed class OomKillerTests
{
    [Fact]
    public void The_killer_chooses_the_largest_process_signals_its_live_threads_and_marks_its_consumer()
    {
        // a.out's writer comes first in its thread list; a small daemon holds a few pages of its own.
        var aout = new ModelProcess(1, "a.out");
        var writer = new FileWriter(1, 0, aout);
        var consumer = new MemoryConsumer(2, aout, 0, 0);
        var gone = new FileWriter(3, 1, aout);
        aout.AddThread(writer);
        aout.AddThread(consumer);
        aout.AddThread(gone);
        var journald = new ModelProcess(4, "systemd-journal");
        var journal = new JournalDaemon(4, journald);
        journald.AddThread(journal);
        using var mm = new MemoryModel(new ReserveScenario(), ReservePolicy.Policy2015, [writer, consumer, gone, journal], [journald, aout], aout);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(AllocOutcome.Success, mm.Allocate(journal, Gfp.GFP_KERNEL, 0, out int page));
            mm.AddAnonymous(journal, page);
        }
        mm.ThreadExit(gone, 0);
        Assert.Equal(AllocOutcome.RetryNow, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 40));

        // oom_kill_process (4.2): SIGKILL to every thread sharing the mm, TIF_MEMDIE on one.
        Assert.Equal(consumer, mm.Victim);
        Assert.True(consumer.TifMemdie);
        Assert.False(writer.TifMemdie);
        Assert.True(writer.FatalSignalPending && consumer.FatalSignalPending);
        Assert.False(gone.FatalSignalPending || journal.FatalSignalPending);
        Assert.Equal((40L, 40L, 1), (mm.KilledAt, mm.FirstKill, mm.OomKills));
        Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_NO_WATERMARKS, mm.VictimReserveAccess);
        long rss = 4096 - 256 - 8;
        Assert.Equal(
            new ReserveEvent(40, ReserveEvent.OomKill, $"Out of memory: Killed process 1 (a.out) anon-rss:{rss * 4}kB; TIF_MEMDIE on memory_consumer; free 256 pages, min 256"),
            Assert.Single(mm.Events));
    }

    [Fact]
    public void No_second_kill_comes_while_the_marked_thread_lives_and_the_next_one_keeps_the_first_kills_tick()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, new ReserveScenario());
        using (mm)
        {
            var journal = new JournalDaemon(10, new ModelProcess(10, "systemd-journal"));
            journal.Process!.AddThread(journal);
            Assert.Equal(AllocOutcome.RetryNow, FillWithAnonymous(mm, writer, Gfp.GFP_KERNEL, 5));
            // select_bad_process aborts while a TIF_MEMDIE thread has not exited: the caller waits.
            Assert.Equal(AllocOutcome.Wait, mm.Allocate(journal, Gfp.GFP_KERNEL, 6, out _));
            Assert.Equal(1, mm.OomKills);

            mm.ThreadExit(consumer, 7);
            Assert.Equal("a.out(1) memory_consumer, the OOM victim, exited; its mm stays while other threads use it", mm.Events[^1].Text);
            // The writer, still using a.out's mm, is chosen and marked next.
            Assert.Equal(AllocOutcome.RetryNow, mm.Allocate(journal, Gfp.GFP_KERNEL, 8, out _));
            Assert.Equal(writer, mm.Victim);
            Assert.Equal((8L, 5L, 2), (mm.KilledAt, mm.FirstKill, mm.OomKills));
        }
    }

    // Under the reaper policy, a.out's consumer has filled the zone to min and been killed at tick 0.
    private static (MemoryModel Mm, MemoryConsumer Consumer, FileWriter Writer) KilledUnderReaper()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Reaper, new ReserveScenario());
        Assert.Equal(AllocOutcome.RetryNow, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 0));
        Assert.Equal(consumer, mm.Victim);
        return (mm, consumer, writer);
    }

    [Fact]
    public void A_reaped_process_is_no_candidate_and_with_none_left_the_allocation_waits()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = KilledUnderReaper();
        using (mm)
        {
            var worker = new WritebackWorker(9, holdsScenarioLock: false);
            Assert.True(mm.TryReap(consumer, 1));
            // 4.6: the reaped process has oom_score_adj at OOM_SCORE_ADJ_MIN; another look at it frees nothing more.
            Assert.True(mm.TryReap(consumer, 2));
            Assert.Equal(2, mm.ReapAttempts);
            Assert.Single(mm.Events, e => e.Kind == ReserveEvent.Reaped);
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, writer, Gfp.GFP_NOFS, 3));
            Assert.Equal(AllocOutcome.Wait, mm.Allocate(worker, Gfp.GFP_KERNEL, 4, out _));
            Assert.Equal(1, mm.OomKills);
        }
    }

    [Fact]
    public void The_reaper_finds_nothing_to_reap_once_the_victims_mm_is_gone_or_in_a_kernel_thread()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = KilledUnderReaper();
        using (mm)
        {
            var worker = new WritebackWorker(9, holdsScenarioLock: false);
            mm.ThreadExit(consumer, 1);
            mm.ThreadExit(writer, 1);
            Assert.True(mm.TryReap(consumer, 2));
            Assert.True(mm.TryReap(worker, 3));
            Assert.False(mm.Reaped);
            Assert.DoesNotContain(mm.Events, e => e.Kind == ReserveEvent.Reaped);
            mm.GiveUpReaping(worker, 4);
            Assert.True(mm.ReapGaveUp);
            Assert.Equal(new ReserveEvent(4, ReserveEvent.Reaped, "oom_reaper: unable to reap pid:? (kworker/u16:29) after 2 tries: mmap_sem is held for writing"), mm.Events[^1]);
        }
    }

    [Fact]
    public void The_reaper_takes_the_anonymous_memory_and_leaves_the_pages_of_the_exit_path_to_the_mm()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Reaper, new ReserveScenario());
        using (mm)
        {
            int[] pages = new int[5];
            for (int i = 0; i < pages.Length; i++)
            {
                Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 0, out pages[i]));
            }
            mm.AddAnonymous(consumer, pages[0]);
            mm.AddAnonymous(consumer, pages[1]);
            mm.AddAnonymous(consumer, pages[2]);
            mm.AddKernelPage(consumer, pages[3]);
            mm.AddKernelPage(consumer, pages[4]);
            // A daemon trimming its working set lets its oldest page go first.
            Assert.True(mm.FreeOldestAnonymous(consumer, 0));
            Assert.Equal(-1, mm.Zone.OwnerOf(pages[0]));
            Assert.Equal(consumer.Id, mm.Zone.OwnerOf(pages[1]));

            Assert.True(mm.TryReap(consumer, 1));
            Assert.Equal("oom_reaper: reaped process 1 (a.out), now anon-rss:0kB; 2 pages freed", mm.Events[^1].Text);
            Assert.Equal(2, mm.AccountedPages());
            Assert.False(mm.FreeOldestAnonymous(consumer, 2));
            mm.ThreadExit(consumer, 3);
            mm.ThreadExit(writer, 3);
            Assert.Equal("a.out(1): the last thread exited, its mm freed 2 pages", mm.Events[^1].Text);
            Assert.Equal(4096, mm.Zone.FreePages);
        }
    }

    [Fact]
    public void The_reaper_refuses_a_missing_victim_by_name()
    {
        (MemoryModel mm, _, _) = Build(ReservePolicy.Reaper, new ReserveScenario());
        using (mm)
        {
            Assert.Equal("victim", Assert.Throws<ArgumentNullException>(() => mm.TryReap(null!, 0)).ParamName);
            Assert.Equal("victim", Assert.Throws<ArgumentNullException>(() => mm.GiveUpReaping(null!, 0)).ParamName);
            Assert.Equal(0, mm.ReapAttempts);
            Assert.False(mm.ReapGaveUp);
        }
    }

    [Fact]
    public void The_reaper_refuses_a_page_that_no_thread_of_the_victim_allocated()
    {
        (MemoryModel mm, MemoryConsumer consumer, _) = Build(ReservePolicy.Reaper, new ReserveScenario());
        using (mm)
        {
            var worker = new WritebackWorker(9, holdsScenarioLock: false);
            Assert.Equal(AllocOutcome.Success, mm.Allocate(worker, Gfp.GFP_NOFS, 0, out int page));
            mm.AddAnonymous(consumer, page);
            Assert.Equal($"Page {page} of a.out is owned by 9, no thread of it.", Assert.Throws<InvalidOperationException>(() => mm.TryReap(consumer, 1)).Message);
        }
    }

    [Theory]
    [InlineData(VictimLock.XfsInodeLock, "the XFS inode lock")]
    [InlineData(VictimLock.MmapSem, "mmap_sem")]
    public void A_kernel_lock_is_released_only_by_its_holder_and_no_thread_exits_holding_one(VictimLock victimLock, string name)
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, new ReserveScenario { Lock = victimLock, LockHolder = LockHolder.DyingThread });
        using (mm)
        {
            Assert.Equal($"file_writer/0 releases {name}, which it does not hold.", Assert.Throws<InvalidOperationException>(() => mm.ReleaseScenarioLock(writer)).Message);
            Assert.True(mm.TryTakeVictimLock(consumer));
            Assert.Equal($"memory_consumer exits holding {name}.", Assert.Throws<InvalidOperationException>(() => mm.ThreadExit(consumer, 0)).Message);
            mm.ReleaseScenarioLock(consumer);
            Assert.True(mm.TryTakeHolderLock(writer));
            Assert.Equal($"file_writer/0 exits holding {name}.", Assert.Throws<InvalidOperationException>(() => mm.ThreadExit(writer, 0)).Message);
            Assert.False(writer.Exited || consumer.Exited);
        }
    }

    [Fact]
    public void A_writer_that_waits_for_mmap_sem_keeps_its_place_ahead_of_later_comers_and_leaves_the_queue_when_it_exits()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Favor, new ReserveScenario());
        using (mm)
        {
            var journal = new JournalDaemon(10, mm.VictimProcess);
            KernelRwSemaphore sem = mm.VictimProcess.MmapSem;
            Assert.True(sem.TryDownRead(consumer));
            Assert.True(sem.HeldBy(consumer));
            Assert.False(sem.TryDownWrite(writer));
            Assert.False(sem.HeldBy(writer));
            // A reader that comes after a waiting writer queues behind it, and down_read_trylock fails.
            Assert.False(sem.TryDownRead(journal));
            Assert.False(sem.CanDownReadTrylock());
            sem.Release(consumer);
            Assert.False(sem.TryDownWrite(journal));
            Assert.True(sem.TryDownWrite(writer));
            Assert.Equal(writer, sem.Writer);
            Assert.True(sem.HeldBy(writer));
            // A reader refused while the writer holds it queues too, behind the journal.
            Assert.False(sem.TryDownRead(consumer));
            sem.Release(writer);
            Assert.Null(sem.Writer);
            Assert.True(sem.TryDownRead(journal));
            Assert.False(sem.TryDownWrite(writer));
            sem.Release(journal);
            // The consumer came before the writer's second wait, so the writer waits for it.
            Assert.False(sem.TryDownWrite(writer));
            Assert.True(sem.TryDownRead(consumer));
            sem.Release(consumer);
            Assert.False(sem.CanDownReadTrylock());
            // A waiter that exits leaves the queue.
            sem.Forget(writer);
            Assert.True(sem.CanDownReadTrylock());
        }
    }
}
