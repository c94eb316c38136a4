using System.Runtime.CompilerServices;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// The runtime's System.Threading.Lock guarding one cluster's count, for scale: what the kernel's
/// one-bit lock would be measured against if a general-purpose lock were affordable per cluster.
/// </summary>
internal sealed unsafe class DotnetLockWorkload : IClusterWorkload
{
    private readonly Lock _lock = new();
    private readonly ClusterArray<swap_cluster_info_seed> _cluster;

    public DotnetLockWorkload(int workers)
    {
        Workers = workers;
        _cluster = ClusterArray<swap_cluster_info_seed>.Allocate(1, 0, new PageArenaOptions { Prefault = true });
    }

    public int Workers { get; }

    public void BeginRun() => _cluster[0] = default;

    public void Prepare(int worker) => _ = _cluster[0].data;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBatch(int worker, long operations)
    {
        swap_cluster_info_seed* ci = _cluster.ElementPointer(0);
        for (long i = 0; i < operations; i++)
        {
            _lock.Enter();
            swap_cluster_info_seed.cluster_set_count(ref *ci, swap_cluster_info_seed.cluster_count(ref *ci) + 1);
            _lock.Exit();
        }
    }

    public void Verify(Engine.TeamRun run)
        => ClusterCounts.Verify(run, 1, ClusterCounts.Mask<swap_cluster_info_seed>(), _ => swap_cluster_info_seed.cluster_count(ref _cluster[0]), _ => !IsFree());

    // Lock has no "held by anyone" query: it is free if this thread can take it.
    private bool IsFree()
    {
        if (!_lock.TryEnter())
        {
            return false;
        }
        _lock.Exit();
        return true;
    }

    public void Dispose() => _cluster.Dispose();
}
