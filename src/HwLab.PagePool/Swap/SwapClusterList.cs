using System.Runtime.InteropServices;

namespace HwLab.PagePool.Swap;

/// <summary>struct swap_cluster_list over any generation: the free list's head and tail, linked through each cluster's next (protected by si->lock).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SwapClusterList<TCluster>
    where TCluster : unmanaged
{
    public TCluster head;
    public TCluster tail;
}
