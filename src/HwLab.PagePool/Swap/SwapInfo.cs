using System.Runtime.InteropServices;
using HwLab.Layout.Kernel;

namespace HwLab.PagePool.Swap;

/// <summary>
/// The part of struct swap_info_struct the model needs, in native memory: si->lock and the
/// fields it protects, side by side as in the kernel.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SwapInfo<TCluster>
    where TCluster : unmanaged
{
    /// <summary>si->lock: protects everything below, and (before the seed, or where a slot is really freed) swap_map and cluster_info too.</summary>
    public spinlock_t @lock;

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
