using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Threading;

namespace HwLab.Lab.Experiments.Check;

/// <summary>`hwlab check`'s measuring options (the layout, lock and touched fields are the command's own).</summary>
internal static class CheckOptions
{
    private static readonly SettingOption<CpuSet> s_cpus = SettingOption.Cpus("--cpus", "CPUs the k workers are chosen from, one per core [default: every usable CPU]");
    private static readonly SettingOption<long> s_count = SettingOption.LongWholeNumber(
        "--count", $"Objects in each variant's array [default: {CheckSettings.DefaultCount}; {CheckSettings.CountRange}]", "N", CheckSettings.CountRange);
    private static readonly SettingOption<int> s_samples = SharedOptions.Samples("per variant, k and lock", ProfileDefaults.Text(Profile, s => s.Samples, ExperimentLimits.Samples));
    private static readonly SettingOption<long> s_ops = SettingOption.LongWholeNumber(
        "--ops", $"Lock/unlock pairs per worker per sample {ProfileDefaults.Text(Profile, s => s.OperationsPerWorker, CheckSettings.OperationsRange)}", "N", CheckSettings.OperationsRange);

    public static IReadOnlyList<SettingOption> All { get; } = [s_cpus, s_count, s_samples, s_ops];

    public static CheckSettings Apply(CheckSettings settings, ISettingValues given) => settings with
    {
        Candidates = given.TryGet(s_cpus, out CpuSet? named) ? [.. named] : settings.Candidates,
        Count = given.Or(s_count, settings.Count),
        Samples = given.Or(s_samples, settings.Samples),
        OperationsPerWorker = given.Or(s_ops, settings.OperationsPerWorker),
    };

    private static CheckSettings Profile(SuiteProfile profile) => CheckSettings.ForProfile(profile, []);
}
