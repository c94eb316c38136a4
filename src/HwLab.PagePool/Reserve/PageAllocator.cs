using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The page allocator over the scenario's <see cref="Zone"/>, order-0 pages only: 4.2's fast path
/// at the low watermark and __alloc_pages_slowpath (mm/page_alloc.c) with the policy's reserve
/// access, direct reclaim of clean page cache with 4.2's notion of progress (zone_reclaimable), the
/// OOM killer for __GFP_FS callers, and for the rest 4.2's endless loop or, under the "GFP_NOFS can
/// fail" switch, a failure handed back.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock.</remarks>
internal sealed class PageAllocator(Zone zone, ReserveScenario scenario, ReservePolicy policy, PageCache pageCache, OomKiller oomKiller, Action<long, long> kickFlusher)
{
    /// <summary>SWAP_CLUSTER_MAX: pages direct reclaim tries to free per pass.</summary>
    public const int ReclaimBatch = 32;

    /// <summary>One pass through the page allocator for <paramref name="task"/>.</summary>
    public AllocOutcome Allocate(SimTask task, Gfp gfp, long now, out int page)
    {
        // __alloc_pages_nodemask (4.2): the first attempt is at the low watermark.
        page = zone.TryAllocate(AllocFlags.ALLOC_WMARK_LOW | AllocFlags.ALLOC_CPUSET, task.Id);
        if (page >= 0)
        {
            return Got(task, belowMin: false);
        }

        // __alloc_pages_slowpath (4.2): the flags for this caller, then a try at them without
        // ALLOC_NO_WATERMARKS, then one past the watermarks if the flags allow it.
        AllocFlags flags = SlowPathFlags(task, gfp);
        task.Allocations.LastSlowPathFlags = flags;
        bool belowMin = zone.FreePages <= zone.Watermarks.Min;
        page = zone.TryAllocate(flags & ~AllocFlags.ALLOC_NO_WATERMARKS, task.Id);
        if (page < 0 && (flags & AllocFlags.ALLOC_NO_WATERMARKS) != 0)
        {
            page = zone.TryAllocate(AllocFlags.ALLOC_NO_WATERMARKS, task.Id);
        }
        if (page >= 0)
        {
            return Got(task, belowMin);
        }

        // 4.2: a TIF_MEMDIE caller that got nothing even past the watermarks gives up before reclaim.
        if (task.TifMemdie && policy != ReservePolicy.Reaper)
        {
            return Fail(task);
        }

        // Direct reclaim (__alloc_pages_direct_reclaim, 4.2): free clean page cache, then try again.
        int reclaimed = pageCache.ReclaimClean(ReclaimBatch);
        if (reclaimed > 0)
        {
            page = zone.TryAllocate(flags & ~AllocFlags.ALLOC_NO_WATERMARKS, task.Id);
            return page >= 0 ? Got(task, belowMin: false) : NoPage(task, AllocOutcome.RetryNow);
        }

        // 4.15: an OOM victim with ALLOC_OOM that reclaim did not help gives up rather than loop.
        if (task.TifMemdie)
        {
            return Fail(task);
        }

        // Nothing reclaimed: the pass scanned the file LRU without freeing a page, and woke the
        // flusher for what it scanned (do_try_to_free_pages, mm/vmscan.c 4.2). The kernel's priority
        // loop, lru >> 12 + ... + lru >> 0, scans up to about twice the LRU; the model counts it once,
        // so six fruitless passes, not three, exhaust zone_reclaimable.
        long lru = pageCache.Pages;
        zone.NoteScanned(lru);
        if (pageCache.DirtyPages > 0)
        {
            kickFlusher(lru, now);
        }

        // 4.2 reports progress while zone_reclaimable holds, and the allocator waits
        // (wait_iff_congested, HZ/50) and retries rather than call the OOM killer.
        if (zone.Reclaimable(lru))
        {
            return NoPage(task, AllocOutcome.Wait);
        }

        // __alloc_pages_may_oom (4.2): no OOM killer for an allocation without __GFP_FS. Stock 4.2
        // sets did_some_progress anyway and the allocation loops ("keep looping as per tradition");
        // the seed's debug kernel drops that line, so the allocation fails.
        if ((gfp & Gfp.__GFP_FS) == 0)
        {
            return scenario.NofsCanFail ? Fail(task) : NoPage(task, AllocOutcome.Wait);
        }
        return NoPage(task, oomKiller.OutOfMemory(task, now) ? AllocOutcome.RetryNow : AllocOutcome.Wait);
    }

    /// <summary>
    /// The slow path's flags for <paramref name="task"/>: 4.2's gfp_to_alloc_flags under 2015, the
    /// 2015 proposal under favor, 4.15's ALLOC_OOM for the marked victim under reaper.
    /// </summary>
    public AllocFlags SlowPathFlags(SimTask task, Gfp gfp)
    {
        AllocFlags flags = ZoneWatermark.gfp_to_alloc_flags(gfp);
        switch (policy)
        {
            case ReservePolicy.Reaper when task.TifMemdie:
                // 4.15 __alloc_pages_slowpath: the reserve flags (__gfp_pfmemalloc_flags, ALLOC_OOM for an
                // OOM victim) replace the caller's flags, so __GFP_HIGH adds nothing on top.
                return AllocFlags.ALLOC_OOM;
            case ReservePolicy.Reaper:
                return flags;
            default:
                // 4.2 gfp_to_alloc_flags: a TIF_MEMDIE thread (outside interrupts) may ignore the watermarks.
                if (task.TifMemdie)
                {
                    return flags | AllocFlags.ALLOC_NO_WATERMARKS;
                }
                // The 2015 proposal, after the TIF_MEMDIE branch: a non-atomic allocation by a kernel
                // thread or by a task with a fatal signal pending gets ALLOC_HIGH.
                if (policy == ReservePolicy.Favor && !ZoneWatermark.IsAtomic(gfp) && (task.IsKernelThread || task.FatalSignalPending))
                {
                    return flags | AllocFlags.ALLOC_HIGH;
                }
                return flags;
        }
    }

    // belowMin: free pages stood at or below min when the page was taken, which only reserve access allows.
    private static AllocOutcome Got(SimTask task, bool belowMin)
    {
        task.Allocations.CurrentPassesWithoutPage = 0;
        if (belowMin)
        {
            task.Allocations.PagesBelowMin++;
        }
        return AllocOutcome.Success;
    }

    private static AllocOutcome NoPage(SimTask task, AllocOutcome outcome)
    {
        task.Allocations.PassesWithoutPage++;
        task.Allocations.CurrentPassesWithoutPage++;
        return outcome;
    }

    private static AllocOutcome Fail(SimTask task)
    {
        task.Allocations.Failures++;
        return NoPage(task, AllocOutcome.Failed);
    }
}
