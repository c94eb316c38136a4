namespace HwLab.PagePool.Zones;

/// <summary>
/// The gfp bits that matter to reserves and reclaim (include/linux/gfp.h, 4.x values), and the
/// masks made of them. Only what the model acts on is here.
/// </summary>
[Flags]
public enum Gfp : uint
{
    None = 0,

    /// <summary>__GFP_HIGH: the caller is high priority; it may use part of the reserve (ALLOC_HIGH).</summary>
    __GFP_HIGH = 0x20,

    /// <summary>__GFP_IO: may start physical I/O.</summary>
    __GFP_IO = 0x40,

    /// <summary>__GFP_FS: may call into the filesystem; without it the OOM killer is not invoked.</summary>
    __GFP_FS = 0x80,

    /// <summary>__GFP_ATOMIC: cannot sleep or reclaim; gets ALLOC_HARDER.</summary>
    __GFP_ATOMIC = 0x200,

    /// <summary>__GFP_DIRECT_RECLAIM: may enter direct reclaim.</summary>
    __GFP_DIRECT_RECLAIM = 0x400,

    /// <summary>__GFP_KSWAPD_RECLAIM: may wake kswapd.</summary>
    __GFP_KSWAPD_RECLAIM = 0x800,

    __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM,

    GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS,

    /// <summary>What a filesystem allocates with while it holds its own locks: no recursion into the filesystem, so no OOM killer.</summary>
    GFP_NOFS = __GFP_RECLAIM | __GFP_IO,

    GFP_ATOMIC = __GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM,
}
