using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Layout;
using HwLab.Native.Threading;
using HwLab.Native.Topology;
using HwLab.PagePool.Swap;

namespace HwLab.Lab.Experiments.Swap;

/// <summary>
/// The swap device under load: pinned workers swap pages out and back in through the seed's
/// allocation and free paths, for each lock mode, free-cluster order and layout, alone and
/// together. With <c>churn</c>, each run first scrambles the free list with a random alloc/free
/// phase, the state the seed expects after the first round, and first-round runs are measured
/// beside the churned ones for comparison.
/// </summary>
public sealed partial class SwapExperiment(bool churn) : Experiment<SwapSettings>
{
    public const string FirstRound = "first-round";
    public const string Churned = "churned";

    public override string Name => churn ? "churn" : "swap";

    public override string Title => churn
        ? "Swap slots after the free list is scrambled (churn)"
        : "Swap-out and free through the cluster lock (swap)";

    public override string Description => churn
        ? "The swap experiment after a random alloc/free phase has scrambled the free cluster list: does the column order still matter, and is false sharing noticeable once the order is random?"
        : "Pinned workers swap pages out (get_swap_page, copy in, duplicate) and back in (copy out, free) on a swap device following the seed patch; ops/s per lock mode, free-cluster order and layout at 1, 2, 4, ... workers, each device's scaling curve with its contention and coherency, and new-cluster picks that share a cache line with another worker's cluster.";

    public override IExperimentReport Report { get; } = new SwapReport(churn);

    public override IReadOnlyList<SettingOption> Options => SwapOptions.All(churn);

    public override SwapSettings DefaultSettings(SuiteProfile profile, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        int workers = Math.Min(topology.Usable.Count, ScalingWorkers.MostByDefault(profile));
        return SwapSettings.ForProfile(profile, CpuChoice.SpreadAcrossCores(topology, topology.Usable, workers), churn);
    }

    public override void Validate(SwapSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        SettingChecks.EnsureUsableCpus(topology, CpuSet.Of(settings.Cpus), 1, "--cpus");
        SettingChecks.EnsureOneWorkerPerCpu(settings.Cpus, Name);
        SettingChecks.EnsureWorkerCounts(settings.WorkerCounts, settings.Cpus.Count);
        ExperimentLimits.Samples.Ensure(settings.Samples, "--samples");
        SwapSettings.OperationsRange.Ensure(settings.OperationsPerWorker, "--ops");
        SwapSettings.FifoRange.Ensure(settings.Fifo, "--fifo");
        SwapSettings.ClusterPagesRange.Ensure(settings.ClusterPages, "--cluster-pages");
        if (settings.DeviceSlots != 0)
        {
            SwapSettings.DeviceSlotsRange.Ensure(settings.DeviceSlots, "--device-slots");
        }
        SettingChecks.EnsureKnownNames(settings.Modes, SwapSettings.KnownModes, "--modes");
        SettingChecks.EnsureKnownNames(settings.Orders, SwapSettings.KnownOrders, "--orders");
        SwapSettings.LayoutRange.EnsureEach(settings.Layouts, "--layouts");
        (IReadOnlyList<SwapCombo> combos, _) = SwapCombo.Expand(settings.Modes, settings.Orders, settings.Layouts);
        if (combos.Count == 0)
        {
            throw new ExperimentSettingsException("No mode and layout pair given is supported.");
        }
        try
        {
            DeviceOptions(settings, topology, combos[0]).Validate();
        }
        catch (SwapDeviceConfigurationException e)
        {
            throw new ExperimentSettingsException(e.Message, e);
        }
        EnsureRoomForEveryWorker(settings, DeviceOptions(settings, topology, combos[0]).Clusters * settings.ClusterPages);
        EnsureBudget(settings, topology, combos);
    }

    // A worker holds up to fifo + 1 slots before it swaps one back in, and one that finds the device
    // full while it holds none has nothing to give back: the run fails. That cannot happen while
    // all the others together leave a slot free besides the header.
    private static void EnsureRoomForEveryWorker(SwapSettings settings, long slots)
    {
        int most = settings.WorkerCounts.Max();
        long held = RunBudget.Product(most - 1, RunBudget.Sum(settings.Fifo, 1));
        if (held >= slots - 1)
        {
            throw new ExperimentSettingsException(
                $"--fifo {settings.Fifo}: of {most} workers, all but one can hold {held} slots together, and the device has {slots - 1} besides its header, so the last could find it full holding none; lower --fifo or --workers, or raise --device-slots.");
        }
    }

