using HwLab.Lab.Experiments.Setup;
using HwLab.Layout;
using HwLab.Native.Topology;
using HwLab.PagePool.Swap;

namespace HwLab.Lab.Experiments.Swap;

/// <summary>The options `hwlab run swap` and `hwlab run churn` share, and the settings they make.</summary>
internal static class SwapOptions
{
    private static readonly WorkerCpuOptions s_cpus = new(
        $"CPUs for the workers, one each [default: usable CPUs, one per core first, at most {ScalingWorkers.MostByDefaultText}]", "The most workers (the first of --cpus), one per CPU", ScalingWorkers.MostByDefaultText);
    private static readonly SettingOption<IReadOnlyList<int>> s_curveWorkers = ScalingWorkers.Option("Worker counts to measure, none above the CPUs; scaling is against 1");
    private static readonly SettingOption<IReadOnlyList<int>> s_churnWorkers = SettingOption.WholeNumbers(
        "--workers",
        $"Worker counts to measure, none above the CPUs; scaling is against 1 {ProfileDefaults.With("1 and every worker; with --full the powers of two between", ExperimentLimits.Workers, each: true)}",
        ExperimentLimits.Workers);
    private static readonly SettingOption<int> s_samples = SharedOptions.Samples("per point", Defaults(s => s.Samples, ExperimentLimits.Samples));
    private static readonly SettingOption<long> s_ops = SettingOption.LongWholeNumber(
        "--ops", $"Swap-out + free operations per worker per sample {Defaults(s => s.OperationsPerWorker, SwapSettings.OperationsRange)}", "N", SwapSettings.OperationsRange);
    private static readonly SettingOption<IReadOnlyList<string>> s_modes = SettingOption.Names(
        "--modes",
        $"Lock modes: device (si->lock only, 4.10), bitlock (the seed), spinlock (the seed's paths with a spinlock_t in the cluster), merged-4.11 (as merged: spinlock_t, 64 columns, batched frees, swap slot cache) {ProfileDefaults.Text(Profile, s => s.Modes)}",
        SwapSettings.KnownModes);
    private static readonly SettingOption<IReadOnlyList<string>> s_orders = SettingOption.Names(
        "--orders",
        $"Free-cluster orders: sequential, columns; each layout runs only the orders its kernels had (4 and 32 bytes sequential, merged-4.11 and 24 bytes columns) {ProfileDefaults.Text(Profile, s => s.Orders)}",
        SwapSettings.KnownOrders);
    private static readonly SettingOption<IReadOnlyList<int>> s_layouts = SettingOption.WholeNumbers(
        "--layouts",
        $"swap_cluster_info sizes in bytes: 4 (device only), 8, 24, 32, 64 {ProfileDefaults.Text(Profile, s => string.Join(',', s.Layouts), SwapSettings.LayoutRange, each: true)}",
        SwapSettings.LayoutRange);
    private static readonly SettingOption<IReadOnlyList<string>> s_rule = SettingOption.Names(
        "--cols-rule",
        "SWAP_CLUSTER_COLS of the seed's 8- and 64-byte forms: seed (line size / struct size) or merged (64 MiB of swap in clusters, the merged kernel's rule); merged-4.11 and 24 bytes always use merged [default: seed]",
        ["seed", "merged"]);
    private static readonly SettingOption<string> s_spinlock = SettingOption.OneName(
        "--spinlock", "How every spinlock_t is taken: qspinlock (x86 since 4.2, so every modelled kernel) or ticket (x86 before 4.2) [default: qspinlock]", SwapSettings.KnownSpinlocks);
    private static readonly SettingOption<int> s_clusterPages = SettingOption.WholeNumber(
        "--cluster-pages", $"SWAPFILE_CLUSTER, slots per cluster, a power of two {Defaults(s => s.ClusterPages, SwapSettings.ClusterPagesRange)}", "N", SwapSettings.ClusterPagesRange);
    private static readonly SettingOption<int> s_fifo = SettingOption.WholeNumber(
        "--fifo", $"Slots a worker holds before swapping the oldest back in {Defaults(s => s.Fifo, SwapSettings.FifoRange)}", "N", SwapSettings.FifoRange);
    private static readonly SettingOption<long> s_slots = SettingOption.LongWholeNumber(
        "--device-slots",
        $"Slots of the swap device, 4 KiB each, a device per mode, order and layout {ProfileDefaults.With("16 clusters per worker, at least 64 clusters", SwapSettings.DeviceSlotsRange)}",
        "N",
        SwapSettings.DeviceSlotsRange);
    private static readonly SettingOption<int> s_seed = SharedOptions.Seed("the churn phase", SwapSettings.DefaultSeed);

    private static readonly IReadOnlyList<SettingOption> s_swap = Listed(s_curveWorkers);
    private static readonly IReadOnlyList<SettingOption> s_churn = Listed(s_churnWorkers);

    /// <summary>The options of swap, whose --workers make a curve, or of churn, whose make two points.</summary>
    public static IReadOnlyList<SettingOption> All(bool churn) => churn ? s_churn : s_swap;

    public static SwapSettings Apply(SwapSettings settings, SuiteProfile profile, CpuTopology topology, ISettingValues given, bool churn)
    {
        IReadOnlyList<int> cpus = s_cpus.Choose(topology, given, settings.Cpus);
        return settings with
        {
            Cpus = cpus,
            // The profile's counts are for the CPUs the workers got, which the options may have changed.
            WorkerCounts = given.Or(churn ? s_churnWorkers : s_curveWorkers, SwapSettings.WorkerCountsFor(profile, cpus.Count, churn)),
            Samples = given.Or(s_samples, settings.Samples),
            OperationsPerWorker = given.Or(s_ops, settings.OperationsPerWorker),
            Modes = given.Or(s_modes, settings.Modes),
            Orders = given.Or(s_orders, settings.Orders),
            Layouts = given.Or(s_layouts, settings.Layouts),
            ColumnRule = given.TryGet(s_rule, out IReadOnlyList<string>? rule) ? (rule[0] == "merged" ? ClusterColumnRule.Merged : ClusterColumnRule.Seed) : settings.ColumnRule,
            Spinlock = given.TryGet(s_spinlock, out string? form) ? SwapDeviceFactory.ParseSpinlock(form) : settings.Spinlock,
            ClusterPages = given.Or(s_clusterPages, settings.ClusterPages),
            Fifo = given.Or(s_fifo, settings.Fifo),
            DeviceSlots = given.Or(s_slots, settings.DeviceSlots),
            Seed = given.Or(s_seed, settings.Seed),
        };
    }

    private static IReadOnlyList<SettingOption> Listed(SettingOption<IReadOnlyList<int>> workers)
        => [s_cpus.Cpus, s_cpus.Threads, workers, s_samples, s_ops, s_modes, s_orders, s_layouts, s_rule, s_spinlock, s_clusterPages, s_fifo, s_slots, s_seed];

    private static SwapSettings Profile(SuiteProfile profile) => SwapSettings.ForProfile(profile, [0]);

    private static string Defaults<T>(Func<SwapSettings, T> value, ValueRange range) => ProfileDefaults.Text(Profile, value, range);
}
