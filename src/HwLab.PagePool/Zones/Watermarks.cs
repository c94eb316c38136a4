namespace HwLab.PagePool.Zones;

/// <summary>
/// A zone's min, low and high watermarks in pages, by the kernel's formula since 4.6
/// (__setup_per_zone_wmarks): min from min_free_kbytes; low and high a step above it, the step
/// being the larger of min/4 and managed_pages * watermark_scale_factor / 10000.
/// </summary>
public sealed record Watermarks(long Min, long Low, long High)
{
    /// <summary>The default /proc/sys/vm/watermark_scale_factor: 10, that is 0.1% of the zone.</summary>
    public const int DefaultScaleFactor = 10;

    public static Watermarks Compute(long managedPages, long minFreeKbytes, int watermarkScaleFactor = DefaultScaleFactor, int pageKbytes = 4)
    {
        long min = minFreeKbytes / pageKbytes;
        long step = Math.Max(min / 4, managedPages * watermarkScaleFactor / 10_000);
        return new Watermarks(min, min + step, min + (2 * step));
    }

    /// <summary>The mark an ALLOC_WMARK_* value names.</summary>
    public long Mark(AllocFlags flags) => (flags & AllocFlags.ALLOC_WMARK_MASK) switch
    {
        AllocFlags.ALLOC_WMARK_LOW => Low,
        AllocFlags.ALLOC_WMARK_HIGH => High,
        _ => Min,
    };
}
