using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// __swap_duplicate's answers (mm/swapfile.c, 4.10 and 4.11) through swap_duplicate and
/// swapcache_prepare at each count a slot can hold, what a free does at the edges of the count,
/// and which frees take si->lock: the seed's swap_entry_free (the v5 patch on 4.10) takes it only
/// for a free that may bring the slot's count to zero; 4.10's device-lock mode for every free.
/// </summary>
public sealed class SwapDuplicateTests
{
    private const int ENOENT = 2;
    private const int ENOMEM = 12;
    private const int EEXIST = 17;
    private const int EINVAL = 22;

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void A_slot_nothing_uses_cannot_be_duplicated_and_stays_unused(string mode, int layout)
    {
        using ISwapDevice device = Devices.Create(mode, layout, cpus: 1);
        long used = device.GetSwapPage(0);
        // Merged 4.11's slot cache takes 64 slots at a time: the last slot is one nothing took.
        long unused = device.Slots - 1;
        Assert.Equal(0, device.SwapMapAt(unused));

        Assert.Equal(-ENOENT, device.SwapDuplicate(unused, 0));
        Assert.Equal(0, device.SwapMapAt(unused));
        Assert.Equal(0, device.SwapDuplicate(used, 0));
        Assert.Equal(SwapMap.SWAP_HAS_CACHE | 1, device.SwapMapAt(used));
    }

    [Theory]
    [InlineData("bitlock", 8, 0)]
    [InlineData("spinlock", 24, 0)]
    [InlineData("device", 4, 1)]
    public void Only_a_free_that_may_end_the_slot_takes_si_lock_unless_the_device_lock_is_the_only_one(string mode, int layout, long locksForAFreeThatLeavesReferences)
    {
        using ISwapDevice device = OneSlotTaken(mode, layout, out long slot);
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        device.SwapcacheFree(slot, 0);
        device.ClearCounters();

        device.SwapFree(slot, 0); // two references to one

        Assert.Equal(locksForAFreeThatLeavesReferences, device.SwapInfoLocks(0));
        Assert.Equal(1, device.PageSwapcount(slot, 0));
        device.ClearCounters();

        device.SwapFree(slot, 0); // the last reference

        Assert.Equal(1, device.SwapInfoLocks(0));
        Assert.Equal(0, device.SwapMapAt(slot));
    }

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void Swap_duplicate_counts_up_to_SWAP_MAP_MAX_and_refuses_the_header_and_shmem(string mode, int layout)
    {
        using ISwapDevice device = OneSlotTaken(mode, layout, out long slot);
        for (int i = 0; i < SwapMap.SWAP_MAP_MAX; i++)
        {
            Assert.Equal(0, device.SwapDuplicate(slot, 0));
        }
        // One more would need a continuation page, which the model does not have: -ENOMEM, as the kernel without one.
        Assert.Equal(-ENOMEM, device.SwapDuplicate(slot, 0));
        Assert.Equal(SwapMap.SWAP_HAS_CACHE | SwapMap.SWAP_MAP_MAX, device.SwapMapAt(slot));

        Assert.Equal(-ENOENT, device.SwapDuplicate(0, 0));
        Assert.Equal(SwapMap.SWAP_MAP_BAD, device.SwapMapAt(0));

        Devices.SetSwapMap(device, slot, SwapMap.SWAP_MAP_SHMEM);
        Assert.Equal(-EINVAL, device.SwapDuplicate(slot, 0));
        Assert.Equal(SwapMap.SWAP_MAP_SHMEM, device.SwapMapAt(slot));
    }

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void Swapcache_prepare_takes_the_caches_hold_only_on_a_slot_still_referenced(string mode, int layout)
    {
        using ISwapDevice device = OneSlotTaken(mode, layout, out long slot);
        Assert.Equal(-EEXIST, device.SwapcachePrepare(slot, 0)); // the cache holds it from the allocation
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        device.SwapcacheFree(slot, 0);
        Assert.Equal(1, device.SwapMapAt(slot));

        Assert.Equal(0, device.SwapcachePrepare(slot, 0));
        Assert.Equal(SwapMap.SWAP_HAS_CACHE | 1, device.SwapMapAt(slot));
        Assert.Equal(-EEXIST, device.SwapcachePrepare(slot, 0));
        Assert.Equal(SwapMap.SWAP_HAS_CACHE | 1, device.SwapMapAt(slot));

        long unused = device.Slots - 1;
        Assert.Equal(-ENOENT, device.SwapcachePrepare(unused, 0));
        Assert.Equal(0, device.SwapMapAt(unused));
        Assert.Equal(-ENOENT, device.SwapcachePrepare(0, 0));
        Assert.Equal(SwapMap.SWAP_MAP_BAD, device.SwapMapAt(0));
    }