    // Every combination has its own device, and a workload per worker count, all alive for the whole run.
    private void EnsureBudget(SwapSettings settings, CpuTopology topology, IReadOnlyList<SwapCombo> combos)
    {
        int[] counts = [.. settings.WorkerCounts.Distinct()];
        long variantsPerCombo = counts.Length + (churn ? 1 : 0);
        long workersPerCombo = counts.Sum(t => (long)t) + (churn ? counts.Max() : 0);
        long runs = RunBudget.RunsPerPoint(settings.Samples);
        const string lower = "--samples, --ops, --workers, --modes, --orders or --layouts";
        RunBudget.EnsureDuration(
            RunBudget.Product(combos.Count, variantsPerCombo, runs, settings.OperationsPerWorker, RunBudget.SwapOperationFloorNanoseconds),
            Name,
            $"{combos.Count} devices, {variantsPerCombo} worker counts each, {runs} runs of {settings.OperationsPerWorker} operations, at no less than {RunBudget.SwapOperationFloorNanoseconds} ns each",
            lower);
        RunBudget.EnsureWorkerSamples(
            RunBudget.Product(combos.Count, settings.Samples, workersPerCombo), Name, $"{combos.Count} devices, {settings.Samples} samples, {workersPerCombo} workers over the worker counts", lower);

        long slots = RunBudget.Product(DeviceOptions(settings, topology, combos[0]).Clusters, settings.ClusterPages);
        long device = RunBudget.Product(slots, SwapDeviceOptions.PageBytes + 1); // a page and a swap_map byte per slot
        // A worker's FIFO keeps a slot, a stamp and a flag per entry (17 bytes), and its page buffer is a page.
        long workloads = RunBudget.Product(workersPerCombo, RunBudget.Sum(RunBudget.Product(RunBudget.Sum(settings.Fifo, 2), 17), SwapDeviceOptions.PageBytes));
        long churnList = churn ? RunBudget.Product(slots, 3 * sizeof(long)) : 0; // the scramble lists every slot, then shuffles a copy
        RunBudget.EnsureMemory(
            RunBudget.Sum(RunBudget.Product(combos.Count, RunBudget.Sum(device, workloads)), churnList),
            Name,
            $"{combos.Count} devices of {slots} slots of 4 KiB",
            "--device-slots, --cluster-pages, --modes, --orders or --layouts");
    }

    protected override SwapSettings WithOptions(SwapSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => SwapOptions.Apply(defaults, profile, topology, given, churn);

    protected override IReadOnlyDictionary<string, string> Describe(SwapSettings settings) => new Dictionary<string, string>
    {
        ["cpus"] = SettingsText.Cpus(settings.Cpus),
        ["workers"] = string.Join(',', settings.WorkerCounts),
        ["modes"] = string.Join(',', settings.Modes),
        ["orders"] = string.Join(',', settings.Orders),
        ["layouts"] = string.Join(',', settings.Layouts),
        ["columnRule"] = settings.ColumnRule.ToString().ToLowerInvariant(),
        ["spinlock"] = SwapDeviceFactory.Name(settings.Spinlock),
        ["clusterPages"] = settings.ClusterPages.ToString(CultureInfo.InvariantCulture),
        ["fifo"] = settings.Fifo.ToString(CultureInfo.InvariantCulture),
        ["operationsPerWorker"] = settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture),
        ["deviceSlots"] = DeviceSlots(settings).ToString(CultureInfo.InvariantCulture),
        ["samples"] = settings.Samples.ToString(CultureInfo.InvariantCulture),
        ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
    };

    protected override Measurement Measure(SwapSettings settings, ExperimentContext context)
    {
        (IReadOnlyList<SwapCombo> combos, IReadOnlyList<string> skipped) = SwapCombo.Expand(settings.Modes, settings.Orders, settings.Layouts);
        int most = settings.WorkerCounts.Max();
        var relations = new CpuRelations(context.Topology);
        var devices = new List<ISwapDevice>();
        var workloads = new List<SwapWorkload>();
        try
        {
            var variants = new List<Variant>();
            foreach (SwapCombo combo in combos)
            {
                // One device per configuration, shared by its variants: every run starts with a reset.
                // Faulting in gigabytes takes seconds, so the device looks for a Ctrl+C as it goes.
                ISwapDevice device = SwapDeviceFactory.Create(combo.Mode, combo.LayoutBytes, DeviceOptions(settings, context.Topology, combo), context.Cancellation);
                devices.Add(device);
                foreach (int workers in settings.WorkerCounts.Distinct().Order())
                {
                    variants.Add(Variant(settings, combo, device, workers, churn ? Churned : FirstRound, workloads, relations, context.Cancellation));
                }
                if (churn)
                {
                    variants.Add(Variant(settings, combo, device, most, FirstRound, workloads, relations, context.Cancellation));
                }
            }

            IReadOnlyList<Claim> claims = churn ? ChurnClaims(most) : SwapClaims(most);
            SamplingOutcome sampled = Sample(variants, settings.Samples, context, measured => Claim.DecideAll(claims, measured));
            List<PointResult> points = [.. sampled.Points.Select(p => WithDerived(p, sampled.Points))];
            var notes = Notes(settings, skipped, DeviceSlots(settings), context.Topology);
            if (!churn)
            {
                notes.Add($"Each device's curve: ops/s of all workers together at {string.Join(", ", settings.WorkerCounts.Distinct().Order())} workers, fitted by the Universal Scalability Law where there are 4 worker counts or more.");
            }
            notes.AddRange(devices.Where(d => d.SwapClusterCols > 1 && d.SwapClusterCols >= d.Clusters).Select(d =>
                $"{SwapDeviceFactory.Name(d.Mode)} at {ClusterLayouts.Get(d.Layout).Size} bytes: {d.SwapClusterCols} columns over {d.Clusters} clusters make one row, so its column order is the cluster order, as a kernel's was on a swap device that small; more than {d.SwapClusterCols} clusters (--device-slots above {(long)d.SwapClusterCols * settings.ClusterPages}) spread them."));
            return new Measurement(points, churn ? ChurnVerdicts(points, most) : SwapVerdicts(points, most), notes)
            {
                Sampling = sampled.Summary,
                Scaling = churn ? [] : Curves(points),
            };
        }
        finally
        {
            workloads.ForEach(w => w.Dispose());
            devices.ForEach(d => d.Dispose());
        }
    }

