using HwLab.Layout.Kernel;
using static HwLab.PagePool.Swap.SwapMap;

namespace HwLab.PagePool.Swap;

public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin>
{
    private const int ENOENT = 2;
    private const int ENOMEM = 12;
    private const int EEXIST = 17;
    private const int EINVAL = 22;

    /// <summary>swap_free(): the seed's swap_entry_free, or 4.11's __swap_entry_free and, for the last reference, free_swap_slot.</summary>
    public void SwapFree(long offset, int cpu)
    {
        CheckOffset(offset);
        CheckCpu(cpu);
        FreeEntry(offset, 1, cpu);
    }

    /// <summary>swapcache_free(): as <see cref="SwapFree"/>, for the swap cache's hold.</summary>
    public void SwapcacheFree(long offset, int cpu)
    {
        CheckOffset(offset);
        CheckCpu(cpu);
        FreeEntry(offset, SWAP_HAS_CACHE, cpu);
    }

    public int SwapDuplicate(long offset, int cpu)
    {
        CheckOffset(offset);
        CheckCpu(cpu);
        return __swap_duplicate(offset, 1, cpu);
    }

    /// <summary>swapcache_prepare(): __swap_duplicate with usage SWAP_HAS_CACHE (mm/swapfile.c, 4.10 and 4.11).</summary>
    public int SwapcachePrepare(long offset, int cpu)
    {
        CheckOffset(offset);
        CheckCpu(cpu);
        return __swap_duplicate(offset, SWAP_HAS_CACHE, cpu);
    }

    /// <summary>page_swapcount(): lock_cluster_or_swap_info, swap_count(swap_map[offset]).</summary>
    public int PageSwapcount(long offset, int cpu)
    {
        CheckOffset(offset);
        CheckCpu(cpu);
        TCluster* ci = lock_cluster_or_swap_info(offset, cpu);
        int count = swap_count(_swapMap[offset]);
        unlock_cluster_or_swap_info(ci);
        return count;
    }

    private void FreeEntry(long offset, byte usage, int cpu)
    {
        if (!_merged)
        {
            swap_entry_free(offset, usage, cpu, swapInfoLocked: false);
        }
        else if (__swap_entry_free(offset, usage, cpu) == 0)
        {
            free_swap_slot(offset, cpu);
        }
    }

    /// <summary>
    /// The seed's swap_entry_free: the cluster lock alone, unless this free may bring the slot's
    /// count to zero (count == usage) or the slot is shmem's, in which case si->lock is taken too,
    /// because freeing the slot updates lowest_bit/highest_bit and may free its cluster.
    /// </summary>
    private byte swap_entry_free(long offset, byte usage, int cpu, bool swapInfoLocked)
    {
        bool lockSwapInfo = false;
        // si->lock, when this free took it, is released however the free ends: a VM_BUG_ON thrown
        // under it would otherwise leave every other CPU spinning on it.
        try
        {
            // Both are set by the loop below before any read; starting them at zero and null keeps
            // every variant of that loop compilable, the mutation runs' included (docs/quality.md).
            byte count = 0;
            if (!swapInfoLocked)
            {
                count = Volatile.Read(ref _swapMap[offset]);
                if (DeviceMode || count == usage || count == SWAP_MAP_SHMEM)
                {
                    swapInfoLocked = true;
                    lockSwapInfo = true;
                    spin_lock(cpu);
                }
            }

            TCluster* ci = null;
            while (true)
            {
                ci = lock_cluster(offset);
                count = _swapMap[offset];
                if (!swapInfoLocked && (count == usage || count == SWAP_MAP_SHMEM))
                {
                    // lock_swap_info: the count changed since the unlocked read; retake in lock order.
                    unlock_cluster(ci);
                    swapInfoLocked = true;
                    lockSwapInfo = true;
                    spin_lock(cpu);
                    continue;
                }
                break;
            }

            byte hasCache = (byte)(count & SWAP_HAS_CACHE);
            count &= unchecked((byte)~SWAP_HAS_CACHE);
            if (usage == SWAP_HAS_CACHE)
            {
                if (hasCache == 0)
                {
                    unlock_cluster(ci);
                    throw new InvalidOperationException($"swapcache_free of slot {offset}, which the swap cache does not hold (VM_BUG_ON(!has_cache)).");
                }
                hasCache = 0;
            }
            else if (count == SWAP_MAP_SHMEM)
            {
                count = 0;
            }
            else if ((count & ~COUNT_CONTINUED) <= SWAP_MAP_MAX)
            {
                if (count == 0)
                {
                    unlock_cluster(ci);
                    throw new InvalidOperationException($"swap_free of slot {offset}, which nothing references (bad_free).");
                }
                count--;
            }
            usage = (byte)(count | hasCache);
            _swapMap[offset] = usage;
            unlock_cluster(ci);

            // free if no reference
            if (usage == 0)
            {
                if (!swapInfoLocked)
                {
                    throw new InvalidOperationException("A slot was freed without si->lock (VM_BUG_ON(!swap_info_locked)).");
                }
                ci = lock_cluster(offset);
                try
                {
                    dec_cluster_info_page(offset);
                }
                finally
                {
                    unlock_cluster(ci);
                }
                swap_range_free(offset);
            }
        }
        finally
        {
            UnlockIf(lockSwapInfo);
        }
        return usage;
    }

    /// <summary>
    /// A slot is free again (with si->lock held): widen lowest_bit and highest_bit to it, give it
    /// back to nr_swap_pages and uncount it; a device that was full rejoins the list of devices
    /// with room, under swap_avail_lock (swap_entry_free, 4.10 and 4.11).
    /// </summary>
    private void swap_range_free(long offset)
    {
        if (offset < _si->lowest_bit)
        {
            _si->lowest_bit = offset;
        }
        if (offset > _si->highest_bit)
        {
            bool wasFull = _si->highest_bit == 0;
            _si->highest_bit = offset;
            if (wasFull)
            {
                spin_lock(&_globals->swap_avail_lock);
                spin_unlock(&_globals->swap_avail_lock);
            }
        }
        Interlocked.Increment(ref _globals->nr_swap_pages);
        _si->inuse_pages--;
    }

    private void UnlockIf(bool lockSwapInfo)
    {
        if (lockSwapInfo)
        {
            spin_unlock();
        }
    }

    /// <summary>Called with the slot's cluster locked and si->lock held: the cluster goes back on the free list when its last slot is freed.</summary>
    private void dec_cluster_info_page(long pageNr)
    {
        long idx = pageNr / _clusterPages;
        ref TCluster ci = ref _clusterInfo[idx];
        uint count = TCluster.cluster_count(ref ci);
        if (count == 0)
        {
            throw new InvalidOperationException($"Cluster {idx} counts no slot to free (VM_BUG_ON in dec_cluster_info_page).");
        }
        TCluster.cluster_set_count(ref ci, count - 1);
        if (count - 1 == 0)
        {
            TCluster.cluster_set_flag(ref ci, SwapCluster.CLUSTER_FLAG_FREE);
            cluster_list_add_tail(idx);
            _recycled[idx] = true;
        }
    }

    /// <summary>__swap_duplicate(): one more reference (usage 1) or the swap cache's (usage SWAP_HAS_CACHE), under lock_cluster_or_swap_info.</summary>
    private int __swap_duplicate(long offset, byte usage, int cpu)
    {
        TCluster* ci = lock_cluster_or_swap_info(offset, cpu);
        byte count = _swapMap[offset];
        int err = 0;
        if (count == SWAP_MAP_BAD)
        {
            err = -ENOENT;
        }
        else
        {
            byte hasCache = (byte)(count & SWAP_HAS_CACHE);
            count &= unchecked((byte)~SWAP_HAS_CACHE);
            if (usage == SWAP_HAS_CACHE)
            {
                // set SWAP_HAS_CACHE if there is no cache and entry is used
                if (hasCache == 0 && count != 0)
                {
                    hasCache = SWAP_HAS_CACHE;
                }
                else
                {
                    err = hasCache != 0 ? -EEXIST : -ENOENT;
                }
            }
            else if (count != 0 || hasCache != 0)
            {
                if ((count & ~COUNT_CONTINUED) < SWAP_MAP_MAX)
                {
                    count += usage;
                }
                else
                {
                    // Continuation pages are not modelled: at SWAP_MAP_MAX the kernel would add one.
                    err = (count & ~COUNT_CONTINUED) > SWAP_MAP_MAX ? -EINVAL : -ENOMEM;
                }
            }
            else
            {
                err = -ENOENT; // unused swap entry
            }
            _swapMap[offset] = (byte)(count | hasCache);
        }
        unlock_cluster_or_swap_info(ci);
        return err;
    }
}
