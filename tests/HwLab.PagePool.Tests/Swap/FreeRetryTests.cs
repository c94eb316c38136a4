using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// The seed's swap_entry_free (the v5 patch on 4.10, mm/swapfile.c) peeks at the slot's count
/// without a lock to decide whether it needs si->lock. When another CPU's free brings the count
/// down to this free's usage between the peek and the cluster lock, this free is the last one
/// after all: it lets the cluster lock go, takes si->lock, and takes the cluster lock again, in the
/// kernel's lock order.
/// </summary>
public sealed unsafe class FreeRetryTests
{
    [Fact]
    public void A_free_whose_count_falls_while_it_waits_for_the_cluster_lock_retakes_both_locks_in_order()
    {
        using var device = new SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock>(new SwapDeviceOptions { Slots = 16 * 256, Cpus = 2 });
        long slot = device.GetSwapPage(0);
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        Assert.Equal(0, device.SwapDuplicate(slot, 0));
        device.SwapcacheFree(slot, 0); // two references, no cache: a free now peeks at 2 and goes without si->lock
        device.ClearCounters();
        swap_cluster_info_seed* cluster = device.ClusterInfo.ElementPointer(slot / 256);

        ClusterBitLock.Lock(cluster);
        using var threads = new TestThreads();
        using var peeking = new ManualResetEventSlim();
        threads.Start(_ =>
        {
            using IDisposable cpu = device.EnterCpu(1);
            peeking.Set();
            device.SwapFree(slot, 1);
        });
        Assert.True(peeking.Wait(TestThreads.Patience, TestContext.Current.CancellationToken));
        // The free has peeked long before this; it now spins on the cluster lock. If it has not
        // peeked yet, it peeks at 1 and takes si->lock first, and the outcome is the same.
        Thread.Sleep(100);
        device.SwapMapBytes[(int)slot] = 1; // as another CPU's swap_free would have left it
        ClusterBitLock.Unlock(cluster);
        threads.Join();

        Assert.Equal(0, device.SwapMapAt(slot));
        Assert.Equal(1, device.SwapInfoLocks(1));
        device.CheckInvariants().ThrowIfBroken();
    }
}