    /// <summary>Each device's curve: ops/s of all workers together against workers, per mode, order and layout; fitted, or left without a fit for <paramref name="unfittedBecause"/>.</summary>
    internal static IReadOnlyList<ScalingCurve> Curves(IReadOnlyList<PointResult> points, string? unfittedBecause = null)
        => ScalingCurve.Through(points, SwapKeys.Workers, [SwapKeys.Mode, SwapKeys.Order, SwapKeys.Layout], "ops/s", p => p.Stats.Median, unfittedBecause);

    private Variant Variant(SwapSettings settings, SwapCombo combo, ISwapDevice device, int workers, string phase, List<SwapWorkload> workloads, CpuRelations relations, CancellationToken cancellation)
    {
        var workload = new SwapWorkload(device, workers, settings.Fifo, churn: phase == Churned, settings.Seed, cancellation);
        workloads.Add(workload);
        var keys = new Dictionary<string, string>
        {
            [SwapKeys.Mode] = combo.ModeName,
            [SwapKeys.Order] = combo.OrderName,
            [SwapKeys.Layout] = combo.LayoutBytes.ToString(CultureInfo.InvariantCulture),
            [SwapKeys.Workers] = workers.ToString(CultureInfo.InvariantCulture),
            [WorkerRelation.Key] = WorkerRelation.Name(relations, [.. settings.Cpus.Take(workers)]),
        };
        if (churn)
        {
            keys[SwapKeys.Phase] = phase;
        }
        return new Variant(
            keys,
            "swap-out + free operations per second, all workers together",
            "ops/s",
            [.. settings.Cpus.Take(workers)],
            workload,
            RunLimit.ForOperations(settings.OperationsPerWorker, batch: 256),
            run => run.TotalOperations / (run.ElapsedNanoseconds / 1e9),
            _ => new Dictionary<string, double>
            {
                ["picks"] = workload.LastPicks.FirstRound.Picks,
                ["sameLinePicks"] = workload.LastPicks.FirstRound.SameLine,
                ["recycledPicks"] = workload.LastPicks.Recycled.Picks,
                ["recycledSameLinePicks"] = workload.LastPicks.Recycled.SameLine,
                [SwapKeys.SwapInfoLocks] = workload.LastSwapInfoLocks,
            });
    }

    private static SwapDeviceOptions DeviceOptions(SwapSettings settings, CpuTopology topology, SwapCombo combo) => new()
    {
        Slots = DeviceSlots(settings),
        Cpus = settings.WorkerCounts.Max(),
        ClusterPages = settings.ClusterPages,
        Order = combo.Order,
        ColumnRule = settings.ColumnRule,
        LineSize = topology.LineSize,
        Spinlock = settings.Spinlock,
        StartSeed = settings.Seed,
    };

    /// <summary>
    /// Sixteen clusters for each of the first 16 workers and four for each further one (at least
    /// 64): room for every worker's FIFO and current cluster many times over, without a device per
    /// configuration of gigabytes on a machine of a hundred workers. A sample recycles clusters:
    /// they return to the free list as their last slot is freed, which in this FIFO workload is the
    /// order they were handed out, so the order the list was built in carries on until a churn
    /// scrambles it.
    /// </summary>
    private static long DeviceSlots(SwapSettings settings)
    {
        if (settings.DeviceSlots > 0)
        {
            return settings.DeviceSlots;
        }
        int most = settings.WorkerCounts.Max();
        long clusters = Math.Max(64, (16L * Math.Min(most, 16)) + (4L * Math.Max(0, most - 16)) + 4);
        return Math.Min(clusters * settings.ClusterPages, Math.Max(SwapSettings.MaxAutoSlots, (most + 2L) * settings.ClusterPages));
    }
}
