using System.Diagnostics;
using HwLab.Lab.Experiments.Swap;
using HwLab.Lab.Workloads;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.PagePool.Swap;

namespace HwLab.Lab.Experiments.Planning;

/// <summary>
/// Measures, in a few tens of milliseconds, the two costs a plan can take from this machine without
/// contending: an uncontended bit lock pair and one worker's swap-out + free. Contention, round trips
/// between CPUs and sharing lines need several CPUs at once and stay the documented figures.
/// </summary>
public static class CostCalibration
{
    private const int LockPairs = 200_000;
    private const int SwapOperations = 4_096;

    /// <summary><see cref="OperationCosts.Documented"/> with this machine's measured figures where they are slower.</summary>
    public static OperationCosts ForThisMachine()
        => OperationCosts.Documented.MeasuredHere(Best(3, MeasureLockPair), Best(3, MeasureSwapOperation));

    // Each try on a thread of its own: the swap workload attaches its thread as a CPU of the
    // device's queued spinlocks, and a thread that ends gives that back.
    private static double Best(int tries, Func<double> measure) => Enumerable.Range(0, tries).Min(_ => OnOwnThread(measure));

    private static double OnOwnThread(Func<double> measure)
    {
        double result = 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = measure();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException($"Measuring an operation's cost failed: {failure.Message}", failure);
    }

    private static unsafe double MeasureLockPair()
    {
        using ClusterArray<swap_cluster_info_seed> clusters = ClusterArray<swap_cluster_info_seed>.Allocate(1, 0);
        void* cluster = clusters.ElementPointer(0);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < LockPairs; i++)
        {
            ClusterBitLock.Lock(cluster);
            ClusterBitLock.Unlock(cluster);
        }
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / LockPairs;
    }

    private static double MeasureSwapOperation()
    {
        using ISwapDevice device = SwapDeviceFactory.Create(SwapLockMode.BitLock, 8, new SwapDeviceOptions { Slots = 64 * 256, Cpus = 1 });
        using var workload = new SwapWorkload(device, 1, SwapSettings.DefaultFifo, churn: false, SwapSettings.DefaultSeed);
        workload.BeginRun();
        workload.Prepare(0);
        workload.RunBatch(0, SwapOperations); // fills the FIFO: every later operation also frees
        long start = Stopwatch.GetTimestamp();
        workload.RunBatch(0, SwapOperations);
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / SwapOperations;
    }
}
