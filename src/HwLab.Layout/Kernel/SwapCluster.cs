namespace HwLab.Layout.Kernel;

/// <summary>
/// The constants of include/linux/swap.h and mm/swapfile.c that the generations share, under
/// their C names. Checked against the compiled C by the layout probe.
/// </summary>
public static class SwapCluster
{
    /// <summary>Pages per cluster: one cluster covers 1 MiB of swap with 4 KiB pages.</summary>
    public const int SWAPFILE_CLUSTER = 256;

    /// <summary>
    /// Pages in a PMD-sized huge page on x86_64 (include/linux/huge_mm.h: 1 &lt;&lt; HPAGE_PMD_ORDER,
    /// PMD_SHIFT 21 less PAGE_SHIFT 12): 512. With CONFIG_THP_SWAP (4.13 on, commit 38d8b4e6bdc8)
    /// SWAPFILE_CLUSTER is HPAGE_PMD_NR, so that a huge page swaps out into one cluster (the
    /// #ifdef CONFIG_THP_SWAP is in mm/swapfile.c, in mm/swap.h since the 2025 swap table series).
    /// mm/Kconfig: THP_SWAP is def_bool y on TRANSPARENT_HUGEPAGE and ARCH_WANTS_THP_SWAP, which
    /// arch/x86/Kconfig selects if X86_64 (later kernels also on SWAP); it has no prompt, so every x86_64
    /// kernel with transparent huge pages has it.
    /// </summary>
    public const int HPAGE_PMD_NR = 1 << (21 - 12);

    /// <summary>This cluster is free.</summary>
    public const uint CLUSTER_FLAG_FREE = 1;

    /// <summary>This cluster has no next cluster.</summary>
    public const uint CLUSTER_FLAG_NEXT_NULL = 2;

    // The seed patch's 8-byte word: count << CLUSTER_COUNT_SHIFT | flags, the lock in flag bit 2.
    public const int CLUSTER_COUNT_SHIFT = 8;
    public const ulong CLUSTER_FLAG_MASK = (1UL << CLUSTER_COUNT_SHIFT) - 1;
    public const ulong CLUSTER_COUNT_MASK = ~CLUSTER_FLAG_MASK;

    /// <summary>cluster lock, protect cluster_info contents and sis->swap_map</summary>
    public const int CLUSTER_FLAG_LOCK_BIT = 2;
    public const uint CLUSTER_FLAG_LOCK = 1u << CLUSTER_FLAG_LOCK_BIT;

    /// <summary>Swap space in pages of one GiB: 262 144 with 4 KiB pages.</summary>
    public const long PagesPerGiB = (1L << 30) / 4096;

    /// <summary>Clusters per GiB of swap: 1 024, so each byte of swap_cluster_info costs 1 KiB per GiB.</summary>
    public const long ClustersPerGiB = PagesPerGiB / SWAPFILE_CLUSTER;

    /// <summary>Clusters per GiB of swap with CONFIG_THP_SWAP: 512 of <see cref="HPAGE_PMD_NR"/> pages, half a KiB per byte of struct.</summary>
    public const long ClustersPerGiBWithThpSwap = PagesPerGiB / HPAGE_PMD_NR;
}
