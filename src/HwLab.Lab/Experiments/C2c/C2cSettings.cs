namespace HwLab.Lab.Experiments.C2c;

/// <summary>Settings of the c2c experiment.</summary>
/// <param name="Cpus">The CPUs whose pairs are measured.</param>
/// <param name="RoundTrips">Round trips per pair per sample.</param>
/// <param name="MaxPairs">More pairs than this are sampled (the matrix grows with the square of the CPUs).</param>
/// <param name="Seed">Seeds the pair sample, so a rerun measures the same pairs.</param>
public sealed record C2cSettings(IReadOnlyList<int> Cpus, int Samples, long RoundTrips, int MaxPairs, int Seed)
{
    public const int DefaultSeed = 2016;

    /// <summary>The sizes of <paramref name="profile"/> for pairs of <paramref name="cpus"/>.</summary>
    public static C2cSettings ForProfile(SuiteProfile profile, IReadOnlyList<int> cpus) => profile switch
    {
        SuiteProfile.Quick => new C2cSettings(cpus, 5, 5_000, 8, DefaultSeed),
        SuiteProfile.Full => new C2cSettings(cpus, 15, 100_000, 4096, DefaultSeed),
        _ => new C2cSettings(cpus, 9, 50_000, 32, DefaultSeed),
    };
}
