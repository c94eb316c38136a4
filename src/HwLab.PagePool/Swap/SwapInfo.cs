using System.Runtime.InteropServices;
using HwLab.Layout.Kernel;

namespace HwLab.PagePool.Swap;

/// <summary>
/// The part of struct swap_info_struct the model needs, in native memory: si->lock and the
/// fields it protects.
/// </summary>
/// <remarks>
/// The kernel's struct carries no alignment annotation on <c>lock</c>; it is declared after the
/// swap extents, bdev, swap_file and the completion (include/linux/swap.h, 4.11 to 6.12), more
/// than a whole line past lowest_bit .. cluster_next, and its line holds only fields changed at
/// swapon/swapoff and cont_lock. So spinning on si->lock never pulls the line the scan writes.
/// The model has none of those seldom-used fields; it pads the lock's line instead, so that
/// contention on si->lock is not mistaken for false sharing with the fields it protects.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct SwapInfo<TCluster>
    where TCluster : unmanaged
{
    /// <summary>si->lock: protects everything below, and (before the seed, or where a slot is really freed) swap_map and cluster_info too.</summary>
    public spinlock_t @lock;

    /// <summary>Keeps the fields below off the lock's line; see the remarks.</summary>
    private SwapInfoLockLine _lockLine;

    /// <summary>Index of first free in swap_map.</summary>
    public long lowest_bit;

    /// <summary>Index of last free in swap_map.</summary>
    public long highest_bit;

    /// <summary>Total of usable pages of swap.</summary>
    public long pages;

    /// <summary>Number of those currently in use.</summary>
    public long inuse_pages;

    /// <summary>Likely index for next allocation.</summary>
    public long cluster_next;

    /// <summary>Free clusters list.</summary>
    public SwapClusterList<TCluster> free_clusters;
}
