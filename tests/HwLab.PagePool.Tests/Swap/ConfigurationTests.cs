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
    [InlineData("bitlock", 4, "the 4-byte form has no room for a lock")]
    [InlineData("spinlock", 4, "the 4-byte form has no room for a lock")]
    [InlineData("bitlock", 24, "bitlock locking runs on the 8, 64-byte layouts")]
    [InlineData("spinlock", 64, "spinlock locking runs on the 8, 24, 32-byte layouts")]
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
