using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.Locks;

/// <summary>Settings of the locks experiment.</summary>
/// <param name="Cpus">Uncontended runs use the first; contended runs put one worker on each.</param>
/// <param name="UncontendedOperations">Lock/unlock pairs of the lone worker per sample.</param>
/// <param name="ContendedDuration">How long the contending workers run per sample (a timed run, so each takes what it can get).</param>
/// <param name="Kinds">Which locks: bitlock, bitlock-xadd, native-bitlock, ticket, dotnet-lock.</param>
public sealed record LocksSettings(IReadOnlyList<int> Cpus, int Samples, long UncontendedOperations, TimeSpan ContendedDuration, IReadOnlyList<string> Kinds)
{
    public const string BitLock = "bitlock";
    public const string BitLockFetchFirst = "bitlock-xadd";
    public const string NativeBitLock = "native-bitlock";
    public const string Ticket = "ticket";
    public const string DotnetLock = "dotnet-lock";

    public static IReadOnlyList<string> KnownKinds { get; } = [BitLock, BitLockFetchFirst, NativeBitLock, Ticket, DotnetLock];

    public static IReadOnlyList<string> DefaultKinds { get; } = [BitLock, NativeBitLock, Ticket, DotnetLock];

    /// <summary>The sizes of <paramref name="profile"/> for workers on <paramref name="cpus"/>.</summary>
    public static LocksSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus) => profile switch
    {
        SuiteProfile.Quick => new LocksSettings(cpus, 5, 200_000, TimeSpan.FromMilliseconds(40), DefaultKinds),
        SuiteProfile.Full => new LocksSettings(cpus, 15, 5_000_000, TimeSpan.FromMilliseconds(500), KnownKinds),
        _ => new LocksSettings(cpus, 9, 1_000_000, TimeSpan.FromMilliseconds(150), DefaultKinds),
    };

    /// <summary>At most this many contending workers by default.</summary>
    public const int DefaultMaxWorkers = 16;

    /// <summary>Lock/unlock pairs per uncontended sample: at least 1000 to get past the clock's resolution; at most 100 million, a few seconds a sample.</summary>
    public static ValueRange OperationsRange { get; } = new(1_000, 100_000_000);

    /// <summary>Milliseconds per contended sample: at least 1; at most a minute, past which a sample only repeats itself.</summary>
    public static ValueRange DurationMillisecondsRange { get; } = new(1, 60_000);
}
