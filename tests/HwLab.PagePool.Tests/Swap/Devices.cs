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
    };

    public static ISwapDevice Create(string mode, int layout, long slots = 64 * 256, int cpus = 2, FreeClusterOrder order = FreeClusterOrder.Columns, int clusterPages = 256)
        => SwapDeviceFactory.Create(SwapDeviceFactory.ParseMode(mode), layout, new SwapDeviceOptions { Slots = slots, Cpus = cpus, Order = order, ClusterPages = clusterPages });

    public static int Scale => int.TryParse(Environment.GetEnvironmentVariable("HWLAB_STRESS_SCALE"), out int scale) && scale > 0 ? scale : 1;
}
