namespace HwLab.PagePool.Swap;

public sealed unsafe partial class SwapDevice<TCluster, TLock>
{
    // Ways for tests to break the device on purpose, so they can show the invariant checker sees it.

    internal ref TCluster ClusterInfoAt(long idx) => ref _clusterInfo[idx];

    internal void PokeSwapMap(long offset, byte value) => _swapMap[offset] = value;

    internal TCluster* ClusterPointer(long idx) => _clusterInfo.ElementPointer(idx);

    internal long FreeListFirst => cluster_list_empty() ? -1 : cluster_list_first();
}
