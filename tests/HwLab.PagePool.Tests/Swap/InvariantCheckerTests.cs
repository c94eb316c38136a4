using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// The checker must see a broken device, or its silence on the others means nothing: each test
/// breaks one thing the device keeps, behind its back, and looks for the checker's sentence on it.
/// </summary>
public sealed unsafe class InvariantCheckerTests
{
    private const int ClusterPages = 256;
    private const int Clusters = 16;

    private static SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> Device()
        => new(new SwapDeviceOptions { Slots = Clusters * ClusterPages, Cpus = 2 });

    [Fact]
    public void A_fresh_device_and_one_in_use_hold()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        Assert.True(device.CheckInvariants().Holds);
        long slot = device.GetSwapPage(0);
        device.SwapDuplicate(slot, 0);
        Assert.True(device.CheckInvariants().Holds);
    }

    [Fact]
    public void A_slot_used_behind_the_clusters_back_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        device.SwapMapBytes[(5 * ClusterPages) + 3] = SwapMap.SWAP_HAS_CACHE;
        SwapInvariantReport report = device.CheckInvariants();
        Assert.Contains("inuse_pages is 0 but 1 slots are in use", report.Violations);
        Assert.Contains("cluster 5 is free but 1 of its slots are in use", report.Violations);
        Assert.Throws<InvalidOperationException>(report.ThrowIfBroken);
    }

    [Fact]
    public void A_cycle_in_the_free_list_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        // Every free cluster is on the list, linked through its next field; the tail's next is 0
        // (cluster 0 holds the header and is never free). Find a cluster whose successor is not the
        // tail, and point that successor back at it.
        ClusterArray<swap_cluster_info_seed> clusters = device.ClusterInfo;
        long first = -1;
        for (long idx = 1; idx < clusters.Count && first < 0; idx++)
        {
            uint next = swap_cluster_info_seed.cluster_next(ref clusters[idx]);
            bool free = (swap_cluster_info_seed.cluster_flags(ref clusters[idx]) & SwapCluster.CLUSTER_FLAG_FREE) != 0;
            if (free && next != 0 && swap_cluster_info_seed.cluster_next(ref clusters[next]) != 0)
            {
                first = idx;
            }
        }
        Assert.True(first > 0, "no free cluster has two successors on the list");
        long second = swap_cluster_info_seed.cluster_next(ref clusters[first]);
        swap_cluster_info_seed.cluster_set_next(ref clusters[second], (uint)first);
        Assert.Contains($"the free list has a cycle through cluster {first}", device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_lock_left_held_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        ClusterBitLock.Lock(device.ClusterInfo.ElementPointer(7));
        Assert.Equal(["cluster 7's lock is held at rest"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void Si_lock_left_held_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        Assert.True(ClusterQueuedSpinLock.TryLock(&device.SwapInfoPointer->@lock));
        Assert.Equal(["si->lock is held at rest"], device.CheckInvariants().Violations);
        ClusterQueuedSpinLock.Unlock(&device.SwapInfoPointer->@lock);
        Assert.True(device.CheckInvariants().Holds);
    }

    [Fact]
    public void Either_global_lock_left_held_is_seen_alone()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        foreach (nint address in new[] { (nint)(&device.GlobalsPointer->swap_avail_lock), (nint)(&device.GlobalsPointer->swap_slots_cache_mutex) })
        {
            var held = (spinlock_t*)address;
            Assert.True(ClusterQueuedSpinLock.TryLock(held));
            Assert.Equal(["swap_avail_lock or swap_slots_cache_mutex is held at rest"], device.CheckInvariants().Violations);
            ClusterQueuedSpinLock.Unlock(held);
        }
        Assert.True(device.CheckInvariants().Holds);
    }

    [Fact]
    public void A_count_off_by_one_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        long slot = device.GetSwapPage(0);
        long cluster = slot / ClusterPages;
        ref swap_cluster_info_seed ci = ref device.ClusterInfo[cluster];
        swap_cluster_info_seed.cluster_set_count(ref ci, swap_cluster_info_seed.cluster_count(ref ci) + 1);
        Assert.Equal([$"cluster {cluster} counts 2 slots but 1 are in use"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void Nr_swap_pages_that_does_not_count_the_free_slots_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        device.GetSwapPage(0);
        long free = device.Slots - 2; // the header and the slot just taken
        Assert.Equal(free, device.GlobalsPointer->nr_swap_pages);
        device.GlobalsPointer->nr_swap_pages++;
        Assert.Equal([$"nr_swap_pages is {free + 1} but {free} slots are free"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_value_no_path_writes_is_seen_and_the_highest_count_and_shmem_are_not()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        long slot = device.GetSwapPage(0);
        for (int i = 0; i < SwapMap.SWAP_MAP_MAX; i++)
        {
            Assert.Equal(0, device.SwapDuplicate(slot, 0));
        }
        Assert.Equal(SwapMap.SWAP_HAS_CACHE | SwapMap.SWAP_MAP_MAX, device.SwapMapAt(slot));
        Assert.True(device.CheckInvariants().Holds);

        device.SwapMapBytes[(int)slot] = SwapMap.SWAP_MAP_SHMEM;
        Assert.True(device.CheckInvariants().Holds);

        // SWAP_MAP_BAD (0x3f) is written only to the header and to bad blocks, which the model has none of.
        device.SwapMapBytes[(int)slot] = SwapMap.SWAP_MAP_BAD;
        Assert.Equal([$"slot {slot} holds 0x3f, which no path writes"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_header_that_is_not_SWAP_MAP_BAD_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        device.SwapMapBytes[0] = 0;
        Assert.Contains("the header slot holds 0x00, not SWAP_MAP_BAD", device.CheckInvariants().Violations);
    }

    [Fact]
    public void Lowest_bit_and_highest_bit_may_narrow_to_the_one_free_slot_of_a_full_device()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        Assert.Equal(device.Slots - 1, Allocations.Fill(device));
        long middle = device.Slots / 2;
        device.SwapcacheFree(middle, 0);

        // A full device set lowest_bit past the end and highest_bit to 0; the free widened both to the slot.
        Assert.Equal(middle, device.SwapInfoPointer->lowest_bit);
        Assert.Equal(middle, device.SwapInfoPointer->highest_bit);
        Assert.True(device.CheckInvariants().Holds);
    }

    [Fact]
    public void A_free_slot_below_lowest_bit_or_above_highest_bit_is_seen_on_either_side()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        long last = device.Slots - 1;

        device.SwapInfoPointer->lowest_bit = 5;
        Assert.Equal([$"free slots run from 1 to {last}, outside lowest_bit 5 .. highest_bit {last}"], device.CheckInvariants().Violations);

        device.SwapInfoPointer->lowest_bit = 1;
        device.SwapInfoPointer->highest_bit = last - 1;
        Assert.Equal([$"free slots run from 1 to {last}, outside lowest_bit 1 .. highest_bit {last - 1}"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void The_checker_keeps_its_first_hundred_findings()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        for (int slot = 1; slot <= 150; slot++)
        {
            device.SwapMapBytes[slot] = SwapMap.SWAP_MAP_BAD;
        }
        IReadOnlyList<string> violations = device.CheckInvariants().Violations;
        Assert.Equal(100, violations.Count);
        Assert.Equal("slot 1 holds 0x3f, which no path writes", violations[0]);
        Assert.Equal("slot 100 holds 0x3f, which no path writes", violations[^1]);
    }

    [Fact]
    public void An_empty_free_list_with_clusters_flagged_free_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        swap_cluster_info_seed.cluster_set_null(ref device.SwapInfoPointer->free_clusters.head);
        Assert.Equal([$"the free list is empty but {Clusters - 1} clusters are flagged free"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_free_list_shorter_than_the_clusters_flagged_free_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        ref SwapClusterList<swap_cluster_info_seed> list = ref device.SwapInfoPointer->free_clusters;
        swap_cluster_info_seed.cluster_set_next_flag(ref list.tail, swap_cluster_info_seed.cluster_next(ref list.head), 0);
        Assert.Equal([$"the free list holds 1 clusters but {Clusters - 1} are flagged free"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_cluster_on_the_free_list_but_not_flagged_free_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        ref swap_cluster_info_seed head = ref device.ClusterInfo[swap_cluster_info_seed.cluster_next(ref device.SwapInfoPointer->free_clusters.head)];
        uint next = swap_cluster_info_seed.cluster_next(ref head);
        swap_cluster_info_seed.cluster_set_next_flag(ref head, next, 0);
        long idx = swap_cluster_info_seed.cluster_next(ref device.SwapInfoPointer->free_clusters.head);
        IReadOnlyList<string> violations = device.CheckInvariants().Violations;
        Assert.Contains($"cluster {idx} is on the free list but not flagged free", violations);
        Assert.Contains($"the free list holds {Clusters - 1} clusters but {Clusters - 2} are flagged free", violations);
    }

    [Fact]
    public void A_free_list_that_links_to_cluster_0_is_seen_at_cluster_0()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        // Cluster 0 holds the header and is never free: a link to it is a bad link, not one past the device.
        long head = swap_cluster_info_seed.cluster_next(ref device.SwapInfoPointer->free_clusters.head);
        swap_cluster_info_seed.cluster_set_next(ref device.ClusterInfo[head], 0);
        IReadOnlyList<string> violations = device.CheckInvariants().Violations;
        Assert.Contains("cluster 0 is on the free list but not flagged free", violations);
        Assert.DoesNotContain(violations, v => v.Contains("past the device", StringComparison.Ordinal));
    }

    [Fact]
    public void A_free_list_that_links_past_the_last_cluster_is_seen_and_not_followed()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        long head = swap_cluster_info_seed.cluster_next(ref device.SwapInfoPointer->free_clusters.head);
        swap_cluster_info_seed.cluster_set_next(ref device.ClusterInfo[head], Clusters);
        Assert.Equal([$"the free list links to cluster {Clusters}, past the device's {Clusters}"], device.CheckInvariants().Violations);
    }

    [Fact]
    public void Freeing_what_nothing_holds_is_refused()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        long slot = device.GetSwapPage(0);
        Assert.Throws<InvalidOperationException>(() => device.SwapFree(slot, 0));
        device.SwapcacheFree(slot, 0);
        Assert.Throws<InvalidOperationException>(() => device.SwapcacheFree(slot, 0));
        Assert.True(device.CheckInvariants().Holds);
    }
}
