using HwLab.Layout.Kernel;

namespace HwLab.Layout.Probe;

/// <summary>What a generation's size means on a machine with lines of <see cref="LineSize"/> bytes.</summary>
/// <param name="PerLine">Structs per cache line (2.67 for 24 bytes in 64).</param>
/// <param name="SwapClusterCols">SWAP_CLUSTER_COLS by the seed's rule, DIV_ROUND_UP(line, size).</param>
/// <param name="SwapClusterColsMerged">SWAP_CLUSTER_COLS by merged 4.11's rule with 256-page clusters, max(that, 64).</param>
/// <param name="MetadataBytesPerGiB">cluster_info bytes per GiB of swap (1 024 clusters of 256 pages).</param>
/// <param name="ExtraBytesPerGiBOverBitfield">What it costs per GiB beyond the 4-byte form (the seed's "4k more memory for every 1G swap space" for 8 bytes), both with 256-page clusters.</param>
/// <param name="MetadataBytesPerGiBWithThpSwap">cluster_info bytes per GiB of swap with CONFIG_THP_SWAP (512 clusters of 512 pages); null for a generation whose kernels never had it.</param>
/// <param name="SwapClusterColsMergedWithThpSwap">SWAP_CLUSTER_COLS by the merged rule with 512-page clusters, max(DIV_ROUND_UP(line, size), 32); null where <paramref name="MetadataBytesPerGiBWithThpSwap"/> is.</param>
public sealed record GenerationFigures(
    int LineSize,
    double PerLine,
    int SwapClusterCols,
    int SwapClusterColsMerged,
    long MetadataBytesPerGiB,
    long ExtraBytesPerGiBOverBitfield,
    long? MetadataBytesPerGiBWithThpSwap,
    int? SwapClusterColsMergedWithThpSwap)
{
    public static GenerationFigures For(ClusterLayoutInfo generation, int lineSize)
    {
        ArgumentNullException.ThrowIfNull(generation);
        long bitfield = ClusterLayouts.Get(ClusterLayout.Bitfield4).MetadataBytesPerGiB;
        return new GenerationFigures(
            lineSize,
            Math.Round(generation.PerLine(lineSize), 2),
            Layout.SwapClusterCols.Compute(lineSize, generation.Size, ClusterColumnRule.Seed),
            Layout.SwapClusterCols.Compute(lineSize, generation.Size, ClusterColumnRule.Merged),
            generation.MetadataBytesPerGiB,
            generation.MetadataBytesPerGiB - bitfield,
            generation.MetadataBytesPerGiBWithThpSwap,
            generation.HadThpSwap ? Layout.SwapClusterCols.Compute(lineSize, generation.Size, ClusterColumnRule.Merged, SwapCluster.HPAGE_PMD_NR) : null);
    }
}
