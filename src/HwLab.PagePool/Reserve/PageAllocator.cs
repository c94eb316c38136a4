using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The page allocator over the scenario's <see cref="Zone"/>: the fast path at the low watermark,
/// the slow path at min with the policy's reserve boosts, direct reclaim of clean page cache, the
/// OOM killer for __GFP_FS allocations, and the 2015 rule that an allocation without __GFP_FS
/// keeps looping.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock.</remarks>
internal sealed class PageAllocator(Zone zone, ReservePolicy policy, PageCache pageCache, OomKiller oomKiller)
{
    /// <summary>SWAP_CLUSTER_MAX: pages direct reclaim tries to free per pass.</summary>
    public const int ReclaimBatch = 32;

    /// <summary>One pass through the page allocator for <paramref name="task"/>.</summary>
    public AllocOutcome Allocate(SimTask task, Gfp gfp, long now, out int page)
    {
        // Fast path: the low watermark.
        page = zone.TryAllocate(AllocFlags.ALLOC_WMARK_LOW, task.Id);
        if (page >= 0)
        {
            return AllocOutcome.Success;
        }

        // Slow path: min, with whatever the gfp mask and the policy allow into the reserve.
        AllocFlags flags = ZoneWatermark.gfp_to_alloc_flags(gfp) | Boost(task);
        page = zone.TryAllocate(flags, task.Id);
        if (page >= 0)
        {
            return AllocOutcome.Success;
        }

        if ((gfp & Gfp.__GFP_DIRECT_RECLAIM) != 0 && pageCache.ReclaimClean(ReclaimBatch) > 0)
        {
            page = zone.TryAllocate(flags, task.Id);
            return page >= 0 ? AllocOutcome.Success : AllocOutcome.RetryNow;
        }

        if ((gfp & Gfp.__GFP_FS) == 0)
        {
            // The OOM killer does not compensate for IO-less reclaim: keep looping as per tradition.
            return AllocOutcome.Wait;
        }
        return oomKiller.OutOfMemory(now) ? AllocOutcome.RetryNow : AllocOutcome.Wait;
    }

    // The policy's reserve access on top of the gfp mask's.
    private AllocFlags Boost(SimTask task) => policy switch
    {
        ReservePolicy.Favor when task.IsKernelThread || task.FatalSignalPending => AllocFlags.ALLOC_HIGH,
        ReservePolicy.Reaper when task.IsOomVictim => AllocFlags.ALLOC_OOM,
        _ => 0,
    };
}
