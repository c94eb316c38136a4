namespace HwLab.PagePool.Zones;

/// <summary>The watermark check and the gfp translation of mm/page_alloc.c, as pure functions.</summary>
public static class ZoneWatermark
{
    /// <summary>
    /// __zone_watermark_ok as 4.15 has it (mm/page_alloc.c): whether a zone with
    /// <paramref name="freePages"/> free may hand out a block of 2^<paramref name="order"/> pages
    /// against <paramref name="mark"/> under <paramref name="allocFlags"/>. ALLOC_HIGH takes half of
    /// min; then ALLOC_OOM a further half, or ALLOC_HARDER a further quarter; callers with neither
    /// also leave the high-atomic reserve alone. The check is strict: free pages equal to the
    /// adjusted min fail it. For the flags 4.2 can produce (no ALLOC_OOM) and no high-atomic reserve
    /// (4.2 has none) this is 4.2's check too: there ALLOC_HIGH halves min and ALLOC_HARDER takes a
    /// quarter of the rest, and free pages at or under the result fail.
    /// </summary>
    public static bool __zone_watermark_ok(long freePages, int order, long mark, AllocFlags allocFlags, long nrReservedHighatomic = 0)
    {
        long min = EffectiveMin(mark, allocFlags);
        bool allocHarder = (allocFlags & (AllocFlags.ALLOC_HARDER | AllocFlags.ALLOC_OOM)) != 0;

        // The pages beyond the first of a higher-order block must be free too; the count may go below zero.
        freePages -= (1L << order) - 1;
        if (!allocHarder)
        {
            freePages -= nrReservedHighatomic;
        }
        return freePages > min;
    }

    /// <summary>The min the check compares against once the flags have taken their share of the reserve.</summary>
    public static long EffectiveMin(long mark, AllocFlags allocFlags)
    {
        long min = mark;
        if ((allocFlags & AllocFlags.ALLOC_HIGH) != 0)
        {
            min -= min / 2;
        }
        if ((allocFlags & AllocFlags.ALLOC_OOM) != 0)
        {
            // An OOM victim is on its way out and will free memory; 4.15 lets it take half of what is left.
            min -= min / 2;
        }
        else if ((allocFlags & AllocFlags.ALLOC_HARDER) != 0)
        {
            min -= min / 4;
        }
        return min;
    }

    /// <summary>
    /// 4.2's gfp_to_alloc_flags (mm/page_alloc.c), the part that depends on the gfp mask alone: the
    /// min watermark and the cpuset check; __GFP_HIGH becomes ALLOC_HIGH (the same bit); a caller
    /// that may neither sleep nor ask kswapd off (no __GFP_WAIT, no __GFP_NO_KSWAPD: "atomic") gets
    /// ALLOC_HARDER and skips the cpuset check. What depends on the task (TIF_MEMDIE, PF_MEMALLOC, a
    /// real-time task) is the allocator's to add: see the reserve model's page allocator.
    /// </summary>
    public static AllocFlags gfp_to_alloc_flags(Gfp gfpMask)
    {
        AllocFlags flags = AllocFlags.ALLOC_WMARK_MIN | AllocFlags.ALLOC_CPUSET;
        if ((gfpMask & Gfp.__GFP_HIGH) != 0)
        {
            flags |= AllocFlags.ALLOC_HIGH;
        }
        if (IsAtomic(gfpMask))
        {
            flags |= AllocFlags.ALLOC_HARDER;
            flags &= ~AllocFlags.ALLOC_CPUSET;
        }
        return flags;
    }

    /// <summary>4.2's "atomic": neither __GFP_WAIT nor __GFP_NO_KSWAPD (gfp_to_alloc_flags).</summary>
    public static bool IsAtomic(Gfp gfpMask) => (gfpMask & (Gfp.__GFP_WAIT | Gfp.__GFP_NO_KSWAPD)) == 0;
}
