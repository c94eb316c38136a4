using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Threading;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>`hwlab run c2c`'s options, and the settings they make.</summary>
internal static class C2cOptions
{
    private static readonly SettingOption<CpuSet> s_cpus = SettingOption.Cpus("--cpus", "CPUs whose pairs are measured, e.g. 0-7 or 0-63:2 [default: every usable CPU]");
    private static readonly SettingOption<int> s_samples = SharedOptions.Samples("per pair and implementation", Defaults(s => s.Samples, ExperimentLimits.Samples));
    private static readonly SettingOption<long> s_roundTrips = SettingOption.LongWholeNumber(
        "--round-trips", $"Round trips per sample {Defaults(s => s.RoundTrips, C2cSettings.RoundTripsRange)}", "N", C2cSettings.RoundTripsRange);
    private static readonly SettingOption<int> s_fullMatrixCpus = SettingOption.WholeNumber(
        "--full-matrix-cpus", $"Measure every pair of up to this many CPUs; beyond, a stratified sample by relation and L3 domain {Defaults(s => s.FullMatrixCpus, C2cSettings.FullMatrixCpusRange)}", "N", C2cSettings.FullMatrixCpusRange);
    private static readonly SettingOption<int> s_maxPairs = SettingOption.WholeNumber(
        "--max-pairs", $"A sample measures at most this many pairs {Defaults(s => s.MaxPairs, C2cSettings.MaxPairsRange)}", "N", C2cSettings.MaxPairsRange);
    private static readonly SettingOption<int> s_seed = SharedOptions.Seed("the pair sample", C2cSettings.DefaultSeed);

    public static IReadOnlyList<SettingOption> All { get; } = [s_cpus, s_samples, s_roundTrips, s_fullMatrixCpus, s_maxPairs, s_seed];

    public static C2cSettings Apply(C2cSettings settings, ISettingValues given) => settings with
    {
        Cpus = given.TryGet(s_cpus, out CpuSet? cpus) ? [.. cpus] : settings.Cpus,
        Samples = given.Or(s_samples, settings.Samples),
        RoundTrips = given.Or(s_roundTrips, settings.RoundTrips),
        FullMatrixCpus = given.Or(s_fullMatrixCpus, settings.FullMatrixCpus),
        MaxPairs = given.Or(s_maxPairs, settings.MaxPairs),
        Seed = given.Or(s_seed, settings.Seed),
    };

    private static string Defaults<T>(Func<C2cSettings, T> value, ValueRange range) => ProfileDefaults.Text(p => C2cSettings.ForProfile(p, []), value, range);
}
