using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>Settings of the falseshare experiment.</summary>
/// <param name="Cpus">Worker i runs on Cpus[i] and owns cluster i.</param>
/// <param name="Distances">Bytes between neighbouring workers' clusters; the largest is the no-sharing baseline.</param>
/// <param name="OperationsPerWorker">Lock/unlock pairs each worker makes per sample.</param>
/// <param name="Implementations">Which forms of the bit lock to run (<see cref="ImplementationForms"/>).</param>
/// <param name="Sharers">The k of the sharing grid: k workers whose 8-byte clusters share one line, each k at most a line's clusters.</param>
/// <param name="Placements">Where the k workers sit: same-l3, other-l3, other-package (each where the machine has it).</param>
/// <param name="Candidates">The CPUs the sharing grid chooses its workers from: --cpus when given, else every usable CPU.</param>
public sealed record FalseShareSettings(
    IReadOnlyList<int> Cpus,
    int Samples,
    long OperationsPerWorker,
    IReadOnlyList<int> Distances,
    IReadOnlyList<string> Implementations,
    IReadOnlyList<int> Sharers,
    IReadOnlyList<string> Placements,
    IReadOnlyList<int> Candidates)
{
    /// <summary>k = 2, 4, 8, ... up to the 8-byte clusters of one line (8 in 64 bytes, 16 in 128).</summary>
    public static IReadOnlyList<int> SharersFor(int lineSize)
    {
        var sharers = new List<int>();
        for (int k = 2; k <= Math.Max(2, lineSize / 8); k *= 2)
        {
            sharers.Add(k);
        }
        return sharers;
    }

    /// <summary>The sharing grid's k: from 2 to 64 (the clusters of a 512-byte line, far past any line known).</summary>
    public static ValueRange SharersRange { get; } = new(2, 64);

    public static IReadOnlyList<int> DefaultDistances { get; } = [8, 16, 32, 64, 128];

    /// <summary>The managed bit lock and the kernel's lock bts; the other forms on request.</summary>
    public static IReadOnlyList<string> DefaultImplementations { get; } = ["managed", "native"];

    /// <summary>Each form of the bit lock by its --impls name: BitSpinLock's default, the alternatives it was chosen from, and the native forms.</summary>
    internal static IReadOnlyDictionary<string, Workloads.BitLockForm> ImplementationForms { get; } = new Dictionary<string, Workloads.BitLockForm>
    {
        ["managed"] = Workloads.BitLockForm.Managed,
        ["managed-cas"] = Workloads.BitLockForm.ManagedCompareExchange,
        ["managed-xadd"] = Workloads.BitLockForm.ManagedFetchFirst,
        ["managed-backoff"] = Workloads.BitLockForm.ManagedBackoff,
        ["managed-store"] = Workloads.BitLockForm.ManagedNonAtomicRelease,
        ["native"] = Workloads.BitLockForm.Native,
        ["native-4.10"] = Workloads.BitLockForm.NativeV4_10,
    };

    public static IReadOnlyList<string> KnownImplementations { get; } = [.. ImplementationForms.Keys];

    /// <summary>The sizes of <paramref name="profile"/> for workers on <paramref name="cpus"/>.</summary>
    public static FalseShareSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus, int lineSize = 64, IReadOnlyList<int>? candidates = null) => profile switch
    {
        SuiteProfile.Quick => new FalseShareSettings(cpus, 5, 100_000, DefaultDistances, DefaultImplementations, SharersFor(lineSize), SharingPlacements.Names, candidates ?? cpus),
        SuiteProfile.Full => new FalseShareSettings(cpus, 15, 2_000_000, DefaultDistances, DefaultImplementations, SharersFor(lineSize), SharingPlacements.Names, candidates ?? cpus),
        _ => new FalseShareSettings(cpus, 9, 1_000_000, DefaultDistances, DefaultImplementations, SharersFor(lineSize), SharingPlacements.Names, candidates ?? cpus),
    };

    /// <summary>At most this many workers by default: at 8 bytes, 8 of them share one 64-byte line, the seed's worst case.</summary>
    public const int DefaultMaxWorkers = 8;

    /// <summary>Lock/unlock pairs per worker per sample: at least 1000 to get past the clock's resolution; at most 100 million, seconds a sample even under false sharing.</summary>
    public static ValueRange OperationsRange { get; } = new(1_000, 100_000_000);

    /// <summary>Bytes between neighbouring clusters, each a multiple of 8 (the seed's struct): from 8 (sharing a line 8 ways) to 4096 (a page apart).</summary>
    public static ValueRange DistanceRange { get; } = new(8, 4096);
}
