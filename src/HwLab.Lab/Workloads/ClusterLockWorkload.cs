using System.Runtime.CompilerServices;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// Each worker takes and releases the lock of its cluster and bumps the cluster's count inside
/// it, in managed code: lock, cluster_set_count(count + 1), unlock. Where workers' clusters sit
/// (the same one, neighbours in a line, lines apart) is the caller's choice of stride and mapping.
/// </summary>
internal sealed unsafe class ClusterLockWorkload<TCluster, TLock> : IClusterWorkload
    where TCluster : unmanaged, IClusterInfo<TCluster>
    where TLock : struct, IClusterLock
{
    private readonly ClusterArray<TCluster> _clusters;
    private readonly int[] _clusterOf;

    /// <param name="clusterOf">Worker i works on cluster clusterOf[i].</param>
    public ClusterLockWorkload(int[] clusterOf, int stride)
    {
        _clusterOf = clusterOf;
        _clusters = ClusterArray<TCluster>.Allocate(clusterOf.Max() + 1, stride, new PageArenaOptions { Prefault = true });
    }

    public int Workers => _clusterOf.Length;

    public void BeginRun()
    {
        for (long i = 0; i < _clusters.Count; i++)
        {
            _clusters[i] = default;
        }
    }

    public void Prepare(int worker) => _ = TCluster.cluster_count(ref _clusters[_clusterOf[worker]]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBatch(int worker, long operations)
    {
        TCluster* ci = _clusters.ElementPointer(_clusterOf[worker]);
        for (long i = 0; i < operations; i++)
        {
            TLock.Lock(ci);
            TCluster.cluster_set_count(ref *ci, TCluster.cluster_count(ref *ci) + 1);
            TLock.Unlock(ci);
        }
    }

    public void Verify(Engine.TeamRun run)
        => ClusterCounts.Verify(run, _clusters.Count, ClusterCounts.Mask<TCluster>(), i => TCluster.cluster_count(ref _clusters[i]), i => TLock.IsLocked(_clusters.ElementPointer(i)));

    public void Dispose() => _clusters.Dispose();
}
