using HwLab.Layout.Kernel;

namespace HwLab.Layout;

/// <summary>What a generation is and where it comes from; its size is the C# struct's, which the layout probe checks against C.</summary>
/// <param name="CName">The struct's name in native-layout/include/swap_cluster_info.h and in C#.</param>
/// <param name="Generation">Which kernel had it, in a few words.</param>
/// <param name="Size">sizeof in bytes.</param>
/// <param name="HadThpSwap">
/// Whether x86_64 kernels with this struct had CONFIG_THP_SWAP, and with it clusters of
/// <see cref="SwapCluster.HPAGE_PMD_NR"/> pages: THP_SWAP came in 4.13, so the merged 4.11 form
/// had it from 4.13 to 6.11 and every later form has it; the 4.10 form, the seed (a 4.10-based
/// patch) and the control never did.
/// </param>
public sealed record ClusterLayoutInfo(ClusterLayout Layout, string CName, string Generation, int Size, ClusterLockKind LockKind, bool HadThpSwap)
{
    /// <summary>How many whole or partial structs share one line of <paramref name="lineSize"/> bytes (2.67 for 24 bytes in 64).</summary>
    public double PerLine(int lineSize) => (double)lineSize / Size;

    /// <summary>Bytes of cluster_info per GiB of swap: 1 024 clusters of <see cref="Size"/> bytes.</summary>
    public long MetadataBytesPerGiB => SwapCluster.ClustersPerGiB * Size;

    /// <summary>Bytes of cluster_info per GiB of swap with CONFIG_THP_SWAP: 512 clusters of <see cref="Size"/> bytes; null for a generation whose kernels never had it.</summary>
    public long? MetadataBytesPerGiBWithThpSwap => HadThpSwap ? SwapCluster.ClustersPerGiBWithThpSwap * Size : null;
}
