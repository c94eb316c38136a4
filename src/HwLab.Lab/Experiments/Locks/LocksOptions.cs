using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Locks;

/// <summary>`hwlab run locks`'s options, and the settings they make.</summary>
internal static class LocksOptions
{
    private static readonly WorkerCpuOptions s_workers = new(
        $"CPUs for the contending workers; the first also runs the uncontended one [default: usable CPUs, one per core first, at most {ScalingWorkers.MostByDefaultText}]",
        "The most workers on one lock (the first of --cpus), one per CPU",
        ScalingWorkers.MostByDefaultText);
    private static readonly SettingOption<IReadOnlyList<int>> s_counts = ScalingWorkers.Option("Workers on one lock, none above the CPUs: 1 is the lone worker's uncontended run (always made), the others contend");
    private static readonly SettingOption<int> s_samples = SharedOptions.Samples("per lock kind and worker count", Defaults(s => s.Samples, ExperimentLimits.Samples));
    private static readonly SettingOption<long> s_ops = SettingOption.LongWholeNumber(
        "--ops", $"Lock/unlock pairs per uncontended sample {Defaults(s => s.UncontendedOperations, LocksSettings.OperationsRange)}", "N", LocksSettings.OperationsRange);
    private static readonly SettingOption<int> s_duration = SettingOption.WholeNumber(
        "--duration-ms", $"Milliseconds per contended sample {Defaults(s => s.ContendedDuration, LocksSettings.DurationMillisecondsRange)}", "MS", LocksSettings.DurationMillisecondsRange);
    private static readonly SettingOption<IReadOnlyList<string>> s_kinds = SettingOption.Names(
        "--kinds", $"Locks to run: {string.Join(", ", LocksSettings.KnownKinds)} {ProfileDefaults.Text(Profile, s => s.Kinds)}", LocksSettings.KnownKinds);

    public static IReadOnlyList<SettingOption> All { get; } = [s_workers.Cpus, s_workers.Threads, s_counts, s_samples, s_ops, s_duration, s_kinds];

    public static LocksSettings Apply(LocksSettings settings, CpuTopology topology, ISettingValues given)
    {
        IReadOnlyList<int> cpus = s_workers.Choose(topology, given, settings.Cpus);
        return settings with
        {
            Cpus = cpus,
            // The curve runs up to the CPUs the workers got, which the options may have changed.
            WorkerCounts = given.Or(s_counts, ScalingWorkers.Counts(cpus.Count)),
            Samples = given.Or(s_samples, settings.Samples),
            UncontendedOperations = given.Or(s_ops, settings.UncontendedOperations),
            ContendedDuration = given.TryGet(s_duration, out int ms) ? TimeSpan.FromMilliseconds(ms) : settings.ContendedDuration,
            Kinds = given.Or(s_kinds, settings.Kinds),
        };
    }

    private static LocksSettings Profile(SuiteProfile profile) => LocksSettings.ForProfile(profile, []);

    private static string Defaults<T>(Func<LocksSettings, T> value, ValueRange range) => ProfileDefaults.Text(Profile, value, range);
}
