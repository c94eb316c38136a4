using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Lab.Workloads;

/// <summary>
/// <see cref="ClusterLockWorkload{TCluster, TLock}"/> on the 4.11 cluster word taken as x86 has
/// taken spinlock_t since 4.2, the queued spinlock. Its slow path queues on per-CPU MCS nodes, so
/// each worker thread, once pinned, becomes that worker's CPU of one node table shared by all of
/// them; a slot whose thread has ended is free for the next run's thread.
/// </summary>
internal sealed class QueuedSpinLockWorkload : IClusterWorkload
{
    private readonly QueuedSpinLockNodes _nodes;
    private readonly ClusterLockWorkload<swap_cluster_info_spinlock, ClusterQueuedSpinLock> _clusters;

    /// <param name="clusterOf">Worker i works on cluster clusterOf[i].</param>
    /// <param name="lineSize">The machine's cache line: each CPU's nodes get lines of their own.</param>
    public QueuedSpinLockWorkload(int[] clusterOf, int stride, int lineSize)
    {
        _nodes = QueuedSpinLockNodes.Allocate(clusterOf.Length, lineSize);
        try
        {
            _clusters = new(clusterOf, stride);
        }
        catch
        {
            _nodes.Dispose();
            throw;
        }
    }

    public int Workers => _clusters.Workers;

    public void BeginRun() => _clusters.BeginRun();

    public void Prepare(int worker)
    {
        // Attached until the worker thread ends with the run; nothing to detach.
        _ = _nodes.Attach(worker);
        _clusters.Prepare(worker);
    }

    public void RunBatch(int worker, long operations) => _clusters.RunBatch(worker, operations);

    public void Verify(Engine.TeamRun run) => _clusters.Verify(run);

    public void Dispose()
    {
        _clusters.Dispose();
        _nodes.Dispose();
    }
}
