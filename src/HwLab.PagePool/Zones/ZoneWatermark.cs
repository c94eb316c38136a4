namespace HwLab.PagePool.Zones;

/// <summary>The watermark check and the gfp translation of mm/page_alloc.c, as pure functions.</summary>
public static class ZoneWatermark
{
    /// <summary>
    /// __zone_watermark_ok (4.14): whether a zone with <paramref name="freePages"/> free may hand out
    /// a block of 2^<paramref name="order"/> pages against <paramref name="mark"/> under
    /// <paramref name="allocFlags"/>. ALLOC_HIGH takes half of min; then ALLOC_OOM a further half, or
    /// ALLOC_HARDER a further quarter; callers with neither also leave the high-atomic reserve alone.
    /// The check is strict: free pages equal to the adjusted min fail it.
    /// </summary>
    public static bool __zone_watermark_ok(long freePages, int order, long mark, AllocFlags allocFlags, long nrReservedHighatomic = 0)
    {
        long min = EffectiveMin(mark, allocFlags);
        bool allocHarder = (allocFlags & (AllocFlags.ALLOC_HARDER | AllocFlags.ALLOC_OOM)) != 0;

        // free_pages may go negative - that's OK
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
            // OOM victims can try even harder than normal ALLOC_HARDER users on the grounds that it's
            // definitely going to be in the exit path shortly and free memory.
            min -= min / 2;
        }
        else if ((allocFlags & AllocFlags.ALLOC_HARDER) != 0)
        {
            min -= min / 4;
        }
        return min;
    }

    /// <summary>gfp_to_alloc_flags: the slow path's flags for a gfp mask (the min watermark; __GFP_HIGH and __GFP_ATOMIC into the reserve).</summary>
    public static AllocFlags gfp_to_alloc_flags(Gfp gfpMask)
    {
        AllocFlags flags = AllocFlags.ALLOC_WMARK_MIN | AllocFlags.ALLOC_CPUSET;
        if ((gfpMask & Gfp.__GFP_HIGH) != 0)
        {
            flags |= AllocFlags.ALLOC_HIGH;
        }
        if ((gfpMask & Gfp.__GFP_ATOMIC) != 0)
        {
            flags |= AllocFlags.ALLOC_HARDER;
        }
        return flags;
    }
}
