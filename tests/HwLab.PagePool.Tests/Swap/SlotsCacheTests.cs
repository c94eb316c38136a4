using HwLab.PagePool.Swap;
using static HwLab.PagePool.Tests.Swap.Allocations;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>Merged 4.11's swap slot cache: si->lock once per batch of 64 each way, and no slot stranded in a cache when the device runs low.</summary>
public sealed class SlotsCacheTests
{
    private const int Batch = 64;

    [Fact]
    public void The_slot_cache_takes_si_lock_once_per_batch_of_64_each_way()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 64 * 256, cpus: 1);
        long[] slots = [.. Enumerable.Range(0, 10 * Batch).Select(_ => device.GetSwapPage(0))];
        Assert.DoesNotContain(0, slots);
        Assert.Equal(10, device.SwapInfoLocks(0)); // ten refills of 64

        device.ClearCounters();
        foreach (long slot in slots)
        {
            device.SwapcacheFree(slot, 0);
        }
        // The return cache goes back whole when a 65th slot arrives: nine batches returned, the tenth still cached.
        Assert.Equal(9, device.SwapInfoLocks(0));
        Assert.Equal(SwapMap.SWAP_HAS_CACHE, device.SwapMapAt(slots[^1]));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void The_seeds_paths_take_si_lock_for_every_allocation_and_every_final_free()
    {
        using ISwapDevice device = Devices.Create("bitlock", 8, slots: 64 * 256, cpus: 1);
        long[] slots = [.. Enumerable.Range(0, 10 * Batch).Select(_ => device.GetSwapPage(0))];
        Assert.Equal(10 * Batch, device.SwapInfoLocks(0));
        device.ClearCounters();
        foreach (long slot in slots)
        {
            device.SwapcacheFree(slot, 0);
        }
        Assert.Equal(10 * Batch, device.SwapInfoLocks(0));
    }

    [Fact]
    public void A_device_running_low_drains_the_caches_so_every_slot_can_be_had()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 8 * 256, cpus: 2);
        var held = new List<long>();
        for (int i = 0; ; i++)
        {
            long slot = device.GetSwapPage(i % 2);
            if (slot == 0)
            {
                break;
            }
            held.Add(slot);
        }
        Assert.Equal(device.Slots - 1, held.Count); // every slot but the header, none left in a cache
        Assert.Equal(held.Count, held.Distinct().Count());
        for (int i = 0; i < held.Count; i++)
        {
            device.SwapcacheFree(held[i], i % 2);
        }
        device.CheckInvariants().ThrowIfBroken();
        device.DrainSlotsCaches();
        for (long offset = 1; offset < device.Slots; offset++)
        {
            Assert.Equal(0, device.SwapMapAt(offset));
        }
    }

    [Fact]
    public void A_freed_slot_waits_in_the_cache_and_is_not_handed_out_again_before_it_returns()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 64 * 256, cpus: 1);
        long first = device.GetSwapPage(0);
        device.SwapDuplicate(first, 0);
        device.SwapFree(first, 0);
        device.SwapcacheFree(first, 0);
        Assert.Equal(SwapMap.SWAP_HAS_CACHE, device.SwapMapAt(first)); // in CPU 0's return cache
        for (int i = 0; i < 3 * Batch; i++)
        {
            Assert.NotEqual(first, device.GetSwapPage(0));
        }
    }

    [Fact]
    public void The_caches_go_off_below_2_x_64_free_slots_per_cpu_and_on_again_only_above_5_x_64()
    {
        // check_cache_active (mm/swap_slots.c, 4.11). Clusters of 64, so that slots freed a cluster at a
        // time come back as whole clusters and every refill takes a full batch of 64.
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 32 * 64, cpus: 1, clusterPages: 64);
        Assert.Equal(device.Slots - 1, Fill(device));

        // Off: a free goes straight back to the device. Clusters 1 to 5 make 320 free slots.
        foreach (long offset in Slots(64, (6 * 64) - 1))
        {
            Assert.False(FreedIntoCache(device, offset), $"slot {offset}");
        }
        // 320 is not above 5 x 64: still off.
        Assert.False(FreedIntoCache(device, device.GetSwapPage(0)));

        // Cluster 6 makes 384: on, and the call takes a batch (320 left).
        foreach (long offset in Slots(6 * 64, (7 * 64) - 1))
        {
            device.SwapcacheFree(offset, 0);
        }
        Assert.True(FreedIntoCache(device, device.GetSwapPage(0)));
        // Three more batches leave 128, and the call after them, which finds 128 free, not below
        // 2 x 64, takes a fifth.
        Take(device, (4 * Batch) - 1);
        Assert.True(FreedIntoCache(device, device.GetSwapPage(0)));
        // Below 128: off, both caches drained, and frees go straight back again.
        Assert.False(FreedIntoCache(device, device.GetSwapPage(0)));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void Running_low_drains_every_cpus_cache_not_only_the_callers()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 8 * 256, cpus: 2);
        Assert.NotEqual(0, device.GetSwapPage(1)); // CPU 1's cache keeps the other 63 of its batch
        // deactivate_swap_slots_cache (4.11) drains every CPU's cache: CPU 0 gets the rest, CPU 1's 63 included.
        Assert.Equal(device.Slots - 2, Fill(device, cpu: 0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void Every_lock_the_slot_cache_paths_release_was_taken_first()
    {
        // A ticket lock released without being taken moves its head past its tail, which reads as
        // held; a qspinlock's release only clears its locked byte, which hides an unpaired release.
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 8 * 256, cpus: 1, spinlock: SpinlockForm.Ticket);
        // The caches come on (swap_slots_cache_mutex), and the refill takes alloc_lock,
        // swap_avail_lock and si->lock.
        long slot = device.GetSwapPage(0);
        AssertNoLockHeld(device);
        device.SwapcacheFree(slot, 0); // free_lock
        AssertNoLockHeld(device);
        // The caches go off (the mutex again, and each cache's two locks as it is drained), and the
        // last slot taken takes swap_avail_lock as the device fills.
        Fill(device);
        AssertNoLockHeld(device);
    }

    // A slot freed while the caches are on waits in the return cache at SWAP_HAS_CACHE; while they
    // are off it goes straight back to the device and reads 0.
    private static bool FreedIntoCache(ISwapDevice device, long slot)
    {
        device.SwapcacheFree(slot, 0);
        return device.SwapMapAt(slot) == SwapMap.SWAP_HAS_CACHE;
    }
}
