using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.Check;

/// <summary>Settings of a check: how many objects, the CPUs its workers are chosen from, and how long it samples.</summary>
/// <param name="Candidates">The CPUs the sharing grid chooses its k workers from: --cpus when given, else every usable CPU.</param>
/// <param name="Count">Objects in each variant's array, of the struct's real size (and stride where padded).</param>
/// <param name="OperationsPerWorker">Lock/unlock pairs each worker makes per sample.</param>
public sealed record CheckSettings(IReadOnlyList<int> Candidates, long Count, int Samples, long OperationsPerWorker)
{
    /// <summary>1 024 objects by default: 1 GiB of swap's clusters, many lines of any struct.</summary>
    public const long DefaultCount = 1024;

    /// <summary>From one object to 16 million (a GiB of 64-byte objects, two GiB padded to two lines).</summary>
    public static ValueRange CountRange { get; } = new(1, 16 << 20);

    /// <summary>Lock/unlock pairs per worker per sample, as falseshare's: past the clock's resolution, seconds a sample at most.</summary>
    public static ValueRange OperationsRange { get; } = new(1_000, 100_000_000);

    public static CheckSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> candidates) => profile switch
    {
        SuiteProfile.Quick => new CheckSettings(candidates, DefaultCount, 5, 100_000),
        SuiteProfile.Full => new CheckSettings(candidates, DefaultCount, 15, 2_000_000),
        _ => new CheckSettings(candidates, DefaultCount, 9, 1_000_000),
    };
}
