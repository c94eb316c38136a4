using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.Swap;
using HwLab.Layout;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>
/// `hwlab run swap` and `hwlab run churn`: the same knobs, the second with the free list scrambled
/// first; the settings they make are built apart from the run, so they can be checked without one.
/// </summary>
internal sealed class SwapRunCommand : ExperimentRunCommand<SwapSettings>
{
    private readonly Option<CpuSet?> _cpus = CliOptions.Cpus("--cpus", "CPUs for the workers, one each [default: usable CPUs, one per core first, at most 16]");
    private readonly Option<int?> _threads = CliOptions.Int(
        "--threads", $"The most workers (the first of --cpus), one per CPU {ProfileDefaults.With("usable CPUs, at most 16", ExperimentLimits.Workers)}", "N", ExperimentLimits.Workers);
    private readonly Option<int[]?> _workers = CliOptions.IntList(
        "--workers",
        $"Worker counts to measure, none above the CPUs; scaling is against 1 {ProfileDefaults.With("1 and every worker; with --full the powers of two between", ExperimentLimits.Workers, each: true)}",
        "LIST",
        ExperimentLimits.Workers);
    private readonly Option<int?> _samples = CliOptions.Int("--samples", $"Minimum rounds: samples per point, more while a claim is undecided (--budget-s) {Defaults(s => s.Samples, ExperimentLimits.Samples)}", "N", ExperimentLimits.Samples);
    private readonly Option<long?> _ops = CliOptions.Long("--ops", $"Swap-out + free operations per worker per sample {Defaults(s => s.OperationsPerWorker, SwapSettings.OperationsRange)}", "N", SwapSettings.OperationsRange);
    private readonly Option<string[]?> _modes = CliOptions.NameList(
        "--modes", $"Lock modes: device (si->lock only, before the seed), bitlock (the seed), spinlock (merged 4.11) {ProfileDefaults.Text(Profile, s => s.Modes)}", SwapSettings.KnownModes);
    private readonly Option<string[]?> _orders = CliOptions.NameList("--orders", $"Free-cluster orders: sequential, columns {ProfileDefaults.Text(Profile, s => s.Orders)}", SwapSettings.KnownOrders);
    private readonly Option<int[]?> _layouts = CliOptions.IntList(
        "--layouts",
        $"swap_cluster_info sizes in bytes: 4 (device only), 8, 24, 32, 64 {ProfileDefaults.Text(Profile, s => string.Join(',', s.Layouts), SwapSettings.LayoutRange, each: true)}",
        "LIST",
        SwapSettings.LayoutRange);
    private readonly Option<string[]?> _rule = CliOptions.NameList("--cols-rule", "SWAP_CLUSTER_COLS: seed (line size / struct size) or merged (64, the merged kernel's rule) [default: seed]", ["seed", "merged"]);
    private readonly Option<int?> _clusterPages = CliOptions.Int(
        "--cluster-pages", $"SWAPFILE_CLUSTER, slots per cluster, a power of two {Defaults(s => s.ClusterPages, SwapSettings.ClusterPagesRange)}", "N", SwapSettings.ClusterPagesRange);
    private readonly Option<int?> _fifo = CliOptions.Int(
        "--fifo", $"Slots a worker holds before swapping the oldest back in {Defaults(s => s.Fifo, SwapSettings.FifoRange)}", "N", SwapSettings.FifoRange);
    private readonly Option<long?> _slots = CliOptions.Long(
        "--device-slots",
        $"Slots of the swap device, 4 KiB each, a device per mode, order and layout {ProfileDefaults.With("16 clusters per worker, at least 64 clusters", SwapSettings.DeviceSlotsRange)}",
        "N",
        SwapSettings.DeviceSlotsRange);
    private readonly Option<int?> _seed = CliOptions.Int("--seed", $"Seed of the churn phase {ProfileDefaults.With($"{SwapSettings.DefaultSeed}", ExperimentLimits.Seed)}", "N", ExperimentLimits.Seed);

    /// <summary>The options of `run swap` or `run churn`, for <paramref name="experiment"/>.</summary>
    internal SwapRunCommand(SwapExperiment experiment)
        : base(experiment)
    {
    }

    public static Command Create(SwapExperiment experiment, TextWriter output, TextWriter error) => new SwapRunCommand(experiment).Build(output, error);

    protected override IEnumerable<Option> Options() => [_cpus, _threads, _workers, _samples, _ops, _modes, _orders, _layouts, _rule, _clusterPages, _fifo, _slots, _seed];

    internal override SwapSettings BuildSettings(ParseResult parsed, CpuTopology topology)
    {
        SuiteProfile profile = ReadProfile(parsed);
        SwapSettings settings = Experiment.DefaultSettings(profile, topology);
        IReadOnlyList<int> cpus = WorkerCpus.Choose(topology, parsed.GetValue(_cpus), parsed.GetValue(_threads), settings.Cpus);
        return settings with
        {
            Cpus = cpus,
            WorkerCounts = CliOptions.GivenOr(parsed.GetValue(_workers), SwapSettings.WorkerCountsFor(profile, cpus.Count)),
            Samples = parsed.GetValue(_samples) ?? settings.Samples,
            OperationsPerWorker = parsed.GetValue(_ops) ?? settings.OperationsPerWorker,
            Modes = CliOptions.GivenOr(parsed.GetValue(_modes), settings.Modes),
            Orders = CliOptions.GivenOr(parsed.GetValue(_orders), settings.Orders),
            Layouts = CliOptions.GivenOr(parsed.GetValue(_layouts), settings.Layouts),
            ColumnRule = CliOptions.GivenOr(parsed.GetValue(_rule), ["seed"])[0] == "merged" ? ClusterColumnRule.Merged : ClusterColumnRule.Seed,
            ClusterPages = parsed.GetValue(_clusterPages) ?? settings.ClusterPages,
            Fifo = parsed.GetValue(_fifo) ?? settings.Fifo,
            DeviceSlots = parsed.GetValue(_slots) ?? settings.DeviceSlots,
            Seed = parsed.GetValue(_seed) ?? settings.Seed,
        };
    }

    private static SwapSettings Profile(SuiteProfile profile) => SwapSettings.ForProfile(profile, [0]);

    private static string Defaults<T>(Func<SwapSettings, T> value, ValueRange range) => ProfileDefaults.Text(Profile, value, range);
}
