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
}
