using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>What the factory offers and says when it refuses, and how counts and broken invariants read.</summary>
public sealed unsafe class SwapNamesAndReportsTests
{
    [Fact]
    public void Each_lock_mode_offers_the_layouts_some_kernel_had_and_the_padded_control()
    {
        IReadOnlyDictionary<SwapLockMode, IReadOnlyList<int>> layouts = SwapDeviceFactory.LayoutsByMode;
        Assert.Equal(4, layouts.Count);
        Assert.Equal([4], layouts[SwapLockMode.Device]);
        Assert.Equal([8, 64], layouts[SwapLockMode.BitLock]);
        Assert.Equal([8, 24, 32], layouts[SwapLockMode.SpinLock]);
        Assert.Equal([8], layouts[SwapLockMode.Merged411]);
    }

    [Theory]
    [InlineData(SwapLockMode.Device, 4, FreeClusterOrder.Columns, "device with the 4-byte layout does not run in column order: 4.10 and before built the free list in cluster order.")]
    [InlineData(SwapLockMode.Merged411, 8, FreeClusterOrder.Sequential, "merged-4.11 with the 8-byte layout does not run in sequential order: merged 4.11 always filled the free list in columns.")]
    public void A_refused_order_is_named_in_the_message(SwapLockMode mode, int layout, FreeClusterOrder order, string message)
        => Assert.Equal(message, Assert.Throws<SwapDeviceConfigurationException>(() => SwapDeviceFactory.EnsureSupported(mode, layout, order)).Message);

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    public void The_24_and_32_byte_generations_run_the_seeds_paths(int layout)
    {
        using ISwapDevice device = Devices.Create("spinlock", layout);
        Assert.Equal(SwapLockMode.SpinLock, device.Mode);
        // No slot cache: every allocation takes si->lock.
        Allocations.Take(device, 3);
        Assert.Equal(3, device.SwapInfoLocks(0));
    }

    [Fact]
    public void The_device_modes_cluster_lock_is_no_lock_at_all()
    {
        ulong word = 0;
        Assert.Equal(SwapDeviceFactory.Name(SwapLockMode.Device), NoClusterLock.Name);
        Assert.True(NoClusterLock.TryLock(&word));
        Assert.True(NoClusterLock.TryLock(&word)); // never held, so never contended
        Assert.False(NoClusterLock.IsLocked(&word));
        Assert.Equal(0UL, word);
    }

    [Fact]
    public void The_same_line_share_is_of_the_picks_and_zero_without_any()
    {
        Assert.Equal(0.25, new ClusterPicks(4, 1).SameLineShare);
        Assert.Equal(0, new ClusterPicks(0, 0).SameLineShare);
    }

    [Fact]
    public void A_broken_report_counts_every_violation_and_lists_the_first_five()
    {
        var report = new SwapInvariantReport(["a", "b", "c", "d", "e", "f", "g"]);
        Assert.False(report.Holds);
        var error = Assert.Throws<InvalidOperationException>(report.ThrowIfBroken);
        Assert.Equal("The swap device breaks 7 invariant(s): a; b; c; d; e", error.Message);
    }
}
