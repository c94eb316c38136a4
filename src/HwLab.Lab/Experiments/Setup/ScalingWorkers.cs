namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// The worker counts a scaling curve is measured at: 1, 2, 4, ... up to the workers' CPUs, and
/// that count itself, a point at every doubling, which is what a scalability fit needs to tell
/// contention from coherency. By default the CPUs are as many as the profile allows, so that a
/// suite on a machine of hundreds of CPUs stays bounded.
/// </summary>
public static class ScalingWorkers
{
    /// <summary>The most CPUs a curve takes by default: 8 with quick, 32 by default, 128 with full.</summary>
    public static int MostByDefault(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => 8,
        SuiteProfile.Full => 128,
        _ => 32,
    };

    /// <summary>"32 (8 with --quick, 128 with --full)", for help texts.</summary>
    public static string MostByDefaultText { get; } = $"{MostByDefault(SuiteProfile.Default)} ({MostByDefault(SuiteProfile.Quick)} with --quick, {MostByDefault(SuiteProfile.Full)} with --full)";

    /// <summary>1, 2, 4, ... below <paramref name="most"/>, then <paramref name="most"/> itself; none for no CPUs.</summary>
    public static IReadOnlyList<int> Counts(int most)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(most);
        if (most == 0)
        {
            return [];
        }
        var counts = new List<int>();
        for (long t = 1; t < most; t *= 2)
        {
            counts.Add((int)t);
        }
        counts.Add(most);
        return counts;
    }

    /// <summary>--workers of an experiment that fits a curve, with <paramref name="what"/> saying what the counts are.</summary>
    public static SettingOption<IReadOnlyList<int>> Option(string what)
        => SettingOption.WholeNumbers(
            "--workers",
            $"{what}; a scalability curve is fitted through them {ProfileDefaults.With("1, 2, 4, ... below the CPUs, and their count", ExperimentLimits.Workers, each: true)}",
            ExperimentLimits.Workers);
}
