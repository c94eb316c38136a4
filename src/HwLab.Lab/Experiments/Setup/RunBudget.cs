using System.Globalization;
using HwLab.Lab.Engine;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// What one run may ask of the machine, checked by each experiment's Validate from its settings
/// together, before anything is measured: at most a day of measuring, at most half of this
/// machine's memory (and never more than 16 GiB), and results small enough to write. Every
/// estimate is a product of settings computed in 128 bits and saturated, so no combination of
/// values can overflow into a small number that passes.
/// </summary>
public static class RunBudget
{
    /// <summary>The longest one run may measure.</summary>
    public static TimeSpan MaxDuration { get; } = TimeSpan.FromDays(1);

    /// <summary>The most native memory a run may map, whatever the machine has.</summary>
    public const long MaxMemoryBytes = 16L << 30;

    /// <summary>
    /// The most worker samples (one worker's figures in one sample) a run may keep. Each is about
    /// 250 characters of results.json, and the whole document is one string, which .NET caps near
    /// a billion characters; a million stays far below that and is twice c2c's full profile on a
    /// large machine (a full matrix of 128 CPUs: 8128 pairs, 2 implementations, 15 samples, 2
    /// workers, 487 680 worker samples).
    /// </summary>
    public const long MaxWorkerSamples = 1_000_000;

    // Floors for the time estimates: the fastest an operation has any right to be, below what the
    // 2-vCPU guest of docs/performance.md measures (a ticket lock pair 6 ns, a bit lock pair 10 ns,
    // a round trip 48 ns, a swap operation 450 ns). The estimates are lower bounds: a refused run
    // is one that would take more than a day even on a machine faster than any measured.

    /// <summary>A lock/unlock pair is at least one locked read-modify-write: about 18 cycles, under 4 ns at 5 GHz.</summary>
    public const long LockPairFloorNanoseconds = 4;

    /// <summary>A ping-pong round trip moves a cache line to the other CPU and back; SMT siblings, the closest pair, take about 8 ns each way.</summary>
    public const long RoundTripFloorNanoseconds = 10;

    /// <summary>A swap operation copies a 4 KiB page in and one out: 8 KiB even at 80 GB/s is 100 ns.</summary>
    public const long SwapOperationFloorNanoseconds = 100;

    /// <summary>Half of the memory this process may use (the machine's, or its container's limit), at most <see cref="MaxMemoryBytes"/>.</summary>
    public static long MemoryBytes { get; } = Math.Min(MaxMemoryBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>The product of <paramref name="factors"/> (each at least 0), or long.MaxValue when it does not fit a long.</summary>
    public static long Product(params ReadOnlySpan<long> factors)
    {
        Int128 product = 1;
        foreach (long factor in factors)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(factor);
            // Both sides are below 2^63, so the product fits in 128 bits before it is clamped.
            product = Int128.Min(product * factor, long.MaxValue);
        }
        return (long)product;
    }

    /// <summary>The sum of <paramref name="terms"/> (each at least 0), or long.MaxValue when it does not fit a long.</summary>
    public static long Sum(params ReadOnlySpan<long> terms)
    {
        Int128 sum = 0;
        foreach (long term in terms)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(term);
            sum = Int128.Min(sum + term, long.MaxValue);
        }
        return (long)sum;
    }

    /// <summary>Runs of each point: its samples and at least the minimum warm-up.</summary>
    public static long RunsPerPoint(int samples) => Sum(samples, SamplingPlan.DefaultMinWarmup);

    /// <summary>
    /// <see cref="EnsureDuration"/> for <paramref name="points"/> points of lock/unlock pairs, each run
    /// <see cref="RunsPerPoint"/> times, every pair at no less than <see cref="LockPairFloorNanoseconds"/>.
    /// </summary>
    /// <exception cref="ExperimentSettingsException">That is more than a day.</exception>
    public static void EnsureLockPairDuration(long points, int samples, long operationsPerWorker, string experiment, string lower)
    {
        long runs = RunsPerPoint(samples);
        EnsureDuration(
            Product(points, runs, operationsPerWorker, LockPairFloorNanoseconds),
            experiment,
            $"{points} points, {runs} runs of {operationsPerWorker} lock/unlock pairs, at no less than {LockPairFloorNanoseconds} ns each",
            lower);
    }

    /// <exception cref="ExperimentSettingsException">At least <paramref name="nanoseconds"/> of measuring is more than a day.</exception>
    public static void EnsureDuration(long nanoseconds, string experiment, string how, string lower)
    {
        if (nanoseconds > MaxDuration.TotalNanoseconds)
        {
            throw new ExperimentSettingsException(string.Create(CultureInfo.InvariantCulture,
                $"{experiment} would measure for at least {nanoseconds / 3.6e12:0.#} hours ({how}); one run may take at most {MaxDuration.TotalHours:0} hours: lower {lower}."));
        }
    }

    /// <exception cref="ExperimentSettingsException"><paramref name="bytes"/> is more memory than a run may map.</exception>
    public static void EnsureMemory(long bytes, string experiment, string what, string lower)
    {
        if (bytes > MemoryBytes)
        {
            throw new ExperimentSettingsException(
                $"{experiment} would map {Gib(bytes)} ({what}); one run may map at most {Gib(MemoryBytes)}, half of this machine's memory and never more than {Gib(MaxMemoryBytes)}: lower {lower}.");
        }
    }

    /// <exception cref="ExperimentSettingsException">More worker samples than results may hold.</exception>
    public static void EnsureWorkerSamples(long workerSamples, string experiment, string how, string lower)
    {
        if (workerSamples > MaxWorkerSamples)
        {
            throw new ExperimentSettingsException(string.Create(CultureInfo.InvariantCulture,
                $"{experiment} would keep {workerSamples} worker samples ({how}); results hold at most {MaxWorkerSamples}: lower {lower}."));
        }
    }

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB");
}
