using HwLab.PagePool.Swap;

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
}
