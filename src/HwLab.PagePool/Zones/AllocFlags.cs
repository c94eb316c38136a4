namespace HwLab.PagePool.Zones;

/// <summary>The allocator's internal ALLOC_* flags (mm/internal.h, 4.14 values): which watermark, and how far into the reserve.</summary>
[Flags]
public enum AllocFlags : uint
{
    /// <summary>ALLOC_WMARK_MIN: the min watermark (the slow path).</summary>
    ALLOC_WMARK_MIN = 0x00,

    /// <summary>ALLOC_WMARK_LOW: the low watermark (the fast path).</summary>
    ALLOC_WMARK_LOW = 0x01,

    /// <summary>ALLOC_WMARK_HIGH: the high watermark.</summary>
    ALLOC_WMARK_HIGH = 0x02,

    /// <summary>ALLOC_NO_WATERMARKS: don't check watermarks at all (PF_MEMALLOC).</summary>
    ALLOC_NO_WATERMARKS = 0x04,

    ALLOC_WMARK_MASK = ALLOC_NO_WATERMARKS - 1,

    /// <summary>ALLOC_OOM: an OOM victim may dip a further half into the reserve (2017).</summary>
    ALLOC_OOM = 0x08,

    /// <summary>ALLOC_HARDER: try to alloc harder, a further quarter (GFP_ATOMIC).</summary>
    ALLOC_HARDER = 0x10,

    /// <summary>ALLOC_HIGH: __GFP_HIGH set, half of the reserve.</summary>
    ALLOC_HIGH = 0x20,

    /// <summary>ALLOC_CPUSET: check for correct cpuset (no effect in the model).</summary>
    ALLOC_CPUSET = 0x40,
}
