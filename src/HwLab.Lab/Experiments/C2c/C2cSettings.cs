using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>Settings of the c2c experiment.</summary>
/// <param name="Cpus">The CPUs whose pairs are measured.</param>
/// <param name="RoundTrips">Round trips per pair per sample.</param>
/// <param name="MaxPairs">More pairs than this are sampled (the matrix grows with the square of the CPUs).</param>
/// <param name="Seed">Seeds the pair sample, so a rerun measures the same pairs.</param>
public sealed record C2cSettings(IReadOnlyList<int> Cpus, int Samples, long RoundTrips, int MaxPairs, int Seed)
{
    public const int DefaultSeed = 2016;

    /// <summary>Round trips per sample: at least 100 to get past the clock's resolution; at most 10 million, ten seconds a sample even at a microsecond a round trip.</summary>
    public static ValueRange RoundTripsRange { get; } = new(100, 10_000_000);

    /// <summary>
    /// Pairs measured: at most 65 536, every pair of 362 CPUs. Each pair is two workloads with a
    /// page of their own, so this caps the mappings at 131 072 pages (512 MiB); how long the pairs
    /// take and how many samples they keep are checked with the other settings.
    /// </summary>
    public static ValueRange MaxPairsRange { get; } = new(1, 65_536);

    /// <summary>The sizes of <paramref name="profile"/> for pairs of <paramref name="cpus"/>.</summary>
    public static C2cSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus) => profile switch
    {
        SuiteProfile.Quick => new C2cSettings(cpus, 5, 5_000, 8, DefaultSeed),
        SuiteProfile.Full => new C2cSettings(cpus, 15, 100_000, 4096, DefaultSeed),
        _ => new C2cSettings(cpus, 9, 50_000, 32, DefaultSeed),
    };
}
