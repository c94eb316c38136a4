using System.Runtime.CompilerServices;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Native;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// The same work as <see cref="ClusterLockWorkload{TCluster, TLock}"/> over seed-form clusters, done
/// by the C loop of libhwlab_native with the kernel's <c>lock bts</c> bit spinlock: one call per batch.
/// With <c>asV4_10</c> the loop's lock instructions have the widths v4.10 assembled them with
/// (<c>lock btsl</c>, <c>lock andb</c>) rather than full words (<c>lock btsq</c>, <c>lock andq</c>).
/// </summary>
internal sealed unsafe class NativeClusterLockWorkload : IClusterWorkload
{
    private readonly ClusterArray<swap_cluster_info_seed> _clusters;
    private readonly int[] _clusterOf;
    private readonly bool _asV4_10;

    public NativeClusterLockWorkload(int[] clusterOf, int stride, bool asV4_10 = false)
    {
        _clusterOf = clusterOf;
        _asV4_10 = asV4_10;
        _clusters = ClusterArray<swap_cluster_info_seed>.Allocate(clusterOf.Max() + 1, stride, new PageArenaOptions { Prefault = true });
    }

    public int Workers => _clusterOf.Length;

    public void BeginRun()
    {
        for (long i = 0; i < _clusters.Count; i++)
        {
            _clusters[i] = default;
        }
    }

    public void Prepare(int worker) => _ = _clusters[_clusterOf[worker]].data;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBatch(int worker, long operations)
    {
        ulong* word = &_clusters.ElementPointer(_clusterOf[worker])->data;
        _ = _asV4_10 ? NativeCacheLineLoops.ClusterLockLoopV4_10(word, operations) : NativeCacheLineLoops.ClusterLockLoop(word, operations);
    }

    public void Verify(Engine.TeamRun run)
        => ClusterCounts.Verify(
            run, _clusters.Count, ClusterCounts.Mask<swap_cluster_info_seed>(), i => swap_cluster_info_seed.cluster_count(ref _clusters[i]), i => (_clusters[i].data & SwapCluster.CLUSTER_FLAG_LOCK) != 0);

    public void Dispose() => _clusters.Dispose();
}
