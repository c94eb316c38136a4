namespace HwLab.PagePool.Zones;

/// <summary>
/// The allocator's internal ALLOC_* flags (mm/internal.h): which watermark, and how far into the
/// reserve. The values are 4.15's; 4.2 has the same values for every flag but ALLOC_OOM, which it
/// lacks (0x08 is unused there).
/// </summary>
[Flags]
public enum AllocFlags : uint
{
    /// <summary>ALLOC_WMARK_MIN: the min watermark (the slow path).</summary>
    ALLOC_WMARK_MIN = 0x00,

    /// <summary>ALLOC_WMARK_LOW: the low watermark (the fast path).</summary>
    ALLOC_WMARK_LOW = 0x01,

    /// <summary>ALLOC_WMARK_HIGH: the high watermark.</summary>
    ALLOC_WMARK_HIGH = 0x02,

    /// <summary>ALLOC_NO_WATERMARKS: no watermark check at all (PF_MEMALLOC; in 4.2 also a TIF_MEMDIE thread).</summary>
    ALLOC_NO_WATERMARKS = 0x04,

    ALLOC_WMARK_MASK = ALLOC_NO_WATERMARKS - 1,

    /// <summary>
    /// ALLOC_OOM (4.15): what an OOM victim gets in place of ALLOC_NO_WATERMARKS. The allocator gives
    /// it instead of the caller's other flags, so it reaches half of min and no further.
    /// </summary>
    ALLOC_OOM = 0x08,

    /// <summary>ALLOC_HARDER: a further quarter of what is left (atomic callers, real-time tasks).</summary>
    ALLOC_HARDER = 0x10,

    /// <summary>ALLOC_HIGH: __GFP_HIGH set, or the 2015 proposal's kernel threads and dying tasks: half of min.</summary>
    ALLOC_HIGH = 0x20,

    /// <summary>ALLOC_CPUSET: check for correct cpuset (no effect in the model).</summary>
    ALLOC_CPUSET = 0x40,
}
