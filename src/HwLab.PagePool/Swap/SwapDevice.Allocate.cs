using HwLab.Layout.Kernel;
using static HwLab.PagePool.Swap.SwapMap;

namespace HwLab.PagePool.Swap;

public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin>
{
    public long GetSwapPage(int cpu)
    {
        CheckCpu(cpu);
        return _merged ? get_swap_page_slots_cache(cpu) : get_swap_page(cpu);
    }

    /// <summary>
    /// get_swap_page() of 4.10, which the seed patch leaves as it is (mm/swapfile.c): take a free
    /// slot off nr_swap_pages, pass through swap_avail_lock to the device, and under si->lock
    /// scan_swap_map for a slot with usage SWAP_HAS_CACHE; give the page count back if none is found.
    /// </summary>
    private long get_swap_page(int cpu)
    {
        if (Volatile.Read(ref _globals->nr_swap_pages) <= 0)
        {
            return 0;
        }
        Interlocked.Decrement(ref _globals->nr_swap_pages);

        // The device list walk: requeue this device behind its same-priority siblings (there are none).
        spin_lock(&_globals->swap_avail_lock);
        spin_unlock(&_globals->swap_avail_lock);
        long offset;
        spin_lock(cpu);
        try
        {
            offset = _si->highest_bit == 0 ? 0 : scan_swap_map(cpu, SWAP_HAS_CACHE);
        }
        finally
        {
            // A VM_BUG_ON thrown under the lock would leave every other CPU spinning on it.
            spin_unlock();
        }
        if (offset == 0)
        {
            Interlocked.Increment(ref _globals->nr_swap_pages);
        }
        return offset;
    }

    // Called with si->lock held; returns 0 when no slot is free. The kernel drops si->lock while it
    // scans swap_map linearly (the rare path, when the cluster allocator finds nothing); the model
    // keeps it, which changes nothing but how long that rare path holds the lock.
    private long scan_swap_map(int cpu, byte usage)
    {
        if (_si->inuse_pages == _si->pages)
        {
            return 0;
        }
        long offset = _si->cluster_next;
        long scanBase = offset;
        _ = scan_swap_map_try_ssd_cluster(cpu, ref offset, ref scanBase);

        while (true)
        {
            // checks:
            while (scan_swap_map_ssd_cluster_conflict(cpu, offset))
            {
                _ = scan_swap_map_try_ssd_cluster(cpu, ref offset, ref scanBase);
            }
            if (_si->highest_bit == 0)
            {
                return 0;
            }
            if (offset > _si->highest_bit)
            {
                scanBase = offset = _si->lowest_bit;
            }

            TCluster* ci = lock_cluster(offset);
            if (_swapMap[offset] == 0)
            {
                _swapMap[offset] = usage;
                try
                {
                    inc_cluster_info_page(offset);
                }
                finally
                {
                    unlock_cluster(ci);
                }
                swap_range_alloc(offset);
                _si->cluster_next = offset + 1;
                return offset;
            }
            unlock_cluster(ci);

            // scan: the next free slot above, then from lowest_bit up to where the scan began.
            offset = NextFreeSlot(offset, scanBase);
            if (offset == 0)
            {
                return 0;
            }
        }
    }

    /// <summary>
    /// The slot at <paramref name="offset"/> is taken (with si->lock held): move lowest_bit and
    /// highest_bit past it and count it; the device that fills up leaves the list of devices with
    /// room, under swap_avail_lock (scan_swap_map in 4.10, swap_range_alloc's lines in 4.11).
    /// </summary>
    private void swap_range_alloc(long offset)
    {
        if (offset == _si->lowest_bit)
        {
            _si->lowest_bit++;
        }
        if (offset == _si->highest_bit)
        {
            _si->highest_bit--;
        }
        _si->inuse_pages++;
        if (_si->inuse_pages == _si->pages)
        {
            _si->lowest_bit = Slots;
            _si->highest_bit = 0;
            spin_lock(&_globals->swap_avail_lock);
            spin_unlock(&_globals->swap_avail_lock);
        }
    }

    private long NextFreeSlot(long offset, long scanBase)
    {
        while (++offset <= _si->highest_bit)
        {
            if (_swapMap[offset] == 0)
            {
                return offset;
            }
        }
        for (offset = _si->lowest_bit; offset < scanBase; offset++)
        {
            if (_swapMap[offset] == 0)
            {
                return offset;
            }
        }
        return 0;
    }

    /// <summary>
    /// Try to get a swap entry from current cpu's swap entry pool (a cluster). This should be
    /// faster than normal swap allocator. False when the CPU has no cluster and the free list is
    /// empty (4.11 returns that; the seed's caller goes on with the offset it had).
    /// </summary>
    private bool scan_swap_map_try_ssd_cluster(int cpu, ref long offset, ref long scanBase)
    {
        ref PercpuCluster<TCluster> cluster = ref _percpu[cpu];
        while (true)
        {
            // new_cluster:
            if (TCluster.cluster_is_null(ref cluster.index))
            {
                if (cluster_list_empty())
                {
                    return false;
                }
                // The CPU takes the list's first cluster; it leaves the list when its first slot is taken.
                cluster.index = _si->free_clusters.head;
                cluster.next = TCluster.cluster_next(ref cluster.index) * (uint)_clusterPages;
                CountPick(cpu, TCluster.cluster_next(ref cluster.index));
            }

            // Other CPUs can use our cluster if they can't find a free cluster, check if there is
            // still free entry in the cluster.
            long tmp = cluster.next;
            long max = Math.Min(Slots, (TCluster.cluster_next(ref cluster.index) + 1L) * _clusterPages);
            if (tmp >= max)
            {
                TCluster.cluster_set_null(ref cluster.index);
                continue;
            }
            bool foundFree = false;
            TCluster* ci = lock_cluster(tmp);
            while (tmp < max)
            {
                if (_swapMap[tmp] == 0)
                {
                    foundFree = true;
                    break;
                }
                tmp++;
            }
            unlock_cluster(ci);
            if (!foundFree)
            {
                TCluster.cluster_set_null(ref cluster.index);
                continue;
            }
            cluster.next = (uint)(tmp + 1);
            offset = tmp;
            scanBase = tmp;
            return true;
        }
    }

    /// <summary>
    /// It's possible scan_swap_map() uses a free cluster in the middle of free cluster list.
    /// Avoiding such abuse to avoid list corruption.
    /// </summary>
    private bool scan_swap_map_ssd_cluster_conflict(int cpu, long offset)
    {
        long idx = offset / _clusterPages;
        bool conflict = !cluster_list_empty()
            && idx != cluster_list_first()
            && TCluster.cluster_is_free(ref _clusterInfo[idx]);
        if (!conflict)
        {
            return false;
        }
        TCluster.cluster_set_null(ref _percpu[cpu].index);
        return true;
    }

    /// <summary>Called with the slot's cluster locked (and si->lock held).</summary>
    private void inc_cluster_info_page(long pageNr)
    {
        long idx = pageNr / _clusterPages;
        ref TCluster ci = ref _clusterInfo[idx];
        if (TCluster.cluster_is_free(ref ci))
        {
            if (cluster_list_first() != idx)
            {
                throw new InvalidOperationException($"Cluster {idx} is free but not first on the free list (VM_BUG_ON in inc_cluster_info_page).");
            }
            cluster_list_del_first();
            TCluster.cluster_set_count_flag(ref ci, 0, 0);
        }
        uint count = TCluster.cluster_count(ref ci);
        if (count >= _clusterPages)
        {
            throw new InvalidOperationException($"Cluster {idx} already counts {count} slots of {_clusterPages} (VM_BUG_ON in inc_cluster_info_page).");
        }
        TCluster.cluster_set_count(ref ci, count + 1);
    }

    /// <summary>Counts a pick as sharing when any line of the new cluster's entry holds part of another CPU's current one.</summary>
    private void CountPick(int cpu, long idx)
    {
        bool sameLine = false;
        for (int other = 0; other < Options.Cpus && !sameLine; other++)
        {
            if (other != cpu && !TCluster.cluster_is_null(ref _percpu[other].index))
            {
                long theirs = TCluster.cluster_next(ref _percpu[other].index);
                sameLine = ClusterLines.ShareALine(idx, theirs, sizeof(TCluster), _lineSize);
            }
        }
        int at = (cpu * PicksStride) + (_recycled[idx] ? 2 : 0);
        _picks[at]++;
        if (sameLine)
        {
            _picks[at + 1]++;
        }
    }
}
