using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>Settings of the c2c experiment.</summary>
/// <param name="Cpus">The CPUs whose pairs are measured.</param>
/// <param name="RoundTrips">Round trips per pair per sample.</param>
/// <param name="FullMatrixCpus">Up to this many CPUs every pair is measured; beyond, a stratified sample (<see cref="PairSelection"/>).</param>
/// <param name="MaxPairs">A sample measures at most this many pairs.</param>
/// <param name="Seed">Seeds the pair sample, so a rerun measures the same pairs.</param>
public sealed record C2cSettings(IReadOnlyList<int> Cpus, int Samples, long RoundTrips, int FullMatrixCpus, int MaxPairs, int Seed)
{
    public const int DefaultSeed = 2016;

    /// <summary>Round trips per sample: at least 100 to get past the clock's resolution; at most 10 million, ten seconds a sample even at a microsecond a round trip.</summary>
    public static ValueRange RoundTripsRange { get; } = new(100, 10_000_000);

    /// <summary>
    /// Pairs of a sample: at most 65 536, every pair of 362 CPUs. Each pair is two workloads with a
    /// page of their own, so this caps the mappings at 131 072 pages (512 MiB); how long the pairs
    /// take and how many samples they keep are checked with the other settings.
    /// </summary>
    public static ValueRange MaxPairsRange { get; } = new(1, 65_536);

    /// <summary>A full matrix of 2 to 362 CPUs: 362 CPUs form 65 341 pairs, within <see cref="MaxPairsRange"/>'s bound for the same reason.</summary>
    public static ValueRange FullMatrixCpusRange { get; } = new(2, 362);

    /// <summary>
    /// The sizes of <paramref name="profile"/> for pairs of <paramref name="cpus"/>. A full matrix of
    /// 16 CPUs (120 pairs) with the quick profile, 32 (496) by default and 64 (2016) with the full
    /// one; a sample keeps to 192 pairs with the quick profile (every pair of L3 domains of a
    /// two-socket EPYC with 16 of them, and eight pairs of each relation) and 1024 otherwise, more
    /// than the 576 that 512 CPUs in 32 L3 domains need. Round trips per sample shrink further where
    /// the profile's time bound asks it (<see cref="Experiment{TSettings}.Settings"/>).
    /// </summary>
    public static C2cSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus) => profile switch
    {
        SuiteProfile.Quick => new C2cSettings(cpus, 5, 5_000, 16, 192, DefaultSeed),
        SuiteProfile.Full => new C2cSettings(cpus, 15, 100_000, 64, 1024, DefaultSeed),
        _ => new C2cSettings(cpus, 9, 50_000, 32, 1024, DefaultSeed),
    };
}
