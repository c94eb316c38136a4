using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData(100, "power of two")]
    [InlineData(0, "power of two")]
    [InlineData(65536, "power of two from 2 to 32768")]
    public void A_cluster_size_that_is_not_a_power_of_two_is_refused(int clusterPages, string expected)
    {
        var error = Assert.Throws<SwapDeviceConfigurationException>(() => Devices.Create("bitlock", 8, clusterPages: clusterPages));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_too_small_for_one_cluster_per_worker_is_refused()
    {
        var error = Assert.Throws<SwapDeviceConfigurationException>(() => Devices.Create("bitlock", 8, slots: 3 * 256, cpus: 4));
        Assert.Contains("4 workers need one each beyond the header's", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bitlock", 4, "the 4-byte form of 4.10 and before has no cluster lock")]
    [InlineData("spinlock", 4, "the 4-byte form of 4.10 and before has no cluster lock")]
    [InlineData("bitlock", 24, "the 24-byte form has a spinlock_t, not a lock bit")]
    [InlineData("bitlock", 32, "the 32-byte form has a spinlock_t, not a lock bit")]
    [InlineData("spinlock", 64, "the 64-byte form's lock is the seed's bit, not a spinlock_t")]
    [InlineData("device", 8, "the 8-byte form has a cluster lock every kernel with it took")]
    [InlineData("device", 24, "device runs only on the 4-byte layout")]
    [InlineData("device", 32, "device runs only on the 4-byte layout")]
    [InlineData("device", 64, "device runs only on the 4-byte layout")]
    [InlineData("device", 16, "There is no 16-byte swap_cluster_info")]
    [InlineData("merged-4.11", 24, "merged-4.11 runs only on the 8-byte layout")]
    [InlineData("merged-4.11", 4, "the 4-byte form of 4.10 and before has no cluster lock")]
    public void Unsupported_mode_and_layout_pairs_are_refused(string mode, int layout, string expected)
    {
        var error = Assert.Throws<SwapDeviceConfigurationException>(() => Devices.Create(mode, layout));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eight_bytes_means_the_seed_word_for_the_bit_lock_and_the_merged_form_for_the_spinlock()
    {
        using ISwapDevice bit = Devices.Create("bitlock", 8);
        using ISwapDevice spin = Devices.Create("spinlock", 8);
        Assert.Equal(Layout.ClusterLayout.Seed8, bit.Layout);
        Assert.Equal(Layout.ClusterLayout.Spinlock8, spin.Layout);
        Assert.Equal(SwapLockMode.SpinLock, spin.Mode);
    }

    [Theory]
    [InlineData("device", 4, FreeClusterOrder.Columns, "4.10 and before built the free list in cluster order")]
    [InlineData("spinlock", 32, FreeClusterOrder.Columns, "dropped the column order")]
    [InlineData("spinlock", 24, FreeClusterOrder.Sequential, "6.12 to 6.17 always filled the free list in columns")]
    [InlineData("merged-4.11", 8, FreeClusterOrder.Sequential, "merged 4.11 always filled the free list in columns")]
    public void Orders_no_kernel_of_the_generation_had_are_refused(string mode, int layout, FreeClusterOrder order, string expected)
    {
        var error = Assert.Throws<SwapDeviceConfigurationException>(() => Devices.Create(mode, layout, order: order));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_4_11_is_the_8_byte_spinlock_form_on_its_own_paths()
    {
        using ISwapDevice merged = Devices.Create("merged-4.11", 8);
        Assert.Equal(Layout.ClusterLayout.Spinlock8, merged.Layout);
        Assert.Equal(SwapLockMode.Merged411, merged.Mode);
    }

    [Fact]
    public void Spinlocks_are_queued_unless_the_pre_4_2_ticket_form_is_asked_for()
    {
        using ISwapDevice queued = Devices.Create("spinlock", 8);
        using ISwapDevice ticket = Devices.Create("spinlock", 8, spinlock: SpinlockForm.Ticket);
        Assert.Equal(SpinlockForm.Queued, queued.Spinlock);
        Assert.Equal(SpinlockForm.Ticket, ticket.Spinlock);
    }
}
