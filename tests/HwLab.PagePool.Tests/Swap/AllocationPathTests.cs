using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.PagePool.Swap;
using static HwLab.PagePool.Tests.Swap.Allocations;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// The seed's allocation path (get_swap_page, scan_swap_map and scan_swap_map_try_ssd_cluster of
/// mm/swapfile.c, 4.10 with the patch) on a device small enough to follow slot by slot: four
/// clusters of 64, cluster 0 holding the header, the free list in cluster order.
/// </summary>
public sealed class AllocationPathTests
{
    private const int ClusterPages = 64;
    private const long DeviceSlots = 4 * ClusterPages;

    private static SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> Seed(int cpus = 1)
        => new(new SwapDeviceOptions { Slots = DeviceSlots, Cpus = cpus, ClusterPages = ClusterPages, Order = FreeClusterOrder.Sequential });

    [Fact]
    public void A_sequential_device_hands_out_its_clusters_in_order_then_the_header_clusters_slots()
    {
        using var device = Seed();
        // The CPU takes each cluster from the head of the list (1, 2, 3) and uses it up.
        Assert.Equal(Slots(64, 255), Take(device, 192));
        // The list is empty: the scan starts at cluster_next, 256, which is past highest_bit, so it
        // starts again at lowest_bit and goes through the header's cluster slot by slot.
        Assert.Equal(Slots(1, 63), Take(device, 63));
        Assert.Equal(0, device.GetSwapPage(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void Lowest_bit_and_highest_bit_move_one_slot_when_a_bound_is_taken_and_cross_when_the_device_fills()
    {
        // scan_swap_map, 4.10: taking the slot at a bound moves that bound by one; a full device sets
        // lowest_bit past the end and highest_bit to 0.
        using var device = Seed();
        Assert.Equal((1L, 255L), ScanBounds(device));
        Take(device, 191); // 64 to 254, neither bound
        Assert.Equal((1L, 255L), ScanBounds(device));
        Assert.Equal(255, device.GetSwapPage(0));
        Assert.Equal((1L, 254L), ScanBounds(device)); // one down, not to the highest free slot, 63
        Assert.Equal(1, device.GetSwapPage(0));
        Assert.Equal((2L, 254L), ScanBounds(device));
        Take(device, 62);
        Assert.Equal((DeviceSlots, 0L), ScanBounds(device));
    }

    [Fact]
    public void The_scan_goes_on_above_the_last_slot_taken_not_back_to_one_freed_below_it()
    {
        using var device = Seed();
        Take(device, 192 + 10); // the three clusters, then header slots 1 to 10
        device.SwapcacheFree(9, 0);
        // cluster_next is one past the last slot taken (scan_swap_map, 4.10), and the scan looks there first.
        Assert.Equal(11, device.GetSwapPage(0));
        // Slot 9 comes back when the scan wraps from highest_bit to lowest_bit, which the free lowered to 9.
        Assert.Equal([.. Slots(12, 63), 9], Take(device, 53));
    }

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void The_slot_freed_on_a_full_device_is_the_next_one_handed_out(string mode, int layout)
    {
        using ISwapDevice device = Devices.Create(mode, layout, slots: DeviceSlots, cpus: 1, clusterPages: ClusterPages);
        Assert.Equal(DeviceSlots - 1, Fill(device));
        // The free makes slot 200 both lowest_bit and highest_bit; the scan starts below it, at
        // cluster_next (64), and must look up to highest_bit inclusive to find it.
        device.SwapcacheFree(200, 0);
        Assert.Equal(200, device.GetSwapPage(0));
        Assert.Equal(0, device.GetSwapPage(0));
    }

    [Theory]
    [MemberData(nameof(Devices.EachMode), MemberType = typeof(Devices))]
    public void A_full_device_answers_without_taking_si_lock(string mode, int layout)
    {
        using ISwapDevice device = Devices.Create(mode, layout, slots: DeviceSlots, cpus: 1, clusterPages: ClusterPages);
        Fill(device);
        device.ClearCounters();
        // get_swap_page (4.10) and get_swap_pages (4.11) give up on nr_swap_pages <= 0 before any lock.
        Assert.Equal(0, device.GetSwapPage(0));
        Assert.Equal(0, device.SwapInfoLocks(0));
    }

    [Fact]
    public void An_allocation_that_finds_no_slot_gives_back_the_page_it_counted()
    {
        using var device = Seed();
        // Slot 30 taken behind the device's back stands for the slot another CPU takes between this
        // CPU's decrement of nr_swap_pages and its scan under si->lock.
        device.SwapMapBytes[30] = SwapMap.SWAP_HAS_CACHE;
        Assert.Equal(DeviceSlots - 2, Fill(device));
        // The scan that found nothing put its page back (get_swap_page, 4.10): once slot 30 is free
        // again, nr_swap_pages still counts it.
        device.SwapMapBytes[30] = 0;
        Assert.Equal(30, device.GetSwapPage(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void A_cpu_the_device_was_not_set_up_for_is_refused()
    {
        using var device = Seed(cpus: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.GetSwapPage(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => device.GetSwapPage(-1));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void Each_cpus_cluster_picks_are_counted_as_its_own()
    {
        using var device = Seed(cpus: 2);
        device.GetSwapPage(1);
        Assert.Equal(new ClusterPicks(1, 0), device.Picks(1).FirstRound);
        Assert.Equal(default, device.Picks(0));
        // In cluster order CPU 0 takes cluster 2, whose entry shares a line with CPU 1's cluster 1.
        device.GetSwapPage(0);
        Assert.Equal(new ClusterPicks(1, 1), device.Picks(0).FirstRound);
        Assert.Equal(new ClusterPicks(1, 0), device.Picks(1).FirstRound);
    }

    [Fact]
    public void A_cpu_whose_cluster_another_cpu_used_up_drops_it_and_scans_from_cluster_next()
    {
        using var device = Seed(cpus: 2);
        Assert.Equal(64, device.GetSwapPage(0)); // CPU 0 holds cluster 1
        // CPU 1 uses up clusters 2 and 3, then, with the list empty, scans: the header's cluster, and
        // the rest of CPU 0's (scan_swap_map_try_ssd_cluster, 4.10: a CPU's cluster is not its alone).
        Assert.Equal(DeviceSlots - 2, Fill(device, cpu: 1));
        device.SwapcacheFree(10, 1);
        Assert.Equal(10, device.GetSwapPage(1)); // cluster_next is now 11
        device.SwapcacheFree(20, 1);
        device.SwapcacheFree(128, 1);
        // CPU 0 finds nothing left in cluster 1 up to its end (the slot at the end, 128, is the next
        // cluster's): it drops the cluster, and with the list empty scans from cluster_next.
        Assert.Equal(20, device.GetSwapPage(0));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void Taking_a_slot_in_a_cluster_flagged_free_off_the_head_of_the_list_is_a_vm_bug()
    {
        using var device = Seed();
        Fill(device);
        device.SwapcacheFree(100, 0);
        // Cluster 1, in use, flagged free behind the device's back: the scan reaches slot 100 with the
        // list empty, and inc_cluster_info_page finds a free cluster that is not the list's first.
        swap_cluster_info_seed.cluster_set_flag(ref device.ClusterInfo[1], SwapCluster.CLUSTER_FLAG_FREE);
        var bug = Assert.Throws<InvalidOperationException>(() => device.GetSwapPage(0));
        Assert.Equal("Cluster 1 is free but not first on the free list (VM_BUG_ON in inc_cluster_info_page).", bug.Message);
        AssertNoLockHeld(device);
    }

    [Fact]
    public void Taking_a_slot_in_a_cluster_that_counts_all_its_slots_is_a_vm_bug()
    {
        using var device = Seed();
        Assert.Equal(64, device.GetSwapPage(0));
        swap_cluster_info_seed.cluster_set_count(ref device.ClusterInfo[1], ClusterPages);
        // The very next slot of cluster 1 is one too many.
        var bug = Assert.Throws<InvalidOperationException>(() => device.GetSwapPage(0));
        Assert.Equal("Cluster 1 already counts 64 slots of 64 (VM_BUG_ON in inc_cluster_info_page).", bug.Message);
        AssertNoLockHeld(device);
    }

    /// <summary>si->lowest_bit and si->highest_bit, the scan's bounds, read at rest.</summary>
    private static unsafe (long Lowest, long Highest) ScanBounds(SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device)
        => (device.SwapInfoPointer->lowest_bit, device.SwapInfoPointer->highest_bit);
}
