using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>The checker must see a broken device, or its silence on the others means nothing.</summary>
public sealed unsafe class InvariantCheckerTests
{
    private static SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> Device()
        => new(new SwapDeviceOptions { Slots = 16 * 256, Cpus = 2 });

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
        device.SwapMapBytes[(5 * 256) + 3] = SwapMap.SWAP_HAS_CACHE;
        SwapInvariantReport report = device.CheckInvariants();
        Assert.Contains(report.Violations, v => v.Contains("inuse_pages is 0 but 1 slots are in use", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Contains("cluster 5 is free but 1 of its slots are in use", StringComparison.Ordinal));
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
        Assert.Contains(device.CheckInvariants().Violations, v => v.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lock_left_held_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        ClusterBitLock.Lock(device.ClusterInfo.ElementPointer(7));
        Assert.Contains("cluster 7's lock is held at rest", device.CheckInvariants().Violations);
    }

    [Fact]
    public void A_count_off_by_one_is_seen()
    {
        using SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> device = Device();
        long slot = device.GetSwapPage(0);
        long cluster = slot / 256;
        ref swap_cluster_info_seed ci = ref device.ClusterInfo[cluster];
        swap_cluster_info_seed.cluster_set_count(ref ci, swap_cluster_info_seed.cluster_count(ref ci) + 1);
        Assert.Contains($"cluster {cluster} counts 2 slots but 1 are in use", device.CheckInvariants().Violations);
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
