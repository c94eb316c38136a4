using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;
using static HwLab.PagePool.Tests.Reserve.MemoryModelTests;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>The page allocator's passes through the model: what it counts per task, and direct reclaim of clean page cache.</summary>
public sealed class PageAllocatorTests
{
    // A model whose page cache holds 64 clean pages of a.out's writer: written, then cleaned by two writeback batches.
    internal static (MemoryModel Mm, MemoryConsumer Consumer, FileWriter Writer) WithCleanPageCache(ReservePolicy policy)
    {
        var worker = new WritebackWorker(9, holdsScenarioLock: false);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(policy, new ReserveScenario(), worker);
        for (int i = 0; i < 64; i++)
        {
            Assert.Equal(AllocOutcome.Success, mm.Allocate(writer, Gfp.GFP_KERNEL, 0, out int page));
            mm.AddDirty(page, writer.Id, 0);
        }
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(AllocOutcome.Success, mm.Allocate(worker, XfsRetryLoop.NofsMask, 0, out int buffer));
            Assert.Equal(32, mm.WriteBackThrough(worker, buffer, 0));
        }
        return (mm, consumer, writer);
    }

    // A model whose page cache holds one dirty page, page 0, of a.out's writer; the flusher is not yet run.
    internal static (MemoryModel Mm, MemoryConsumer Consumer, FileWriter Writer, WritebackWorker Worker) WithPage0Dirty(ReservePolicy policy, bool holdsScenarioLock)
    {
        var worker = new WritebackWorker(9, holdsScenarioLock);
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(policy, new ReserveScenario(), worker);
        Assert.Equal(AllocOutcome.Success, mm.Allocate(writer, Gfp.GFP_KERNEL, 0, out int page));
        Assert.Equal(0, page);
        mm.AddDirty(page, writer.Id, 0);
        return (mm, consumer, writer, worker);
    }

    [Fact]
    public void The_allocator_counts_the_passes_an_allocation_makes_without_a_page_until_it_gets_one()
    {
        (MemoryModel mm, MemoryConsumer consumer, _) = Build(ReservePolicy.Policy2015, new ReserveScenario());
        using (mm)
        {
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_NOFS, 0, out int first));
            mm.AddAnonymous(consumer, first);
            // The fast path at the low watermark served it: no slow path yet.
            Assert.Null(consumer.Allocations.LastSlowPathFlags);
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, Gfp.GFP_NOFS, 0));
            Assert.Equal(AllocOutcome.Wait, mm.Allocate(consumer, Gfp.GFP_NOFS, 1, out _));
            AllocationStats stats = consumer.Allocations;
            Assert.Equal(AllocFlags.ALLOC_WMARK_MIN | AllocFlags.ALLOC_CPUSET, stats.LastSlowPathFlags);
            Assert.Equal((2L, 2L, 0L, 0L), (stats.PassesWithoutPage, stats.CurrentPassesWithoutPage, stats.Failures, stats.PagesBelowMin));

            Assert.True(mm.FreeOldestAnonymous(consumer, 2));
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_NOFS, 3, out _));
            Assert.Equal((2L, 0L), (stats.PassesWithoutPage, stats.CurrentPassesWithoutPage));
        }
    }

    [Fact]
    public void Direct_reclaim_frees_clean_page_cache_a_batch_at_a_time_and_each_batch_serves_the_allocation_above_min()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = WithCleanPageCache(ReservePolicy.Policy2015);
        using (mm)
        {
            // Each time the zone reaches min, reclaim frees 32 clean pages and the allocation takes one of them.
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, Gfp.GFP_NOFS, 0));
            Assert.Equal(256, mm.Zone.FreePages);
            Assert.Equal(consumer.Process!.RssLocked, mm.AccountedPages());
            // Only the last pass, with nothing left to reclaim, went without a page, and none came from below min.
            Assert.Equal((1L, 0L), (consumer.Allocations.PassesWithoutPage, consumer.Allocations.PagesBelowMin));
        }
    }

    [Fact]
    public void Reclaim_that_leaves_the_zone_under_min_has_the_allocation_try_again_at_once()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = WithCleanPageCache(ReservePolicy.Policy2015);
        using (mm)
        {
            consumer.TifMemdie = true;
            Assert.Equal(AllocOutcome.Failed, FillWithAnonymous(mm, consumer, Gfp.GFP_KERNEL, 0));
            // An ordinary caller reclaims 32 clean pages, still short of min: it goes round again.
            Assert.Equal(AllocOutcome.RetryNow, mm.Allocate(writer, Gfp.GFP_KERNEL, 1, out _));
            Assert.Equal(PageAllocator.ReclaimBatch, mm.Zone.FreePages);
            Assert.Equal((1L, 0L), (writer.Allocations.PassesWithoutPage, writer.Allocations.Failures));
        }
    }

    [Theory]
    [InlineData(ReservePolicy.Policy2015, AllocOutcome.Failed, 64)]
    [InlineData(ReservePolicy.Reaper, AllocOutcome.Success, 64 - PageAllocator.ReclaimBatch)]
    public void A_marked_thread_with_nothing_left_to_it_gives_up_before_reclaim_in_4_2_and_reclaims_in_4_15(ReservePolicy policy, AllocOutcome last, long clean)
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = WithCleanPageCache(policy);
        using (mm)
        {
            consumer.TifMemdie = true;
            // 4.2: ALLOC_NO_WATERMARKS empties the zone; 4.15: ALLOC_OOM stops at half of min.
            long floor = policy == ReservePolicy.Reaper ? 128 : 0;
            TakeAnonymousDownTo(mm, consumer, Gfp.GFP_KERNEL, 0, floor);
            Assert.Equal(last, mm.Allocate(consumer, Gfp.GFP_KERNEL, 1, out _));
            Assert.Equal(clean, mm.AccountedPages() - consumer.Process!.RssLocked);
        }
    }

    [Fact]
    public void An_allocation_at_the_low_watermark_takes_the_slow_path_and_a_marked_thread_takes_one_page_there_not_two()
    {
        (MemoryModel mm, MemoryConsumer consumer, _) = Build(ReservePolicy.Policy2015, new ReserveScenario());
        using (mm)
        {
            long low = mm.Zone.Watermarks.Low;
            // The zone hands out page 0 first.
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_NOFS, 0, out int first));
            Assert.Equal(0, first);
            mm.AddAnonymous(consumer, first);
            TakeAnonymousDownTo(mm, consumer, Gfp.GFP_NOFS, 0, low);
            // Above low the fast path served every page.
            Assert.Null(consumer.Allocations.LastSlowPathFlags);
            // At low it fails (the check is strict) and the slow path's try at min serves the page.
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_NOFS, 0, out int atLow));
            mm.AddAnonymous(consumer, atLow);
            Assert.Equal(AllocFlags.ALLOC_WMARK_MIN | AllocFlags.ALLOC_CPUSET, consumer.Allocations.LastSlowPathFlags);

            // Page 0 goes back on top of the free list, which stands at low again. A marked thread
            // may go past the watermarks, but only when the try at min fails: here page 0 is enough.
            Assert.True(mm.FreeOldestAnonymous(consumer, 1));
            Assert.Equal(low, mm.Zone.FreePages);
            consumer.TifMemdie = true;
            Assert.Equal(AllocOutcome.Success, mm.Allocate(consumer, Gfp.GFP_KERNEL, 1, out int marked));
            Assert.Equal(0, marked);
            Assert.Equal(low - 1, mm.Zone.FreePages);
            Assert.Equal(0L, consumer.Allocations.PagesBelowMin);
        }
    }

    [Fact]
    public void A_page_that_reclaim_frees_serves_the_allocation_even_when_it_is_page_0()
    {
        (MemoryModel mm, MemoryConsumer consumer, _, WritebackWorker worker) = WithPage0Dirty(ReservePolicy.Policy2015, holdsScenarioLock: false);
        using (mm)
        {
            // The page cache's one clean page is page 0.
            Assert.Equal(AllocOutcome.Success, mm.Allocate(worker, XfsRetryLoop.NofsMask, 0, out int buffer));
            Assert.Equal(1, mm.WriteBackThrough(worker, buffer, 0));

            // At min, reclaim frees page 0 and the try after it takes page 0 for the consumer; the
            // next time at min there is nothing to reclaim.
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, Gfp.GFP_NOFS, 1));
            Assert.Equal(consumer.Id, mm.Zone.OwnerOf(0));
            Assert.Equal(consumer.Process!.RssLocked, mm.AccountedPages());
            Assert.Equal(1L, consumer.Allocations.PassesWithoutPage);
        }
    }

    [Fact]
    public void The_try_after_reclaim_keeps_the_callers_own_watermark()
    {
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = WithCleanPageCache(ReservePolicy.Policy2015);
        using (mm)
        {
            long min = mm.Zone.Watermarks.Min;
            // A marked thread takes the zone down to a batch under min, past the watermarks.
            consumer.TifMemdie = true;
            TakeAnonymousDownTo(mm, consumer, Gfp.GFP_KERNEL, 0, min - PageAllocator.ReclaimBatch);
            // An ordinary caller's reclaim brings it back to min, which its check at min does not
            // pass: no reserve the caller's flags do not give it (ALLOC_HIGH, ALLOC_HARDER, ALLOC_OOM).
            Assert.Equal(AllocOutcome.RetryNow, mm.Allocate(writer, Gfp.GFP_KERNEL, 1, out _));
            Assert.Equal(min, mm.Zone.FreePages);
        }
    }

    [Fact]
    public void Reclaim_that_scanned_no_dirty_page_leaves_the_flusher_asleep_and_one_that_did_wakes_it()
    {
        var worker = new WritebackWorker(9, holdsScenarioLock: false) { WakeAt = long.MaxValue };
        (MemoryModel mm, MemoryConsumer consumer, FileWriter writer) = Build(ReservePolicy.Policy2015, new ReserveScenario(), worker);
        using (mm)
        {
            // No page cache at all: nothing for the flusher to write.
            Assert.Equal(AllocOutcome.Wait, FillWithAnonymous(mm, consumer, Gfp.GFP_NOFS, 5));
            Assert.Equal(long.MaxValue, worker.WakeAt);

            // A dirty page: the fruitless pass wakes the flusher at once.
            Assert.True(mm.FreeOldestAnonymous(consumer, 6));
            Assert.Equal(AllocOutcome.Success, mm.Allocate(writer, Gfp.GFP_KERNEL, 6, out int page));
            mm.AddDirty(page, writer.Id, 6);
            Assert.Equal(AllocOutcome.Wait, mm.Allocate(consumer, Gfp.GFP_NOFS, 7, out _));
            Assert.Equal(7, worker.WakeAt);
        }
    }
}
