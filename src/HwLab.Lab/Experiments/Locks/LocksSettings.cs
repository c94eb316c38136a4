using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.Locks;

/// <summary>Settings of the locks experiment.</summary>
/// <param name="Cpus">Uncontended runs use the first; a contended run of T workers puts one on each of the first T.</param>
/// <param name="UncontendedOperations">Lock/unlock pairs of the lone worker per sample.</param>
/// <param name="ContendedDuration">How long the contending workers run per sample (a timed run, so each takes what it can get).</param>
/// <param name="Kinds">Which locks: the bit lock's forms (<see cref="BitLockKinds"/>), ticket, qspinlock, dotnet-lock.</param>
/// <param name="WorkerCounts">Workers on the lock: 1 is the uncontended run (made whatever the counts), every other count a contended run; each kind's curve is fitted through them.</param>
public sealed record LocksSettings(IReadOnlyList<int> Cpus, int Samples, long UncontendedOperations, TimeSpan ContendedDuration, IReadOnlyList<string> Kinds, IReadOnlyList<int> WorkerCounts)
{
    public const string BitLock = "bitlock";
    public const string NativeBitLock = "native-bitlock";
    public const string Ticket = "ticket";
    public const string QueuedSpinLock = "qspinlock";
    public const string DotnetLock = "dotnet-lock";

    /// <summary>Each form of the seed's bit lock by its kind name: the default and the alternatives it was chosen from, managed and native.</summary>
    internal static IReadOnlyDictionary<string, Workloads.BitLockForm> BitLockKinds { get; } = new Dictionary<string, Workloads.BitLockForm>
    {
        [BitLock] = Workloads.BitLockForm.Managed,
        ["bitlock-cas"] = Workloads.BitLockForm.ManagedCompareExchange,
        ["bitlock-xadd"] = Workloads.BitLockForm.ManagedFetchFirst,
        ["bitlock-backoff"] = Workloads.BitLockForm.ManagedBackoff,
        ["bitlock-store"] = Workloads.BitLockForm.ManagedNonAtomicRelease,
        [NativeBitLock] = Workloads.BitLockForm.Native,
        ["native-bitlock-4.10"] = Workloads.BitLockForm.NativeV4_10,
    };

    public static IReadOnlyList<string> KnownKinds { get; } = [.. BitLockKinds.Keys, Ticket, QueuedSpinLock, DotnetLock];

    public static IReadOnlyList<string> DefaultKinds { get; } = [BitLock, NativeBitLock, Ticket, QueuedSpinLock, DotnetLock];

    /// <summary>The sizes of <paramref name="profile"/> for workers on <paramref name="cpus"/>.</summary>
    public static LocksSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus) => profile switch
    {
        SuiteProfile.Quick => new LocksSettings(cpus, 5, 200_000, TimeSpan.FromMilliseconds(40), DefaultKinds, ScalingWorkers.Counts(cpus.Count)),
        SuiteProfile.Full => new LocksSettings(cpus, 15, 5_000_000, TimeSpan.FromMilliseconds(500), KnownKinds, ScalingWorkers.Counts(cpus.Count)),
        _ => new LocksSettings(cpus, 9, 1_000_000, TimeSpan.FromMilliseconds(150), DefaultKinds, ScalingWorkers.Counts(cpus.Count)),
    };

    /// <summary>The contended counts: every worker count above 1, each once, smallest first.</summary>
    public IEnumerable<int> ContendedCounts => WorkerCounts.Where(t => t >= 2).Distinct().Order();

    /// <summary>Lock/unlock pairs per uncontended sample: at least 1000 to get past the clock's resolution; at most 100 million, a few seconds a sample.</summary>
    public static ValueRange OperationsRange { get; } = new(1_000, 100_000_000);

    /// <summary>Milliseconds per contended sample: at least 1; at most a minute, past which a sample only repeats itself.</summary>
    public static ValueRange DurationMillisecondsRange { get; } = new(1, 60_000);
}
