namespace HwLab.Layout;

/// <summary>How SWAP_CLUSTER_COLS, the number of columns the free list is filled in, is derived.</summary>
public enum ClusterColumnRule
{
    /// <summary>The seed: DIV_ROUND_UP(L1_CACHE_BYTES, sizeof(struct swap_cluster_info)), 8 for 8 bytes in 64.</summary>
    Seed,

    /// <summary>Merged 4.11: max(SWAP_CLUSTER_INFO_COLS, SWAP_CLUSTER_SPACE_COLS), the second one swap address space of 64 MiB in clusters: 64 of 256 pages, 32 of 512 with CONFIG_THP_SWAP.</summary>
    Merged,
}
