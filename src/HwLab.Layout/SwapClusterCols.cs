using HwLab.Layout.Kernel;

namespace HwLab.Layout;

/// <summary>
/// SWAP_CLUSTER_COLS: the free cluster list is filled column by column (idx = i * COLS + j), so
/// that clusters handed out one after another sit in different cache lines. The seed derives it
/// from the line and struct sizes; HwLab takes the line size measured on the machine.
/// </summary>
public static class SwapClusterCols
{
    /// <summary>Pages in one swap address space (SWAP_ADDRESS_SPACE_SHIFT = 14: 64 MiB of 4 KiB pages).</summary>
    public const int SWAP_ADDRESS_SPACE_PAGES = 1 << 14;

    /// <summary>DIV_ROUND_UP(SWAP_ADDRESS_SPACE_PAGES, SWAPFILE_CLUSTER) = 64.</summary>
    public const int SWAP_CLUSTER_SPACE_COLS = (SWAP_ADDRESS_SPACE_PAGES + SwapCluster.SWAPFILE_CLUSTER - 1) / SwapCluster.SWAPFILE_CLUSTER;

    /// <summary>SWAP_CLUSTER_COLS for a struct of <paramref name="structSize"/> bytes and lines of <paramref name="lineSize"/> bytes.</summary>
    public static int Compute(int lineSize, int structSize, ClusterColumnRule rule = ClusterColumnRule.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(structSize);
        int infoCols = (lineSize + structSize - 1) / structSize; // SWAP_CLUSTER_INFO_COLS
        return rule == ClusterColumnRule.Seed ? infoCols : Math.Max(infoCols, SWAP_CLUSTER_SPACE_COLS);
    }
}
