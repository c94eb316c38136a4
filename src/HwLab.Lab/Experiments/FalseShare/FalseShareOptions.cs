using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>`hwlab run falseshare`'s options, and the settings they make.</summary>
internal static class FalseShareOptions
{
    private static readonly WorkerCpuOptions s_workers = new(
        "CPUs for the workers, one each [default: usable CPUs, one per core first]", "Workers, each owning one cluster, one per CPU", FalseShareSettings.DefaultMaxWorkers);
    private static readonly SettingOption<int> s_samples = SharedOptions.Samples("per distance and implementation", Defaults(s => s.Samples, ExperimentLimits.Samples));
    private static readonly SettingOption<long> s_ops = SettingOption.LongWholeNumber(
        "--ops", $"Lock/unlock pairs per worker per sample {Defaults(s => s.OperationsPerWorker, FalseShareSettings.OperationsRange)}", "N", FalseShareSettings.OperationsRange);
    private static readonly SettingOption<IReadOnlyList<int>> s_distances = SettingOption.WholeNumbers(
        "--distances",
        $"Bytes between neighbouring clusters, multiples of 8; the largest is the baseline {ProfileDefaults.Text(Profile, s => string.Join(',', s.Distances), FalseShareSettings.DistanceRange, each: true)}",
        FalseShareSettings.DistanceRange);
    private static readonly SettingOption<IReadOnlyList<string>> s_impls = SettingOption.Names(
        "--impls", $"Locks to run: {string.Join(", ", FalseShareSettings.KnownImplementations)} {ProfileDefaults.Text(Profile, s => s.Implementations)}", FalseShareSettings.KnownImplementations);

    private static readonly SettingOption<IReadOnlyList<int>> s_sharers = SettingOption.WholeNumbers(
        "--sharers",
        $"The sharing grid's k: k workers whose 8-byte clusters share one line, each against the same workers padded [default: 2, 4, 8, ... up to a line's clusters; {FalseShareSettings.SharersRange} each]",
        FalseShareSettings.SharersRange);
    private static readonly SettingOption<IReadOnlyList<string>> s_placements = SettingOption.Names(
        "--placements", "Where the grid's k workers sit: same-l3, other-l3 (spread over one package's L3s), other-package; each where the machine has it [default: all three]", SharingPlacements.Names);

    public static IReadOnlyList<SettingOption> All { get; } = [s_workers.Cpus, s_workers.Threads, s_samples, s_ops, s_distances, s_impls, s_sharers, s_placements];

    public static FalseShareSettings Apply(FalseShareSettings settings, CpuTopology topology, ISettingValues given) => settings with
    {
        Cpus = s_workers.Choose(topology, given, settings.Cpus),
        Candidates = given.TryGet(s_workers.Cpus, out Native.Threading.CpuSet? named) ? [.. named] : settings.Candidates,
        Sharers = given.Or(s_sharers, settings.Sharers),
        Placements = given.Or(s_placements, settings.Placements),
        Samples = given.Or(s_samples, settings.Samples),
        OperationsPerWorker = given.Or(s_ops, settings.OperationsPerWorker),
        Distances = given.Or(s_distances, settings.Distances),
        Implementations = given.Or(s_impls, settings.Implementations),
    };

    private static FalseShareSettings Profile(SuiteProfile profile) => FalseShareSettings.ForProfile(profile, []);

    private static string Defaults<T>(Func<FalseShareSettings, T> value, ValueRange range) => ProfileDefaults.Text(Profile, value, range);
}
