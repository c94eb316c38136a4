using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>Settings of the falseshare experiment.</summary>
/// <param name="Cpus">Worker i runs on Cpus[i] and owns cluster i.</param>
/// <param name="Distances">Bytes between neighbouring workers' clusters; the largest is the no-sharing baseline.</param>
/// <param name="OperationsPerWorker">Lock/unlock pairs each worker makes per sample.</param>
/// <param name="Implementations">Which locks to run: managed, managed-xadd, native.</param>
public sealed record FalseShareSettings(IReadOnlyList<int> Cpus, int Samples, long OperationsPerWorker, IReadOnlyList<int> Distances, IReadOnlyList<string> Implementations)
{
    public static IReadOnlyList<int> DefaultDistances { get; } = [8, 16, 32, 64, 128];

    /// <summary>The managed bit lock and the kernel's lock bts; managed-xadd (the fetch-first acquire) on request.</summary>
    public static IReadOnlyList<string> DefaultImplementations { get; } = ["managed", "native"];

    public static IReadOnlyList<string> KnownImplementations { get; } = ["managed", "managed-xadd", "native"];

    /// <summary>The sizes of <paramref name="profile"/> for workers on <paramref name="cpus"/>.</summary>
    public static FalseShareSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus) => profile switch
    {
        SuiteProfile.Quick => new FalseShareSettings(cpus, 5, 100_000, DefaultDistances, DefaultImplementations),
        SuiteProfile.Full => new FalseShareSettings(cpus, 15, 2_000_000, DefaultDistances, DefaultImplementations),
        _ => new FalseShareSettings(cpus, 9, 1_000_000, DefaultDistances, DefaultImplementations),
    };

    /// <summary>At most this many workers by default: at 8 bytes, 8 of them share one 64-byte line, the seed's worst case.</summary>
    public const int DefaultMaxWorkers = 8;

    /// <summary>Lock/unlock pairs per worker per sample: at least 1000 to get past the clock's resolution; at most 100 million, seconds a sample even under false sharing.</summary>
    public static ValueRange OperationsRange { get; } = new(1_000, 100_000_000);

    /// <summary>Bytes between neighbouring clusters, each a multiple of 8 (the seed's struct): from 8 (sharing a line 8 ways) to 4096 (a page apart).</summary>
    public static ValueRange DistanceRange { get; } = new(8, 4096);
}
