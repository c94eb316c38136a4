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

    /// <summary>DIV_ROUND_UP(SWAP_ADDRESS_SPACE_PAGES, SWAPFILE_CLUSTER) = 64 with 256-page clusters; see <see cref="SpaceCols"/> for other sizes.</summary>
    public const int SWAP_CLUSTER_SPACE_COLS = (SWAP_ADDRESS_SPACE_PAGES + SwapCluster.SWAPFILE_CLUSTER - 1) / SwapCluster.SWAPFILE_CLUSTER;

    /// <summary>
    /// SWAP_CLUSTER_COLS for a struct of <paramref name="structSize"/> bytes, lines of
    /// <paramref name="lineSize"/> bytes and clusters of <paramref name="clusterPages"/> pages.
    /// The seed's rule does not look at the cluster size; merged 4.11's does, through
    /// SWAP_CLUSTER_SPACE_COLS (mm/swapfile.c, setup_swap_map_and_extents and later
    /// setup_clusters, 4.11 to 6.17): 64 columns with 256-page clusters, 32 with CONFIG_THP_SWAP's 512.
    /// </summary>
    /// <param name="clusterPages">SWAPFILE_CLUSTER: a power of two.</param>
    public static int Compute(int lineSize, int structSize, ClusterColumnRule rule = ClusterColumnRule.Seed, int clusterPages = SwapCluster.SWAPFILE_CLUSTER)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(structSize);
        int spaceCols = SpaceCols(clusterPages);
        int infoCols = (lineSize + structSize - 1) / structSize; // SWAP_CLUSTER_INFO_COLS
        return rule == ClusterColumnRule.Seed ? infoCols : Math.Max(infoCols, spaceCols);
    }

    /// <summary>SWAP_CLUSTER_SPACE_COLS, DIV_ROUND_UP(SWAP_ADDRESS_SPACE_PAGES, SWAPFILE_CLUSTER), for clusters of <paramref name="clusterPages"/> pages.</summary>
    /// <param name="clusterPages">SWAPFILE_CLUSTER: a power of two (the kernel's are 256 and HPAGE_PMD_NR).</param>
    public static int SpaceCols(int clusterPages)
    {
        if (!int.IsPow2(clusterPages))
        {
            throw new ArgumentOutOfRangeException(nameof(clusterPages), clusterPages, "A cluster is a power of two pages, at least one.");
        }
        return (SWAP_ADDRESS_SPACE_PAGES + clusterPages - 1) / clusterPages;
    }
}
