using static HwLab.PagePool.Swap.SwapMap;

namespace HwLab.PagePool.Swap;

/// <summary>
/// Merged 4.11's batched paths in mm/swapfile.c: get_swap_pages() and scan_swap_map_slots()
/// take up to SWAP_BATCH slots under one si->lock; __swap_entry_free() drops a reference under the
/// cluster lock alone, leaving a slot nothing references at SWAP_HAS_CACHE for the slot cache; and
/// swapcache_free_entries() frees a batch of those under one si->lock.
/// </summary>
/// <remarks>
/// Read in the series as posted to linux-mm (v4 to v6, Dec 2016 to Jan 2017) and in later trees
/// whose functions keep the same structure; where 4.11 differs from later kernels (nr_swap_pages
/// taken before swap_avail_lock, no per-CPU cluster_next) the model follows 4.11.
/// </remarks>
public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin>
{
    /// <summary>SWAP_BATCH: the most slots one get_swap_pages() call takes.</summary>
    private const int SWAP_BATCH = 64;

    /// <summary>get_swap_pages(): up to <paramref name="nGoal"/> slots into <paramref name="entries"/>, under one si->lock.</summary>
    private int get_swap_pages(int nGoal, long* entries, int cpu)
    {
        long avail = Volatile.Read(ref _globals->nr_swap_pages);
        if (avail <= 0)
        {
            return 0;
        }
        nGoal = (int)Math.Min(Math.Min(nGoal, SWAP_BATCH), avail);
        Interlocked.Add(ref _globals->nr_swap_pages, -nGoal);

        // The device list walk, as in get_swap_page(): requeue, drop swap_avail_lock, take si->lock.
        spin_lock(&_globals->swap_avail_lock);
        spin_unlock(&_globals->swap_avail_lock);
        int nRet;
        spin_lock(cpu);
        try
        {
            nRet = _si->highest_bit == 0 ? 0 : scan_swap_map_slots(cpu, SWAP_HAS_CACHE, nGoal, entries);
        }
        finally
        {
            spin_unlock();
        }
        if (nRet < nGoal)
        {
            Interlocked.Add(ref _globals->nr_swap_pages, nGoal - nRet);
        }
        return nRet;
    }

    /// <summary>
    /// scan_swap_map_slots(), called with si->lock held: the first slot as scan_swap_map finds one,
    /// then more from the CPU's cluster while it has them, stopping at <paramref name="nr"/>, at
    /// highest_bit, or when the CPU's cluster runs out. The kernel drops si->lock for the linear
    /// scan of the rare path; the model keeps it, as in <see cref="scan_swap_map"/>.
    /// </summary>
    private int scan_swap_map_slots(int cpu, byte usage, int nr, long* slots)
    {
        int nRet = 0;
        long offset = _si->cluster_next;
        long scanBase = offset;
        if (!scan_swap_map_try_ssd_cluster(cpu, ref offset, ref scanBase))
        {
            goto scan;
        }

    checks:
        while (scan_swap_map_ssd_cluster_conflict(cpu, offset))
        {
            if (nRet > 0)
            {
                goto done;
            }
            if (!scan_swap_map_try_ssd_cluster(cpu, ref offset, ref scanBase))
            {
                goto scan;
            }
        }
        if (_si->highest_bit == 0)
        {
            return nRet;
        }
        if (offset > _si->highest_bit)
        {
            scanBase = offset = _si->lowest_bit;
        }
        TCluster* ci = lock_cluster(offset);
        if (_swapMap[offset] != 0)
        {
            unlock_cluster(ci);
            if (nRet == 0)
            {
                goto scan;
            }
            goto done;
        }
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
        slots[nRet++] = offset;

        // Got enough slots or reach max slots?
        if (nRet == nr || offset >= _si->highest_bit)
        {
            goto done;
        }
        // Try to get more slots in cluster.
        if (scan_swap_map_try_ssd_cluster(cpu, ref offset, ref scanBase))
        {
            goto checks;
        }

    done:
        _si->cluster_next = offset + 1;
        return nRet;

    scan:
        offset = NextFreeSlot(offset, scanBase);
        if (offset != 0)
        {
            goto checks;
        }
        return nRet;
    }

    /// <summary>
    /// __swap_entry_free() of 4.11: drop one reference (<paramref name="usage"/> 1) or the swap
    /// cache's (SWAP_HAS_CACHE) under lock_cluster_or_swap_info; a slot left with nothing is set to
    /// SWAP_HAS_CACHE, for free_swap_slot to hand to the slot cache. Returns what is left.
    /// </summary>
    private byte __swap_entry_free(long offset, byte usage, int cpu)
    {
        TCluster* ci = lock_cluster_or_swap_info(offset, cpu);
        byte count = _swapMap[offset];
        byte hasCache = (byte)(count & SWAP_HAS_CACHE);
        count &= unchecked((byte)~SWAP_HAS_CACHE);
        string? bug = null;
        if (usage == SWAP_HAS_CACHE)
        {
            if (hasCache == 0)
            {
                bug = $"swapcache_free of slot {offset}, which the swap cache does not hold (VM_BUG_ON(!has_cache)).";
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
                bug = $"swap_free of slot {offset}, which nothing references (bad_free).";
            }
            count--;
        }
        if (bug is not null)
        {
            unlock_cluster_or_swap_info(ci);
            throw new InvalidOperationException(bug);
        }
        usage = (byte)(count | hasCache);
        _swapMap[offset] = usage != 0 ? usage : SWAP_HAS_CACHE;
        unlock_cluster_or_swap_info(ci);
        return usage;
    }

    /// <summary>swapcache_free_entries(): every slot of the batch freed under one si->lock (one device, so swap_info_get_cont takes it once).</summary>
    private void swapcache_free_entries(long* entries, int n, int cpu)
    {
        if (n <= 0)
        {
            return;
        }
        spin_lock(cpu);
        try
        {
            for (int i = 0; i < n; i++)
            {
                swap_entry_free(entries[i]);
            }
        }
        finally
        {
            spin_unlock();
        }
    }

    /// <summary>
    /// swap_entry_free() of 4.11 (the seed's function of that name is the four-argument one), with
    /// si->lock held: a slot at SWAP_HAS_CACHE alone becomes free, and its cluster may go back on the free list.
    /// </summary>
    private void swap_entry_free(long offset)
    {
        TCluster* ci = lock_cluster(offset);
        byte count = _swapMap[offset];
        if (count != SWAP_HAS_CACHE)
        {
            unlock_cluster(ci);
            throw new InvalidOperationException($"Slot {offset} reached swap_entry_free holding 0x{count:x2}, not SWAP_HAS_CACHE alone (VM_BUG_ON in swap_entry_free).");
        }
        _swapMap[offset] = 0;
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
