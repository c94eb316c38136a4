namespace HwLab.PagePool.Zones;

/// <summary>
/// The gfp bits the reserve model acts on, with their values in include/linux/gfp.h at 4.2, and
/// the masks built from them. 4.4 renamed and moved several bits (__GFP_WAIT became
/// __GFP_DIRECT_RECLAIM, __GFP_NO_KSWAPD became __GFP_KSWAPD_RECLAIM); the model keeps 4.2's, the
/// kernel of the source document, so that a mode it logs reads as the seed's log does.
/// </summary>
/// <remarks>
/// The seed's XFS warnings log "(mode:0x250)". xfs_buf_allocate_memory (fs/xfs/xfs_buf.c) asks for
/// xb_to_gfp(flags), which for a buffer that is not read-ahead is GFP_NOFS | __GFP_NOWARN;
/// kmem_alloc(KM_NOFS) (fs/xfs/kmem.h, kmem_flags_convert) asks for GFP_KERNEL | __GFP_NOWARN less
/// __GFP_FS. With 4.2's bits both are __GFP_WAIT 0x10 | __GFP_IO 0x40 | __GFP_NOWARN 0x200 = 0x250.
/// </remarks>
[Flags]
public enum Gfp : uint
{
    None = 0,

    /// <summary>__GFP_WAIT (0x10): the caller may sleep, and so enter direct reclaim.</summary>
    __GFP_WAIT = 0x10,

    /// <summary>__GFP_HIGH (0x20): the caller is high priority; it may use half of the reserve (ALLOC_HIGH, the same bit).</summary>
    __GFP_HIGH = 0x20,

    /// <summary>__GFP_IO (0x40): may start physical I/O.</summary>
    __GFP_IO = 0x40,

    /// <summary>__GFP_FS (0x80): may call into the filesystem; without it the OOM killer is not invoked.</summary>
    __GFP_FS = 0x80,

    /// <summary>__GFP_NOWARN (0x200): no allocation-failure warning; XFS prints its own.</summary>
    __GFP_NOWARN = 0x200,

    /// <summary>__GFP_NO_KSWAPD (0x400000): do not wake kswapd.</summary>
    __GFP_NO_KSWAPD = 0x400000,

    /// <summary>GFP_ATOMIC (4.2): __GFP_HIGH alone; without __GFP_WAIT it is "atomic" and gets ALLOC_HARDER too.</summary>
    GFP_ATOMIC = __GFP_HIGH,

    GFP_NOIO = __GFP_WAIT,

    /// <summary>What a filesystem allocates with while it holds its own locks: no recursion into the filesystem, so no OOM killer.</summary>
    GFP_NOFS = __GFP_WAIT | __GFP_IO,

    GFP_KERNEL = __GFP_WAIT | __GFP_IO | __GFP_FS,
}
