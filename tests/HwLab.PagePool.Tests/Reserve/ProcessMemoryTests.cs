using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Zones.AllocFlags;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>The pieces of the model one at a time: an mm shared by threads, the allocator's reserve access per policy, the OOM reaper.</summary>
public sealed class ProcessMemoryTests
{
    // A zone of 4096 pages with min 256, a process of two threads, nothing running.
    private static (MemoryModel Mm, MemoryConsumer Consumer, FileWriter Writer) Quiet(ReservePolicy policy) => MemoryModelTests.Build(policy, new ReserveScenario());

    [Fact]
    public void The_memory_goes_back_only_when_every_thread_sharing_the_mm_has_exited()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Quiet(ReservePolicy.Policy2015);
        using (mm)
        {
            for (int i = 0; i < 100; i++)
            {
                Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 0, out int page));
                mm.AddAnonymous(consumer, page);
            }
            long free = mm.Zone.FreePages;
            mm.ThreadExit(consumer, 1);
            Assert.Equal(free, mm.Zone.FreePages);
            Assert.False(mm.VictimProcess.MmFreed);
            mm.ThreadExit(writer, 2);
            Assert.Equal(free + 100, mm.Zone.FreePages);
            Assert.True(mm.VictimProcess.MmFreed);
            Assert.Empty(mm.Zone.CheckInvariants());
        }
    }

    [Fact]
    public void ALLOC_OOM_reaches_half_of_min_and_does_not_stack_with___GFP_HIGH()
    {
        (MemoryModel mm, MemoryConsumer victim, _) = Quiet(ReservePolicy.Reaper);
        using (mm)
        {
            victim.TifMemdie = true;
            // 4.15: the reserve flags replace the caller's, so __GFP_HIGH's ALLOC_HIGH is gone.
            Assert.Equal(ALLOC_OOM, mm.SlowPathFlags(victim, Gfp.GFP_KERNEL | Gfp.__GFP_HIGH));
            AllocOutcome outcome;
            while ((outcome = mm.Allocate(victim, Gfp.GFP_KERNEL | Gfp.__GFP_HIGH, 0, out _)) == AllocOutcome.Success)
            {
            }
            // An OOM victim that ALLOC_OOM cannot serve gives up rather than loop.
            Assert.Equal(AllocOutcome.Failed, outcome);
            long min = mm.Zone.Watermarks.Min;
            Assert.Equal(min - (min / 2), mm.Zone.FreePages);
            // Stacked, the two would have reached a quarter of min.
            Assert.Equal(min / 4, ZoneWatermark.EffectiveMin(min, ALLOC_HIGH | ALLOC_OOM));
        }
    }

    [Fact]
    public void In_4_2_the_marked_thread_ignores_the_watermarks_and_can_empty_the_zone()
    {
        (MemoryModel mm, MemoryConsumer victim, _) = Quiet(ReservePolicy.Policy2015);
        using (mm)
        {
            victim.TifMemdie = true;
            Assert.Equal(ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_NO_WATERMARKS, mm.SlowPathFlags(victim, Gfp.GFP_KERNEL));
            while (mm.Allocate(victim, Gfp.GFP_KERNEL, 0, out _) == AllocOutcome.Success)
            {
            }
            Assert.Equal(0, mm.Zone.FreePages);
        }
    }

    [Theory]
    [InlineData(ReservePolicy.Policy2015, false, false, ALLOC_WMARK_MIN | ALLOC_CPUSET)]
    [InlineData(ReservePolicy.Favor, false, false, ALLOC_WMARK_MIN | ALLOC_CPUSET)]
    [InlineData(ReservePolicy.Favor, true, false, ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_HIGH)]
    [InlineData(ReservePolicy.Favor, false, true, ALLOC_WMARK_MIN | ALLOC_CPUSET | ALLOC_HIGH)]
    [InlineData(ReservePolicy.Reaper, true, true, ALLOC_WMARK_MIN | ALLOC_CPUSET)]
    public void The_2015_proposal_gives_ALLOC_HIGH_to_kernel_threads_and_dying_tasks(ReservePolicy policy, bool kernelThread, bool dying, AllocFlags expected)
    {
        (MemoryModel mm, _, FileWriter writer) = Quiet(policy);
        using (mm)
        {
            SimTask task = kernelThread ? new WritebackWorker(9, holdsScenarioLock: false) : writer;
            task.FatalSignalPending = dying;
            Assert.Equal(expected, mm.SlowPathFlags(task, Gfp.GFP_NOFS));
            // An atomic allocation is left out of the proposal (it has ALLOC_HARDER already).
            Assert.Equal(ALLOC_WMARK_MIN | ALLOC_HIGH | ALLOC_HARDER, mm.SlowPathFlags(task, Gfp.GFP_ATOMIC));
        }
    }

    [Fact]
    public void The_reaper_cannot_take_mmap_sem_while_a_writer_holds_it_or_waits_for_it()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Quiet(ReservePolicy.Reaper);
        using (mm)
        {
            KernelRwSemaphore mmapSem = mm.VictimProcess.MmapSem;
            Assert.True(mmapSem.TryDownRead(consumer));
            Assert.True(mmapSem.CanDownReadTrylock());
            // A writer that has to wait keeps its place; readers that come later queue behind it.
            Assert.False(mmapSem.TryDownWrite(writer));
            Assert.False(mmapSem.CanDownReadTrylock());
            mmapSem.Release(consumer);
            Assert.False(mmapSem.TryDownRead(consumer));
            Assert.True(mmapSem.TryDownWrite(writer));
            Assert.False(mmapSem.CanDownReadTrylock());
            mmapSem.Release(writer);
            Assert.True(mmapSem.TryDownRead(consumer));
            mmapSem.Release(consumer);
        }
    }
}
