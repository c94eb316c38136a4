using System.Runtime.InteropServices;

namespace HwLab.PagePool.Swap;

/// <summary>
/// struct percpu_cluster over any generation: "We assign a cluster to each CPU, so each CPU can
/// allocate swap entry from its own cluster and swap entries are allocated sequentially." One per
/// worker, each in its own 128-byte slot (the kernel keeps them in per-CPU memory).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PercpuCluster<TCluster>
    where TCluster : unmanaged
{
    /// <summary>Current cluster index; cluster_is_null when the CPU has none.</summary>
    public TCluster index;

    /// <summary>Likely next allocation offset.</summary>
    public uint next;
}
