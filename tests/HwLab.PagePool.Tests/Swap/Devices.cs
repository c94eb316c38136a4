using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.PagePool.Swap;

namespace HwLab.PagePool.Tests.Swap;

/// <summary>The mode and layout pairs the tests run, and small devices for them.</summary>
internal static class Devices
{
    public static TheoryData<string, int> EveryPair
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach ((SwapLockMode mode, IReadOnlyList<int> layouts) in SwapDeviceFactory.LayoutsByMode)
            {
                foreach (int layout in layouts)
                {
                    data.Add(SwapDeviceFactory.Name(mode), layout);
                }
            }
            return data;
        }
    }

    public static TheoryData<string, int> EachMode => new()
    {
        { "device", 4 },
        { "bitlock", 8 },
        { "spinlock", 8 },
        { "merged-4.11", 8 },
    };

    /// <summary>A mode on each of the seed's free paths (4.11's frees go through the slot cache instead).</summary>
    public static TheoryData<string, int> SeedsPaths => new()
    {
        { "device", 4 },
        { "bitlock", 8 },
        { "spinlock", 24 },
    };

    /// <summary>A device in <paramref name="order"/>, or by default in the last order its kernels had (columns where they had them).</summary>
    public static ISwapDevice Create(
        string mode, int layout, long slots = 64 * 256, int cpus = 2, FreeClusterOrder? order = null, int clusterPages = 256, SpinlockForm spinlock = SpinlockForm.Queued, int startSeed = 0)
    {
        SwapLockMode parsed = SwapDeviceFactory.ParseMode(mode);
        FreeClusterOrder chosen = order ?? SwapDeviceFactory.OrdersFor(parsed, layout)[^1];
        return SwapDeviceFactory.Create(
            parsed, layout, new SwapDeviceOptions { Slots = slots, Cpus = cpus, Order = chosen, ClusterPages = clusterPages, Spinlock = spinlock, StartSeed = startSeed });
    }

    /// <summary>Writes a slot's swap_map byte behind the device's back, for states no path of the model makes (shmem's slots).</summary>
    public static void SetSwapMap(ISwapDevice device, long slot, byte value)
    {
        Span<byte> map = device switch
        {
            SwapDevice<swap_cluster_info_bitfield, NoClusterLock, ClusterQueuedSpinLock> d => d.SwapMapBytes,
            SwapDevice<swap_cluster_info_seed, ClusterBitLock, ClusterQueuedSpinLock> d => d.SwapMapBytes,
            SwapDevice<swap_cluster_info_spinlock, ClusterQueuedSpinLock, ClusterQueuedSpinLock> d => d.SwapMapBytes,
            SwapDevice<swap_cluster_info_list, ClusterQueuedSpinLock, ClusterQueuedSpinLock> d => d.SwapMapBytes,
            _ => throw new ArgumentException($"no view of the swap map of a {device.GetType().Name}", nameof(device)),
        };
        map[checked((int)slot)] = value;
    }
}
