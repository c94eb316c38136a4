using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout;

/// <summary>The catalog of generations, oldest first.</summary>
public static class ClusterLayouts
{
    public static IReadOnlyList<ClusterLayoutInfo> All { get; } =
    [
        Describe<swap_cluster_info_bitfield>("up to 4.10: data:24, flags:8"),
        Describe<swap_cluster_info_seed>("the seed patch (v5, 2017): unsigned long, bit lock in bit 2"),
        Describe<swap_cluster_info_spinlock>("merged 4.11: spinlock_t + data:24, flags:8"),
        Describe<swap_cluster_info_list>("6.12: spinlock_t, count, flags, order, list_head"),
        Describe<swap_cluster_info_table>("2025 swap table: the 6.12 form + table pointer"),
        Describe<swap_cluster_info_padded>("control: the seed's word padded to a line"),
    ];

    public static ClusterLayoutInfo Get(ClusterLayout layout) => All.Single(info => info.Layout == layout);

    private static ClusterLayoutInfo Describe<T>(string generation)
        where T : unmanaged, IClusterInfo<T>
        => new(T.Layout, typeof(T).Name, generation, Unsafe.SizeOf<T>(), T.LockKind);
}