    [Theory]
    [MemberData(nameof(Devices.SeedsPaths), MemberType = typeof(Devices))]
    public void A_free_of_shmems_slot_ends_it_under_si_lock(string mode, int layout)
    {
        using ISwapDevice device = OneSlotTaken(mode, layout, out long slot);
        Devices.SetSwapMap(device, slot, SwapMap.SWAP_MAP_SHMEM);
        device.ClearCounters();

        device.SwapFree(slot, 0);

        Assert.Equal(0, device.SwapMapAt(slot));
        Assert.Equal(1, device.SwapInfoLocks(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void A_free_drops_one_from_SWAP_MAP_MAX_and_leaves_the_header_as_it_is(string mode, int layout)
    {
        using ISwapDevice device = OneSlotTaken(mode, layout, out long slot);
        for (int i = 0; i < SwapMap.SWAP_MAP_MAX; i++)
        {
            device.SwapDuplicate(slot, 0);
        }
        device.SwapFree(slot, 0);
        Assert.Equal(SwapMap.SWAP_HAS_CACHE | (SwapMap.SWAP_MAP_MAX - 1), device.SwapMapAt(slot));

        // SWAP_MAP_BAD is past SWAP_MAP_MAX: swap_entry_free writes it back unchanged.
        device.SwapFree(0, 0);
        Assert.Equal(SwapMap.SWAP_MAP_BAD, device.SwapMapAt(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Theory]
    [MemberData(nameof(Devices.SeedsPaths), MemberType = typeof(Devices))]
    public void A_free_of_what_nothing_holds_names_the_slot_and_the_kernels_check(string mode, int layout)
    {
        using ISwapDevice device = OneSlotTaken(mode, layout, out long slot);
        Assert.Equal(
            $"swap_free of slot {slot}, which nothing references (bad_free).",
            Assert.Throws<InvalidOperationException>(() => device.SwapFree(slot, 0)).Message);
        device.SwapcacheFree(slot, 0);
        Assert.Equal(
            $"swapcache_free of slot {slot}, which the swap cache does not hold (VM_BUG_ON(!has_cache)).",
            Assert.Throws<InvalidOperationException>(() => device.SwapcacheFree(slot, 0)).Message);
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void In_4_11_a_free_of_shmems_slot_hands_it_to_the_slot_cache_and_a_second_free_is_a_bad_free()
    {
        using ISwapDevice device = OneSlotTaken("merged-4.11", 8, out long slot);
        Devices.SetSwapMap(device, slot, SwapMap.SWAP_MAP_SHMEM);

        // 4.11 __swap_entry_free: nothing is left, so the slot reads SWAP_HAS_CACHE while the CPU's
        // return cache holds it.
        device.SwapFree(slot, 0);
        Assert.Equal(SwapMap.SWAP_HAS_CACHE, device.SwapMapAt(slot));
        Assert.Equal(
            $"swap_free of slot {slot}, which nothing references (bad_free).",
            Assert.Throws<InvalidOperationException>(() => device.SwapFree(slot, 0)).Message);
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void In_the_device_lock_mode_every_look_at_a_slot_takes_si_lock()
    {
        using ISwapDevice device = Devices.Create("device", 4, cpus: 1);
        long slot = device.GetSwapPage(0);
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        device.SwapcacheFree(slot, 0);
        device.ClearCounters();

        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        Assert.Equal(2, device.PageSwapcount(slot, 0));
        Assert.Equal(0, device.SwapcachePrepare(slot, 0));

        Assert.Equal(3, device.SwapInfoLocks(0));
    }

    /// <summary>A device of one CPU that handed out one slot, held by the swap cache alone.</summary>
    private static ISwapDevice OneSlotTaken(string mode, int layout, out long slot)
    {
        ISwapDevice device = Devices.Create(mode, layout, cpus: 1);
        slot = device.GetSwapPage(0);
        return device;
    }
}
