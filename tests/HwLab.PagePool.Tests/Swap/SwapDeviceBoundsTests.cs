using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>
/// A swap device's settings at and past each bound, and the names the command line gives its
/// modes and forms: each bound holds at its value, refuses the next one, and says what it wanted.
/// </summary>
public sealed class SwapDeviceBoundsTests
{
    private static SwapDeviceOptions Options(long slots = 64 * 256, int cpus = 2, int clusterPages = 256, int lineSize = 64)
        => new() { Slots = slots, Cpus = cpus, ClusterPages = clusterPages, LineSize = lineSize };

    [Theory]
    [InlineData(2 * 3 - 1, 2, 2)]           // five slots round up to three clusters of 2: the header's and one for each of two CPUs
    [InlineData(32_768 * 2, 1, 32_768)]
    [InlineData(((1L << 24) - 1) * 2, 1, 2)] // the most clusters a 24-bit next field can name
    public void Settings_at_their_bounds_are_taken(long slots, int cpus, int clusterPages)
    {
        SwapDeviceOptions options = Options(slots, cpus, clusterPages);

        options.Validate();
        Assert.Equal((slots + clusterPages - 1) / clusterPages, options.Clusters);
    }

    [Theory]
    [InlineData(64 * 256, 2, 1, 64, "A cluster must be a power of two from 2 to 32768 pages, not 1.")]
    [InlineData(64 * 256, 2, 65_536, 64, "A cluster must be a power of two from 2 to 32768 pages, not 65536.")]
    [InlineData(64 * 256, 2, 96, 64, "A cluster must be a power of two from 2 to 32768 pages, not 96.")]
    [InlineData(64 * 256, 0, 256, 64, "A swap device needs at least one CPU allocating from it, not 0.")]
    [InlineData(2 * 2, 2, 2, 64, "A device of 4 slots has 2 clusters of 2; 2 workers need one each beyond the header's (3 clusters, 6 slots).")]
    [InlineData((1L << 24) * 2, 1, 2, 64, "16777216 clusters do not fit the 24-bit next field of the older generations.")]
    [InlineData(64 * 256, 2, 256, 0, "A cache line is a power of two of bytes, not 0.")]
    [InlineData(64 * 256, 2, 256, 48, "A cache line is a power of two of bytes, not 48.")]
    public void Settings_past_their_bounds_are_refused_with_the_bound(long slots, int cpus, int clusterPages, int lineSize, string message)
        => Assert.Equal(message, Assert.Throws<SwapDeviceConfigurationException>(Options(slots, cpus, clusterPages, lineSize).Validate).Message);

    [Theory]
    [InlineData("device", SwapLockMode.Device)]
    [InlineData("bitlock", SwapLockMode.BitLock)]
    [InlineData("spinlock", SwapLockMode.SpinLock)]
    [InlineData("merged-4.11", SwapLockMode.Merged411)]
    public void A_mode_reads_back_as_its_name(string name, SwapLockMode mode)
    {
        Assert.Equal(mode, SwapDeviceFactory.ParseMode(name));
        Assert.Equal(name, SwapDeviceFactory.Name(mode));
    }

    [Theory]
    [InlineData("qspinlock", SpinlockForm.Queued)]
    [InlineData("ticket", SpinlockForm.Ticket)]
    public void A_spinlock_form_reads_back_as_its_name(string name, SpinlockForm form)
    {
        Assert.Equal(form, SwapDeviceFactory.ParseSpinlock(name));
        Assert.Equal(name, SwapDeviceFactory.Name(form));
    }

    [Fact]
    public void Unknown_names_and_sizes_are_refused_with_the_known_ones()
    {
        Assert.Equal(
            "There is no lock mode mutex; the modes are device, bitlock, spinlock and merged-4.11.",
            Assert.Throws<SwapDeviceConfigurationException>(() => SwapDeviceFactory.ParseMode("mutex")).Message);
        Assert.Equal(
            "There is no spinlock form mcs; the forms are qspinlock (x86 since 4.2) and ticket (before).",
            Assert.Throws<SwapDeviceConfigurationException>(() => SwapDeviceFactory.ParseSpinlock("mcs")).Message);
        Assert.Equal(
            "There is no 16-byte swap_cluster_info; the generations are 4, 8, 24, 32 and 64 bytes.",
            Assert.Throws<SwapDeviceConfigurationException>(() => SwapDeviceFactory.LayoutFor(SwapLockMode.BitLock, 16)).Message);
        Assert.Equal(["columns", "sequential"], [SwapDeviceFactory.OrderName(FreeClusterOrder.Columns), SwapDeviceFactory.OrderName(FreeClusterOrder.Sequential)]);
        Assert.Throws<ArgumentNullException>(() => SwapDeviceFactory.Create(SwapLockMode.BitLock, 8, null!, TestContext.Current.CancellationToken));
    }
}
