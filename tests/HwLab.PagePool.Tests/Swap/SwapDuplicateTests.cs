using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// swap_duplicate's answers on a slot nothing uses, and which frees take si->lock: the seed's
/// swap_entry_free (mm/swapfile.c, the v5 patch on 4.10) takes it only for a free that may bring
/// the slot's count to zero; 4.10's device-lock mode takes it for every free.
/// </summary>
public sealed class SwapDuplicateTests
{
    private const int ENOENT = 2;

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
        using ISwapDevice device = Devices.Create(mode, layout, cpus: 1);
        long slot = device.GetSwapPage(0);
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
}
