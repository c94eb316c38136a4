using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// A VM_BUG_ON the model throws while it holds locks (a cluster's count found impossible by
/// inc_cluster_info_page or dec_cluster_info_page) must not leave a lock held: the kernel would
/// oops there, but in a test the other threads would spin on the lock until the hang bound, and
/// the bug would be reported as a hang instead of as itself.
/// </summary>
public sealed unsafe class BugUnderLockTests
{
    private const int ClusterPages = 256;

    public static TheoryData<string, bool> ModesAndPaths()
    {
        var data = new TheoryData<string, bool>();
        foreach (string mode in new[] { "device", "bitlock", "spinlock", "merged-4.11" })
        {
            data.Add(mode, true);
            data.Add(mode, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ModesAndPaths))]
    public void A_count_bug_under_the_locks_fails_the_call_and_leaves_no_lock_held(string mode, bool onAllocation)
    {
        switch (mode)
        {
            case "device":
                Run<swap_cluster_info_bitfield, NoClusterLock>(merged: false, onAllocation);
                break;
            case "bitlock":
                Run<swap_cluster_info_seed, ClusterBitLock>(merged: false, onAllocation);
                break;
            case "spinlock":
                Run<swap_cluster_info_spinlock, ClusterQueuedSpinLock>(merged: false, onAllocation);
                break;
            default:
                Run<swap_cluster_info_spinlock, ClusterQueuedSpinLock>(merged: true, onAllocation);
                break;
        }
    }

    private static void Run<TCluster, TLock>(bool merged, bool onAllocation)
        where TCluster : unmanaged, IClusterInfo<TCluster>
        where TLock : struct, IClusterLock
    {
        using var device = new SwapDevice<TCluster, TLock, ClusterQueuedSpinLock>(new SwapDeviceOptions { Slots = 16 * ClusterPages, Cpus = 2 }, merged);
        long slot = device.GetSwapPage(0);
        ref TCluster cluster = ref device.ClusterInfo[slot / ClusterPages];

        InvalidOperationException bug;
        if (onAllocation)
        {
            // Full by its count: the next slot taken from it finds no room (inc_cluster_info_page).
            TCluster.cluster_set_count(ref cluster, ClusterPages);
            bug = Assert.Throws<InvalidOperationException>(() =>
            {
                for (int i = 0; i < 2 * 64; i++)
                {
                    device.GetSwapPage(0);
                }
            });
        }
        else
        {
            // Empty by its count: the slot's last free has nothing to uncount (dec_cluster_info_page);
            // under 4.11 the free reaches it when the slot caches go back to the device.
            TCluster.cluster_set_count(ref cluster, 0);
            bug = Assert.Throws<InvalidOperationException>(() =>
            {
                device.SwapcacheFree(slot, 0);
                device.DrainSlotsCaches();
            });
        }

        Assert.Contains(onAllocation ? "VM_BUG_ON in inc_cluster_info_page" : "VM_BUG_ON in dec_cluster_info_page", bug.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(device.CheckInvariants().Violations, v => v.Contains("held at rest", StringComparison.Ordinal));
        // Another CPU still gets a slot, on a thread of its own: a lock left held would make it spin until the test's bound.
        Assert.NotEqual(0, TestThreads.Run(() => device.GetSwapPage(1)));
    }
}
