using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout;

/// <summary>The catalog of generations, oldest first.</summary>
public static class ClusterLayouts
{
    // Described afresh on each read, as ManagedLayouts' lists are: six small records, read when a
    // device or a report is made, never in a measured loop, and a describing mistake then shows in
    // whichever test reads the catalog.
    public static IReadOnlyList<ClusterLayoutInfo> All =>
    [
        Describe<swap_cluster_info_bitfield>("up to 4.10: data:24, flags:8", hadThpSwap: false),
        Describe<swap_cluster_info_seed>("the seed patch (v5, 2017): unsigned long, bit lock in bit 2", hadThpSwap: false),
        Describe<swap_cluster_info_spinlock>("merged 4.11: spinlock_t + data:24, flags:8", hadThpSwap: true),
        Describe<swap_cluster_info_list>("6.12: spinlock_t, count, flags, order, list_head", hadThpSwap: true),
        Describe<swap_cluster_info_table>("2025 swap table: the 6.12 form + table pointer", hadThpSwap: true),
        Describe<swap_cluster_info_padded>("control: the seed's word padded to a line", hadThpSwap: false),
    ];

    public static ClusterLayoutInfo Get(ClusterLayout layout) => All.Single(info => info.Layout == layout);

    // hadThpSwap: CONFIG_THP_SWAP appeared in 4.13 (commit 38d8b4e6bdc8); the merged 4.11 struct
    // stayed until 6.12 replaced it ("swap cluster switch to double link list"), so kernels 4.13
    // to 6.11 had it with 512-page clusters on x86_64.
    private static ClusterLayoutInfo Describe<T>(string generation, bool hadThpSwap)
        where T : unmanaged, IClusterInfo<T>
        => new(T.Layout, typeof(T).Name, generation, Unsafe.SizeOf<T>(), T.LockKind, hadThpSwap);
}
