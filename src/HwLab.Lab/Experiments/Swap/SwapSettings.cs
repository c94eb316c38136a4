using HwLab.Lab.Experiments.Setup;
using HwLab.Layout;
using HwLab.PagePool.Swap;

namespace HwLab.Lab.Experiments.Swap;

/// <summary>Settings of the swap and churn experiments.</summary>
/// <param name="Cpus">Worker i runs on Cpus[i]; a run with T workers uses the first T.</param>
/// <param name="WorkerCounts">The T values measured; each point's scaling is against T = 1 of the same device, and swap fits each device's curve through them.</param>
/// <param name="OperationsPerWorker">Swap-out + swap-in/free operations per worker per sample.</param>
/// <param name="Modes">device, bitlock, spinlock, merged-4.11.</param>
/// <param name="Orders">sequential, columns.</param>
/// <param name="Layouts">Generation sizes in bytes: 4, 8, 24, 32, 64 (4 runs only under device; 8 is the seed's word under bitlock, the merged form under spinlock and merged-4.11).</param>
/// <param name="Fifo">Slots each worker holds before it swaps the oldest back in.</param>
/// <param name="DeviceSlots">Slots of the swap device; 0 sizes it at 16 clusters per worker (at least 64 clusters).</param>
/// <param name="Seed">Seeds the churn phase and each device's random start (swapon's cluster_next).</param>
/// <param name="Spinlock">How every spinlock_t is taken: the queued spinlock (x86 since 4.2) or the ticket lock before it.</param>
public sealed record SwapSettings(
    IReadOnlyList<int> Cpus,
    IReadOnlyList<int> WorkerCounts,
    int Samples,
    long OperationsPerWorker,
    IReadOnlyList<string> Modes,
    IReadOnlyList<string> Orders,
    IReadOnlyList<int> Layouts,
    ClusterColumnRule ColumnRule,
    int ClusterPages,
    int Fifo,
    long DeviceSlots,
    int Seed,
    SpinlockForm Spinlock = SpinlockForm.Queued)
{
    public static IReadOnlyList<string> KnownModes { get; } = ["device", "bitlock", "spinlock", "merged-4.11"];

    public static IReadOnlyList<string> KnownSpinlocks { get; } = ["qspinlock", "ticket"];

    public static IReadOnlyList<string> KnownOrders { get; } = ["sequential", "columns"];

    public static IReadOnlyList<int> KnownLayouts { get; } = [4, 8, 24, 32, 64];

    /// <summary>No device larger than this by default: 2^20 slots are 4 GiB of backing pages.</summary>
    public const long MaxAutoSlots = 1L << 20;

    public const int DefaultSeed = 2017;

    public const int DefaultFifo = 512;

    /// <summary>Operations per worker per sample: at least 256 (one batch); at most 10 million, seconds a sample even with every worker on one si->lock.</summary>
    public static ValueRange OperationsRange { get; } = new(256, 10_000_000);

    /// <summary>SWAPFILE_CLUSTER: a power of two from 2 to 32768 slots (the device also checks the power of two).</summary>
    public static ValueRange ClusterPagesRange { get; } = new(2, 32_768);

    /// <summary>Slots a worker holds: at most 65 536 (256 MiB of pages in flight per worker); each costs its FIFO 17 bytes per worker and workload.</summary>
    public static ValueRange FifoRange { get; } = new(1, 65_536);

    /// <summary>
    /// Slots of the device, each backed by a 4 KiB page mapped for the whole run: at least 4, the
    /// header's cluster and one worker's of the smallest clusters (2 slots); at most 2^20 (4 GiB),
    /// where the automatic size stops too unless the workers need more. Every mode, order and layout
    /// gets a device of its own, so the devices together are checked against the memory a run may map.
    /// </summary>
    public static ValueRange DeviceSlotsRange { get; } = new(4, MaxAutoSlots);

    /// <summary>Layout sizes are 4 to 64 bytes; which sizes exist is the device factory's to say.</summary>
    public static ValueRange LayoutRange { get; } = new(4, 64);

    /// <summary>
    /// swap: 1, 2, 4, ... up to every CPU, the curve each device's fit needs. churn, whose claims
    /// and figures take the most workers only: T = 1 and every CPU (and the powers of two between
    /// with <see cref="SuiteProfile.Full"/>).
    /// </summary>
    public static IReadOnlyList<int> WorkerCountsFor(SuiteProfile profile, int cpus, bool churn)
    {
        if (!churn || profile == SuiteProfile.Full)
        {
            return ScalingWorkers.Counts(cpus);
        }
        return cpus <= 1 ? [1] : [1, cpus];
    }

    public static SwapSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus, bool churn = false)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        IReadOnlyList<int> counts = WorkerCountsFor(profile, cpus.Count, churn);
        return profile switch
        {
            SuiteProfile.Quick => new SwapSettings(cpus, counts, 5, 8_192, KnownModes, KnownOrders, [4, 8], ClusterColumnRule.Seed, 256, DefaultFifo, 0, DefaultSeed),
            SuiteProfile.Full => new SwapSettings(cpus, counts, 15, 131_072, KnownModes, KnownOrders, KnownLayouts, ClusterColumnRule.Seed, 256, DefaultFifo, 0, DefaultSeed),
            _ => new SwapSettings(cpus, counts, 7, 32_768, KnownModes, KnownOrders, [4, 8], ClusterColumnRule.Seed, 256, DefaultFifo, 0, DefaultSeed),
        };
    }
}
