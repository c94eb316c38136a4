using HwLab.Layout.Kernel;

namespace HwLab.Layout;

/// <summary>What a generation is and where it comes from; its size is the C# struct's, which the layout probe checks against C.</summary>
/// <param name="CName">The struct's name in native-layout/include/swap_cluster_info.h and in C#.</param>
/// <param name="Generation">Which kernel had it, in a few words.</param>
/// <param name="Size">sizeof in bytes.</param>
public sealed record ClusterLayoutInfo(ClusterLayout Layout, string CName, string Generation, int Size, ClusterLockKind LockKind)
{
    /// <summary>How many whole or partial structs share one line of <paramref name="lineSize"/> bytes (2.67 for 24 bytes in 64).</summary>
    public double PerLine(int lineSize) => (double)lineSize / Size;

    /// <summary>Bytes of cluster_info per GiB of swap: 1 024 clusters of <see cref="Size"/> bytes.</summary>
    public long MetadataBytesPerGiB => SwapCluster.ClustersPerGiB * Size;
}
