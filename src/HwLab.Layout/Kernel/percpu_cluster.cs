using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// We assign a cluster to each CPU, so each CPU can allocate swap entry from its own cluster
/// and swap entries are allocated sequentially (the seed's form, over its 8-byte cluster).
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct percpu_cluster
{
    /// <summary>Current cluster index; null (CLUSTER_FLAG_NEXT_NULL) when the CPU has none.</summary>
    [FieldOffset(0)]
    public swap_cluster_info_seed index;

    /// <summary>Likely next allocation offset.</summary>
    [FieldOffset(8)]
    public uint next;
}
