using HwLab.Layout.Kernel;

namespace HwLab.PagePool.Swap;

public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin>
{
    // The free cluster list, protected by si->lock. Its head and tail hold indices in their next
    // field; the clusters on it link through theirs.

    private bool cluster_list_empty() => TCluster.cluster_is_null(ref _si->free_clusters.head);

    private long cluster_list_first() => TCluster.cluster_next(ref _si->free_clusters.head);

    private void cluster_list_add_tail(long idx)
    {
        if (cluster_list_empty())
        {
            TCluster.cluster_set_next_flag(ref _si->free_clusters.head, (uint)idx, 0);
            TCluster.cluster_set_next_flag(ref _si->free_clusters.tail, (uint)idx, 0);
        }
        else
        {
            long tail = TCluster.cluster_next(ref _si->free_clusters.tail);
            // Nested cluster lock, but both cluster locks are only acquired when we held
            // swap_info_struct->lock.
            TCluster* ciTail = _clusterInfo.ElementPointer(tail);
            TLock.Lock(ciTail);
            TCluster.cluster_set_next(ref *ciTail, (uint)idx);
            TLock.Unlock(ciTail);
            TCluster.cluster_set_next_flag(ref _si->free_clusters.tail, (uint)idx, 0);
        }
    }

    private long cluster_list_del_first()
    {
        long idx = TCluster.cluster_next(ref _si->free_clusters.head);
        if (TCluster.cluster_next(ref _si->free_clusters.tail) == idx)
        {
            TCluster.cluster_set_null(ref _si->free_clusters.head);
            TCluster.cluster_set_null(ref _si->free_clusters.tail);
        }
        else
        {
            TCluster.cluster_set_next_flag(ref _si->free_clusters.head, TCluster.cluster_next(ref _clusterInfo[idx]), 0);
        }
        return idx;
    }
}
