using HwLab.Layout.Kernel;
using static HwLab.PagePool.Swap.SwapMap;

namespace HwLab.PagePool.Swap;

/// <summary>
/// Merged 4.11's per-CPU swap slot cache, following mm/swap_slots.c of 4.11 (Tim Chen's "mm/swap:
/// Add cache for swap slots allocation"): get_swap_page() hands out slots a CPU took from the
/// device in a batch of up to SWAP_SLOTS_CACHE_SIZE (64) under one si->lock, and free_swap_slot()
/// collects freed slots and returns them to the device in a batch, again under one si->lock.
/// </summary>
/// <remarks>
/// The caches are active while the device has more than THRESHOLD_ACTIVATE (5 x 64) free slots
/// per CPU and are drained back into it, every CPU's, once fewer than THRESHOLD_DEACTIVATE
/// (2 x 64) per CPU are left, so a nearly full device does not strand its last slots in caches.
/// The caches are always enabled and initialised (a swapon that succeeded); CPU hotplug is not modelled.
/// </remarks>
public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin>
{
    private const int THRESHOLD_ACTIVATE_SWAP_SLOTS_CACHE = 5 * swap_slots_cache.SWAP_SLOTS_CACHE_SIZE;
    private const int THRESHOLD_DEACTIVATE_SWAP_SLOTS_CACHE = 2 * swap_slots_cache.SWAP_SLOTS_CACHE_SIZE;

    private bool use_swap_slot_cache => Volatile.Read(ref _globals->swap_slot_cache_active) != 0;

    /// <summary>get_swap_page() of 4.11: from this CPU's cache, refilled in a batch when empty; directly from the device when the caches are off.</summary>
    private long get_swap_page_slots_cache(int cpu)
    {
        swap_slots_cache* cache = _slotsCaches!.ElementPointer(cpu);
        long entry = 0;
        if (check_cache_active(cpu))
        {
            spin_lock(&cache->alloc_lock);
            try
            {
                while (true)
                {
                    if (cache->nr > 0)
                    {
                        entry = cache->slots[cache->cur];
                        cache->slots[cache->cur++] = 0;
                        cache->nr--;
                        break;
                    }
                    if (refill_swap_slots_cache(cache, cpu) == 0)
                    {
                        break;
                    }
                }
            }
            finally
            {
                // The refill can end in a VM_BUG_ON; the lock must not outlive it.
                spin_unlock(&cache->alloc_lock);
            }
            if (entry != 0)
            {
                return entry;
            }
        }
        long one;
        return get_swap_pages(1, &one, cpu) == 1 ? one : 0;
    }

    /// <summary>Called with the cache's alloc_lock held.</summary>
    private int refill_swap_slots_cache(swap_slots_cache* cache, int cpu)
    {
        if (!use_swap_slot_cache || cache->nr != 0)
        {
            return 0;
        }
        cache->cur = 0;
        cache->nr = get_swap_pages(swap_slots_cache.SWAP_SLOTS_CACHE_SIZE, cache->slots, cpu);
        return cache->nr;
    }

    /// <summary>free_swap_slot(): the slot (SWAP_HAS_CACHE in swap_map) joins this CPU's return cache, which goes back to the device whole when full.</summary>
    private void free_swap_slot(long entry, int cpu)
    {
        swap_slots_cache* cache = _slotsCaches!.ElementPointer(cpu);
        if (use_swap_slot_cache)
        {
            bool cached = false;
            spin_lock(&cache->free_lock);
            try
            {
                // Swap slots cache may be deactivated before acquiring lock.
                if (use_swap_slot_cache)
                {
                    if (cache->n_ret >= swap_slots_cache.SWAP_SLOTS_CACHE_SIZE)
                    {
                        // Return slots to global pool: swapcache_free_entries sets their swap_map to 0.
                        swapcache_free_entries(cache->slots_ret, cache->n_ret, cpu);
                        cache->n_ret = 0;
                    }
                    cache->slots_ret[cache->n_ret++] = entry;
                    cached = true;
                }
            }
            finally
            {
                spin_unlock(&cache->free_lock);
            }
            if (cached)
            {
                return;
            }
        }
        // direct_free:
        swapcache_free_entries(&entry, 1, cpu);
    }

    public void DrainSlotsCaches()
    {
        for (int owner = 0; _slotsCaches is not null && owner < Options.Cpus; owner++)
        {
            drain_slots_cache_cpu(owner, 0);
        }
    }

    /// <summary>check_cache_active(): switch the caches on above the activation threshold, off (draining them) below the deactivation one.</summary>
    private bool check_cache_active(int cpu)
    {
        long pages = Volatile.Read(ref _globals->nr_swap_pages);
        if (!use_swap_slot_cache)
        {
            if (pages > (long)Options.Cpus * THRESHOLD_ACTIVATE_SWAP_SLOTS_CACHE)
            {
                // reactivate_swap_slots_cache()
                spin_lock(&_globals->swap_slots_cache_mutex);
                Volatile.Write(ref _globals->swap_slot_cache_active, 1);
                spin_unlock(&_globals->swap_slots_cache_mutex);
            }
            return use_swap_slot_cache;
        }
        // If global pool of slot caches too low, deactivate cache.
        if (pages < (long)Options.Cpus * THRESHOLD_DEACTIVATE_SWAP_SLOTS_CACHE)
        {
            // deactivate_swap_slots_cache()
            spin_lock(&_globals->swap_slots_cache_mutex);
            try
            {
                Volatile.Write(ref _globals->swap_slot_cache_active, 0);
                for (int other = 0; other < Options.Cpus; other++)
                {
                    drain_slots_cache_cpu(other, cpu);
                }
            }
            finally
            {
                spin_unlock(&_globals->swap_slots_cache_mutex);
            }
        }
        return use_swap_slot_cache;
    }

    /// <summary>drain_slots_cache_cpu(): both of <paramref name="owner"/>'s caches back to the device, run by <paramref name="cpu"/>.</summary>
    private void drain_slots_cache_cpu(int owner, int cpu)
    {
        swap_slots_cache* cache = _slotsCaches!.ElementPointer(owner);
        spin_lock(&cache->alloc_lock);
        try
        {
            swapcache_free_entries(cache->slots + cache->cur, cache->nr, cpu);
            cache->cur = 0;
            cache->nr = 0;
        }
        finally
        {
            spin_unlock(&cache->alloc_lock);
        }

        spin_lock(&cache->free_lock);
        try
        {
            swapcache_free_entries(cache->slots_ret, cache->n_ret, cpu);
            cache->n_ret = 0;
        }
        finally
        {
            spin_unlock(&cache->free_lock);
        }
    }
}
