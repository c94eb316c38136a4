using HwLab.PagePool.Swap;
using static HwLab.PagePool.Tests.Swap.Allocations;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// Merged 4.11's batched paths of mm/swapfile.c: scan_swap_map_slots, __swap_entry_free,
/// swapcache_free_entries and swap_entry_free, followed slot by slot.
/// </summary>
public sealed class BatchedPathTests
{
    [Fact]
    public void Once_the_clusters_are_used_up_the_scan_starts_one_past_cluster_next()
    {
        // 255 free slots are below THRESHOLD_ACTIVATE (5 x 64): the caches stay off, and every call
        // is a get_swap_pages of one slot.
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 4 * 64, cpus: 1, clusterPages: 64);
        Assert.Equal(Slots(64, 255), Take(device, 192).Order());

        // With no cluster left, scan_swap_map_slots (4.11) goes straight to its scan, which steps
        // past cluster_next before it looks: each slot taken (cluster_next one past it) makes the
        // next call skip a slot. The odd slots of the header's cluster go first, then the even ones.
        Assert.Equal([.. Slots(1, 63, 2), .. Slots(2, 62, 2)], Take(device, 63));
        Assert.Equal(0, device.GetSwapPage(0));

        // cluster_next is 63. The scan looks above it, then from lowest_bit up to but not including
        // it: alone there, a free slot is missed until a call starts from somewhere else.
        device.SwapcacheFree(63, 0);
        Assert.Equal(0, device.GetSwapPage(0));
        device.SwapcacheFree(10, 0);
        Assert.Equal(10, device.GetSwapPage(0));
        Assert.Equal(63, device.GetSwapPage(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void A_cpu_whose_cluster_went_back_on_the_free_list_fills_its_cache_from_the_lists_first_cluster()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8, slots: 16 * 256, cpus: 1);
        long first = device.GetSwapPage(0);
        long cluster = first / 256;
        device.SwapcacheFree(first, 0);
        // Every slot of the CPU's cluster back in the device: the cluster rejoins the free list at its
        // tail, while the CPU still points into it.
        device.DrainSlotsCaches();
        device.ClearCounters();

        // The slot the CPU's cluster offers is in a free cluster that is not the list's first: that
        // conflict makes the CPU drop the cluster and take the first one, and the batch goes on there
        // (scan_swap_map_slots, 4.11: only a batch that already has slots stops at a conflict).
        long next = device.GetSwapPage(0);
        Assert.NotEqual(cluster, next / 256);
        Assert.Equal(0, next % 256);
        // The other 63 of the batch (SWAP_BATCH, 64) come from the cache, without si->lock.
        Assert.Equal(Slots(next + 1, next + 63), Take(device, 63));
        Assert.Equal(1, device.SwapInfoLocks(0));
    }

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void Swap_free_leaves_the_header_slots_bad_mark_as_it_is(string mode, int layout)
    {
        using ISwapDevice device = Devices.Create(mode, layout);
        // __swap_entry_free (4.11) and swap_entry_free (4.10) count down only counts up to SWAP_MAP_MAX;
        // SWAP_MAP_BAD is not a count.
        device.SwapFree(0, 0);
        Assert.Equal(SwapMap.SWAP_MAP_BAD, device.SwapMapAt(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void A_second_swapcache_free_is_a_vm_bug_that_leaves_no_lock_held()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8);
        long slot = device.GetSwapPage(0);
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        device.SwapcacheFree(slot, 0);
        var bug = Assert.Throws<InvalidOperationException>(() => device.SwapcacheFree(slot, 0));
        Assert.Equal($"swapcache_free of slot {slot}, which the swap cache does not hold (VM_BUG_ON(!has_cache)).", bug.Message);
        AssertNoLockHeld(device);
    }

    [Fact]
    public void A_slot_referenced_again_in_the_return_cache_is_a_vm_bug_when_the_cache_goes_back()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8);
        long slot = device.GetSwapPage(0);
        device.SwapcacheFree(slot, 0); // in CPU 0's return cache, SWAP_HAS_CACHE alone
        // A reference taken on a slot already given back: swap_entry_free (4.11) finds more than
        // SWAP_HAS_CACHE when the return cache goes back to the device.
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        var bug = Assert.Throws<InvalidOperationException>(device.DrainSlotsCaches);
        Assert.Equal($"Slot {slot} reached swap_entry_free holding 0x41, not SWAP_HAS_CACHE alone (VM_BUG_ON in swap_entry_free).", bug.Message);
        AssertNoLockHeld(device);
    }

    [Fact]
    public void Draining_takes_si_lock_once_for_each_cache_that_holds_slots_and_never_for_an_empty_one()
    {
        using ISwapDevice device = Devices.Create("merged-4.11", 8, cpus: 2);
        device.GetSwapPage(0); // CPU 0's allocation cache keeps 63; its return cache and CPU 1's are empty
        device.ClearCounters();
        // swapcache_free_entries (4.11) returns at once for an empty batch.
        device.DrainSlotsCaches();
        Assert.Equal(1, device.SwapInfoLocks(0));
        Assert.Equal(0, device.SwapInfoLocks(1));
        device.CheckInvariants().ThrowIfBroken();
    }
}
