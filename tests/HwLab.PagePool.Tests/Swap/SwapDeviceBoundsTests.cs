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

    public static TheoryData<string> Operations => ["swap_free", "swapcache_free", "swap_duplicate", "swapcache_prepare", "page_swapcount"];

    private static void Run(ISwapDevice device, string operation, long offset, int cpu)
    {
        switch (operation)
        {
            case "swap_free": device.SwapFree(offset, cpu); break;
            case "swapcache_free": device.SwapcacheFree(offset, cpu); break;
            case "swap_duplicate": device.SwapDuplicate(offset, cpu); break;
            case "swapcache_prepare": device.SwapcachePrepare(offset, cpu); break;
            default: device.PageSwapcount(offset, cpu); break;
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_operation_refuses_a_slot_or_a_CPU_past_the_device_and_changes_nothing(string operation)
    {
        using ISwapDevice device = Devices.Create("bitlock", 8, slots: 16 * 256, cpus: 2);
        long slot = device.GetSwapPage(0);
        device.ClearCounters();
        foreach (long offset in new[] { -1, device.Slots })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Run(device, operation, offset, 0));
            Assert.Equal(("offset", offset), (refused.ParamName, (long)refused.ActualValue!));
            Assert.StartsWith($"The device has slots 0 to {device.Slots - 1}.", refused.Message, StringComparison.Ordinal);
        }
        foreach (int cpu in new[] { -1, 2 })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Run(device, operation, slot, cpu));
            Assert.Equal(("cpu", cpu), (refused.ParamName, (int)refused.ActualValue!));
            Assert.StartsWith("The device was set up for CPUs 0 to 1.", refused.Message, StringComparison.Ordinal);
        }
        Assert.Equal(SwapMap.SWAP_HAS_CACHE, device.SwapMapAt(slot));
        Assert.Equal(0, device.SwapInfoLocks(0) + device.SwapInfoLocks(1));
        device.CheckInvariants().ThrowIfBroken();
    }

    [Fact]
    public void The_pages_and_the_map_refuse_a_slot_past_the_device()
    {
        using ISwapDevice device = Devices.Create("spinlock", 8, slots: 16 * 256, cpus: 2);
        byte[] page = new byte[SwapDeviceOptions.PageBytes];
        Action<long>[] reads =
        [
            offset => device.WritePage(offset, page),
            offset => device.ReadPage(offset, page),
            offset => device.ReadStamp(offset),
            offset => device.SwapMapAt(offset),
        ];
        foreach (Action<long> read in reads)
        {
            foreach (long offset in new[] { -1, device.Slots })
            {
                Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => read(offset)).ParamName);
            }
            read(device.Slots - 1);
        }
    }

    [Theory]
    [InlineData(SpinlockForm.Queued)]
    [InlineData(SpinlockForm.Ticket)]
    public void Entering_a_CPU_past_the_device_is_refused_whatever_the_spinlocks_form(SpinlockForm form)
    {
        using ISwapDevice device = Devices.Create("spinlock", 8, slots: 16 * 256, cpus: 2, spinlock: form);
        foreach (int cpu in new[] { -1, 2 })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => device.EnterCpu(cpu));
            Assert.StartsWith("The device was set up for CPUs 0 to 1.", refused.Message, StringComparison.Ordinal);
        }
    }
}
