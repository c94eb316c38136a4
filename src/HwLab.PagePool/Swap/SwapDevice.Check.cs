using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using static HwLab.PagePool.Swap.SwapMap;

namespace HwLab.PagePool.Swap;

public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin>
{
    /// <summary>
    /// The invariants at rest: every cluster's count equals its used slots; the free list holds
    /// exactly the clusters flagged free, each once, without a cycle; free clusters have no used
    /// slot; inuse_pages, lowest_bit and highest_bit agree with swap_map; every slot's value is
    /// one the kernel can write; no lock of the device is held; nr_swap_pages counts the free slots;
    /// every slot in a CPU's slot cache is held at SWAP_HAS_CACHE alone, and in one cache only.
    /// </summary>
    public SwapInvariantReport CheckInvariants()
    {
        var violations = new List<string>();
        void Fail(string text)
        {
            if (violations.Count < 100)
            {
                violations.Add(text);
            }
        }

        if (TSpin.IsLocked(&_si->@lock))
        {
            Fail("si->lock is held at rest");
        }
        if (TSpin.IsLocked(&_globals->swap_avail_lock) || TSpin.IsLocked(&_globals->swap_slots_cache_mutex))
        {
            Fail("swap_avail_lock or swap_slots_cache_mutex is held at rest");
        }
        if (_globals->nr_swap_pages != _si->pages - _si->inuse_pages)
        {
            Fail($"nr_swap_pages is {_globals->nr_swap_pages} but {_si->pages - _si->inuse_pages} slots are free");
        }
        CheckSlotsCaches(Fail);

        long used = 0;
        long firstFree = -1;
        long lastFree = -1;
        for (long offset = 1; offset < Slots; offset++)
        {
            byte value = _swapMap[offset];
            if (value == 0)
            {
                firstFree = firstFree < 0 ? offset : firstFree;
                lastFree = offset;
                continue;
            }
            used++;
            if (value != SWAP_MAP_SHMEM && swap_count(value) > SWAP_MAP_MAX)
            {
                Fail($"slot {offset} holds 0x{value:x2}, which no path writes");
            }
        }
        if (_swapMap[0] != SWAP_MAP_BAD)
        {
            Fail($"the header slot holds 0x{_swapMap[0]:x2}, not SWAP_MAP_BAD");
        }
        if (used != _si->inuse_pages)
        {
            Fail($"inuse_pages is {_si->inuse_pages} but {used} slots are in use");
        }
        if (firstFree >= 0 && (firstFree < _si->lowest_bit || lastFree > _si->highest_bit))
        {
            Fail($"free slots run from {firstFree} to {lastFree}, outside lowest_bit {_si->lowest_bit} .. highest_bit {_si->highest_bit}");
        }

        long flaggedFree = 0;
        for (long idx = 0; idx < Clusters; idx++)
        {
            ref TCluster ci = ref _clusterInfo[idx];
            if (TLock.IsLocked(_clusterInfo.ElementPointer(idx)))
            {
                Fail($"cluster {idx}'s lock is held at rest");
            }
            long usedHere = 0;
            for (long offset = idx * _clusterPages; offset < (idx + 1) * _clusterPages; offset++)
            {
                usedHere += _swapMap[offset] != 0 ? 1 : 0;
            }
            if (TCluster.cluster_is_free(ref ci))
            {
                flaggedFree++;
                if (usedHere != 0)
                {
                    Fail($"cluster {idx} is free but {usedHere} of its slots are in use");
                }
            }
            else if (TCluster.cluster_count(ref ci) != usedHere)
            {
                Fail($"cluster {idx} counts {TCluster.cluster_count(ref ci)} slots but {usedHere} are in use");
            }
        }

        CheckFreeList(flaggedFree, Fail);
        return new SwapInvariantReport(violations);
    }

    private void CheckSlotsCaches(Action<string> fail)
    {
        if (_slotsCaches is null)
        {
            return;
        }
        var cached = new HashSet<long>();
        for (int cpu = 0; cpu < Options.Cpus; cpu++)
        {
            swap_slots_cache* cache = _slotsCaches.ElementPointer(cpu);
            if (TSpin.IsLocked(&cache->alloc_lock) || TSpin.IsLocked(&cache->free_lock))
            {
                fail($"CPU {cpu}'s slot cache locks are held at rest");
            }
            if (cache->nr < 0 || cache->cur < 0 || cache->cur + cache->nr > swap_slots_cache.SWAP_SLOTS_CACHE_SIZE || cache->n_ret < 0 || cache->n_ret > swap_slots_cache.SWAP_SLOTS_CACHE_SIZE)
            {
                fail($"CPU {cpu}'s slot cache counts are out of range (cur {cache->cur}, nr {cache->nr}, n_ret {cache->n_ret})");
                continue;
            }
            for (int i = 0; i < cache->nr + cache->n_ret; i++)
            {
                long slot = i < cache->nr ? cache->slots[cache->cur + i] : cache->slots_ret[i - cache->nr];
                if (slot <= 0 || slot >= Slots)
                {
                    fail($"CPU {cpu}'s slot cache holds {slot}, not a slot of the device");
                }
                else if (!cached.Add(slot))
                {
                    fail($"slot {slot} sits in a slot cache twice");
                }
                else if (_swapMap[slot] != SWAP_HAS_CACHE)
                {
                    fail($"slot {slot} sits in CPU {cpu}'s slot cache holding 0x{_swapMap[slot]:x2}, not SWAP_HAS_CACHE");
                }
            }
        }
    }

    private void CheckFreeList(long flaggedFree, Action<string> fail)
    {
        if (cluster_list_empty())
        {
            if (flaggedFree != 0)
            {
                fail($"the free list is empty but {flaggedFree} clusters are flagged free");
            }
            return;
        }
        var seen = new HashSet<long>();
        long idx = cluster_list_first();
        long tail = TCluster.cluster_next(ref _si->free_clusters.tail);
        while (true)
        {
            if (idx < 0 || idx >= Clusters)
            {
                fail($"the free list links to cluster {idx}, past the device's {Clusters}");
                return;
            }
            if (!seen.Add(idx))
            {
                fail($"the free list has a cycle through cluster {idx}");
                return;
            }
            if (!TCluster.cluster_is_free(ref _clusterInfo[idx]))
            {
                fail($"cluster {idx} is on the free list but not flagged free");
            }
            if (idx == tail)
            {
                break;
            }
            idx = TCluster.cluster_next(ref _clusterInfo[idx]);
        }
        if (seen.Count != flaggedFree)
        {
            fail($"the free list holds {seen.Count} clusters but {flaggedFree} are flagged free");
        }
    }
}
