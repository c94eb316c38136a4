using static HwLab.Layout.Kernel.SwapCluster;

namespace HwLab.Layout.Kernel;

/// <summary>
/// A generation of struct swap_cluster_info and the kernel's accessors on it, under their C
/// names, with the seed patch's semantics. Generic code (the swap device) is written once over
/// <c>where T : unmanaged, IClusterInfo&lt;T&gt;</c>; the JIT compiles it once per generation,
/// so every accessor inlines to the generation's own bit operations.
/// </summary>
/// <remarks>
/// A cluster's "data" is its count of used slots while in use and the index of the next free
/// cluster while on the free list, so count and next share storage, as in the kernel. Each
/// generation implements count, flags and their setters; next and the flag tests follow from
/// those, except in the list forms, which keep next in their list field.
/// </remarks>
public interface IClusterInfo<TSelf>
    where TSelf : unmanaged, IClusterInfo<TSelf>
{
    /// <summary>Which generation this is.</summary>
    static abstract ClusterLayout Layout { get; }

    /// <summary>The lock this generation carries, if any.</summary>
    static abstract ClusterLockKind LockKind { get; }

    static abstract uint cluster_count(ref TSelf info);

    static abstract void cluster_set_count(ref TSelf info, uint c);

    /// <summary>The flag bits, the lock bit excluded (not a kernel accessor; the kernel reads info->flags).</summary>
    static abstract uint cluster_flags(ref TSelf info);

    static abstract void cluster_set_flag(ref TSelf info, uint flag);

    static abstract void cluster_set_count_flag(ref TSelf info, uint c, uint f);

    static virtual uint cluster_next(ref TSelf info) => TSelf.cluster_count(ref info);

    static virtual void cluster_set_next(ref TSelf info, uint n) => TSelf.cluster_set_count(ref info, n);

    static virtual void cluster_set_next_flag(ref TSelf info, uint n, uint f) => TSelf.cluster_set_count_flag(ref info, n, f);

    static virtual bool cluster_is_free(ref TSelf info) => (TSelf.cluster_flags(ref info) & CLUSTER_FLAG_FREE) != 0;

    static virtual bool cluster_is_null(ref TSelf info) => (TSelf.cluster_flags(ref info) & CLUSTER_FLAG_NEXT_NULL) != 0;

    static virtual void cluster_set_null(ref TSelf info) => TSelf.cluster_set_next_flag(ref info, 0, CLUSTER_FLAG_NEXT_NULL);
}
