using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>
/// The seed's warning, measured: "the size of swap_cluster_info is much smaller than the size of
/// the cache line (8 vs 64 on x86_64 architecture), there may be false cache line sharing between
/// swap_cluster_info bit spinlocks". T pinned workers each lock and unlock their own cluster and
/// bump its count, with neighbouring clusters 8, 16, 32, 64 and 128 bytes apart; the managed bit
/// lock and the kernel's native lock bts run on the same layout in the same run.
/// </summary>
public sealed partial class FalseShareExperiment : Experiment<FalseShareSettings>
{
    public const string Managed = "managed";
    public const string ManagedFetchFirst = "managed-xadd";
    public const string Native = "native";


    public override string Name => "falseshare";

    public override string Title => "False sharing between neighbouring clusters' bit locks";

    public override string Description
        => "Pinned workers each take and release their own cluster's bit spinlock (and update its count), with neighbouring clusters 8 to 128 bytes apart; ns per lock/unlock pair and the penalty against 128 bytes, managed and native lock bts.";

    public override IExperimentReport Report { get; } = new FalseShareReport();

    public override IReadOnlyList<SettingOption> Options => FalseShareOptions.All;

    public override FalseShareSettings DefaultSettings(SuiteProfile profile, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        int workers = Math.Min(topology.Usable.Count, FalseShareSettings.DefaultMaxWorkers);
        IReadOnlyList<int> cpus = CpuChoice.SpreadAcrossCores(topology, topology.Usable, workers);
        return FalseShareSettings.ForProfile(profile, cpus, topology.LineSize, [.. topology.Usable]);
    }

    public override void Validate(FalseShareSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingChecks.EnsureUsableCpus(topology, CpuSet.Of(settings.Cpus), 1, "--cpus");
        if (settings.Cpus.Count < 2)
        {
            throw new ExperimentSettingsException($"falseshare needs at least 2 workers on 2 CPUs to share a line; it was given {settings.Cpus.Count}.");
        }
        SettingChecks.EnsureOneWorkerPerCpu(settings.Cpus, Name);
        if (settings.Distances.Count == 0 || settings.Distances.Any(d => !FalseShareSettings.DistanceRange.Contains(d) || d % 8 != 0))
        {
            throw new ExperimentSettingsException($"--distances must be multiples of 8 bytes from {FalseShareSettings.DistanceRange}, not {string.Join(',', settings.Distances)}.");
        }
        SettingChecks.EnsureKnownNames(settings.Implementations, FalseShareSettings.KnownImplementations, "--impls");
        ExperimentLimits.Samples.Ensure(settings.Samples, "--samples");
        FalseShareSettings.OperationsRange.Ensure(settings.OperationsPerWorker, "--ops");
        FalseShareSettings.SharersRange.EnsureEach(settings.Sharers, "--sharers");
        if (settings.Sharers.FirstOrDefault(k => k > topology.LineSize / 8) is > 0 and int tooMany)
        {
            throw new ExperimentSettingsException($"--sharers {tooMany}: a {topology.LineSize}-byte line holds {topology.LineSize / 8} clusters of 8 bytes, so at most {topology.LineSize / 8} workers share one.");
        }
        SettingChecks.EnsureKnownNames(settings.Placements, SharingPlacements.Names, "--placements");
        SettingChecks.EnsureUsableCpus(topology, CpuSet.Of(settings.Candidates), 1, "--cpus");
        EnsureBudget(settings, topology);
    }

    // Every distance and implementation is a point with its own cluster array, all alive for the whole run.
    private void EnsureBudget(FalseShareSettings settings, CpuTopology topology)
    {
        long[] distances = [.. settings.Distances.Distinct()];
        long implementations = settings.Implementations.Distinct().Count();
        // The sweep's points and the sharing grid's, two distances per group.
        long points = RunBudget.Sum(RunBudget.Product(distances.Length, implementations), RunBudget.Product(Groups(settings, topology).Groups.Count, 2, implementations));
        const string lower = "--samples, --ops, --distances or --impls";
        RunBudget.EnsureLockPairDuration(points, settings.Samples, settings.OperationsPerWorker, Name, lower);
        RunBudget.EnsureWorkerSamples(
            RunBudget.Product(points, settings.Samples, settings.Cpus.Count), Name, $"{points} points, {settings.Samples} samples, {settings.Cpus.Count} workers", lower);
        long page = Environment.SystemPageSize;
        long arrayBytes = RunBudget.Sum([.. distances.Select(d => RunBudget.Product(implementations, (RunBudget.Product(settings.Cpus.Count, d) + page - 1) / page, page))]);
        RunBudget.EnsureMemory(arrayBytes, Name, $"a cluster array per point for {settings.Cpus.Count} workers", "--distances, --impls or --threads");
    }

    protected override FalseShareSettings WithOptions(FalseShareSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => FalseShareOptions.Apply(defaults, topology, given);

    protected override IReadOnlyDictionary<string, string> Describe(FalseShareSettings settings) => new Dictionary<string, string>
    {
        ["cpus"] = SettingsText.Cpus(settings.Cpus),
        ["workers"] = settings.Cpus.Count.ToString(CultureInfo.InvariantCulture),
        ["distances"] = string.Join(',', settings.Distances),
        ["operationsPerWorker"] = settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture),
        ["samples"] = settings.Samples.ToString(CultureInfo.InvariantCulture),
        ["implementations"] = string.Join(',', settings.Implementations),
        ["cluster"] = nameof(swap_cluster_info_seed),
        ["lockBit"] = SwapCluster.CLUSTER_FLAG_LOCK_BIT.ToString(CultureInfo.InvariantCulture),
    };

    protected override Measurement Measure(FalseShareSettings settings, ExperimentContext context)
    {
        int[] clusterOf = [.. Enumerable.Range(0, settings.Cpus.Count)];
        int[] distances = [.. settings.Distances.Distinct().Order()];
        int baseline = distances[^1];
        string sweepRelation = WorkerRelation.Farthest(new CpuRelations(context.Topology), settings.Cpus).Name();
        (IReadOnlyList<SharingGroup> groups, IReadOnlyList<string> missing) = Groups(settings, context.Topology);
        var workloads = new List<IClusterWorkload>();
        try
        {
            var variants = new List<Variant>();
            foreach (int distance in distances)
            {
                foreach (string impl in settings.Implementations.Distinct())
                {
                    IClusterWorkload workload = Workload(impl, clusterOf, distance);
                    workloads.Add(workload);
                    variants.Add(new Variant(
                        new Dictionary<string, string>
                        {
                            [FalseShareKeys.Distance] = distance.ToString(CultureInfo.InvariantCulture),
                            [FalseShareKeys.Impl] = impl,
                            [FalseShareKeys.Relation] = sweepRelation,
                        },
                        "ns per lock/unlock pair (mean of the workers)",
                        "ns",
                        settings.Cpus,
                        workload,
                        RunLimit.ForOperations(settings.OperationsPerWorker),
                        run => run.Workers.Average(w => w.NanosecondsPerOperation)));
                }
            }
            variants.AddRange(GridVariants(settings, groups, baseline, workloads));

            Claims claims = new(distances[0], baseline, context.Topology.LineSize);
            SamplingOutcome sampled = Sample(variants, settings.Samples, context, measured => Claim.DecideAll(claims.All, measured));
            List<PointResult> points = WithPenalties(sampled.Points, baseline);
            List<Verdict> verdicts = Verdicts(points, claims, context.Topology);
            if (GridFigure(points, context.Topology) is { } grid)
            {
                verdicts.Add(grid);
            }
            return new Measurement(points, verdicts, Notes(settings, baseline, context.Topology, groups, missing)) { Sampling = sampled.Summary };
        }
        finally
        {
            workloads.ForEach(w => w.Dispose());
        }
    }

    /// <summary>
    /// Every point with its penalty: its median over the median of the same lock at the baseline
    /// distance (in the sharing grid, of the same k workers in the same placement too). Internal so
    /// that it can be checked on points of known medians.
    /// </summary>
    internal static List<PointResult> WithPenalties(IReadOnlyList<PointResult> points, int baseline)
        => [.. points.Select(p => InGrid(p) ? WithGridPenalty(p, points, baseline) : WithPenalty(p, points, baseline))];

    private static PointResult WithPenalty(PointResult point, IReadOnlyList<PointResult> all, int baseline)
    {
        PointResult reference = all.Single(p => !InGrid(p) && p.Key(FalseShareKeys.Impl) == point.Key(FalseShareKeys.Impl) && p.Key(FalseShareKeys.Distance) == baseline.ToString(CultureInfo.InvariantCulture));
        return point with { Derived = new Dictionary<string, double> { [FalseShareKeys.Penalty] = PointFigures.Ratio(point.Stats, reference.Stats) } };
    }

    private static PointResult Point(IReadOnlyList<PointResult> points, int distance, string impl)
        => points.Single(p => !InGrid(p) && p.Key(FalseShareKeys.Distance) == distance.ToString(CultureInfo.InvariantCulture) && p.Key(FalseShareKeys.Impl) == impl);

    private static List<Verdict> Verdicts(IReadOnlyList<PointResult> points, Claims claims, CpuTopology topology)
    {
        var verdicts = new List<Verdict>();
        int lineSize = topology.LineSize;
        int nearest = claims.Nearest;
        int baseline = claims.Baseline;
        bool both = points.Any(p => p.Key(FalseShareKeys.Impl) == Managed) && points.Any(p => p.Key(FalseShareKeys.Impl) == Native);
        if (claims.SeedSharing.Decide(points) is { } sharing && claims.ManagedFeelsIt.Decide(points) is { } agreement)
        {
            PointResult managed = Point(points, nearest, Managed);
            PointResult native = Point(points, nearest, Native);
            verdicts.Add(Verdict.Decided(
                $"The seed patch: 8-byte clusters share a {lineSize}-byte line {lineSize / 8} ways, so neighbouring clusters' bit spinlocks falsely share it (penalty above 1.10x for both the managed lock and the kernel's lock bts).",
                $"{nearest} bytes apart: {PointFigures.Describe(managed.Stats, "ns")} per pair managed ({PointFigures.Times(managed.Derived[FalseShareKeys.Penalty])} of {baseline} bytes apart), {PointFigures.Describe(native.Stats, "ns")} native ({PointFigures.Times(native.Derived[FalseShareKeys.Penalty])}); the smaller penalty per round: {PointFigures.Times(sharing.Figure)}",
                sharing,
                "Deciding on the smaller of the two locks' penalties in each round: confirmed means both pay it.") with { Topic = Topics.SeedFalseSharing, Source = ClaimSources.SeedPatch });
            verdicts.Add(Verdict.Decided(
                "The managed bit lock (Interlocked.Or/And) feels false sharing as the kernel's lock bts does.",
                string.Create(CultureInfo.InvariantCulture, $"penalty at {nearest} bytes: managed {managed.Derived[FalseShareKeys.Penalty]:0.00}x, native {native.Derived[FalseShareKeys.Penalty]:0.00}x; managed over native per round {agreement.Figure:0.00}"),
                agreement,
                "Within 15% counts as the same penalty.") with { Topic = Topics.ManagedFalseSharing });

            if (points.Any(p => p.Key(FalseShareKeys.Impl) == ManagedFetchFirst))
            {
                PointResult fetchFirst = Point(points, nearest, ManagedFetchFirst);
                PointResult nativeBase = Point(points, baseline, Native);
                verdicts.Add(new Verdict(
                "Asking for the line exclusive first (lock xadd 0, then lock cmpxchg) brings the managed lock closer to lock bts under false sharing.",
                $"{nearest} bytes apart: managed-xadd {PointFigures.Describe(fetchFirst.Stats, "ns")} against native {PointFigures.Describe(native.Stats, "ns")}; {baseline} bytes apart: managed-xadd {PointFigures.Times(PointFigures.Ratio(Point(points, baseline, ManagedFetchFirst).Stats, nativeBase.Stats))} of native",
                VerdictOutcome.Info,
                "Interlocked.Or whose result is used compiles to a plain load (the line arrives shared) and lock cmpxchg (a second request, for ownership); lock bts and lock xadd ask for ownership once. The price is one more locked instruction when the line is already here."));
            }
        }
        else
        {
            verdicts.Add(new Verdict(
                "The seed patch: neighbouring 8-byte clusters' bit spinlocks falsely share a cache line.",
                "-",
                VerdictOutcome.NotMeasurable,
                both
                    ? $"The distances run from {nearest} to {baseline} bytes; deciding it needs one below the {lineSize}-byte line and a baseline at least two lines apart."
                    : "It compares the managed lock with the native one; run both (--impls managed,native).") { Topic = Topics.SeedFalseSharing, Source = ClaimSources.SeedPatch });
        }

        if (claims.OneLineEnough.Decide(points) is { } padding)
        {
            PointResult adjacent = Point(points, lineSize, Managed);
            verdicts.Add(Verdict.Decided(
                $"One cluster per {lineSize}-byte line is enough padding (within 5% of {baseline} bytes apart).",
                $"{lineSize} bytes apart: {PointFigures.Times(adjacent.Derived[FalseShareKeys.Penalty])} of {baseline} bytes apart (managed; per round {PointFigures.Times(padding.Figure)})",
                padding,
                $"Adjacent-line prefetchers fetch lines in pairs on many x86 cores, so neighbours one line apart can still interfere; {baseline} bytes is the distance that never shares.") with { Topic = Topics.PaddingOneLine });
        }
        return verdicts;
    }

    /// <summary>The claims this experiment decides, declared from its distances before anything runs.</summary>
    private sealed class Claims
    {
        public Claims(int nearest, int baseline, int lineSize)
        {
            Nearest = nearest;
            Baseline = baseline;
            bool decidable = nearest < lineSize && baseline >= 2 * lineSize;
            SeedSharing = new Claim(
                Topics.SeedFalseSharing,
                DecisionRule.Above($"the smaller of the managed and native penalties per round ({nearest} over {baseline} bytes apart)", 1.10),
                points => BothPenalties(points, r => Math.Min(r[0].Value / r[1].Value, r[2].Value / r[3].Value)));
            ManagedFeelsIt = new Claim(
                Topics.ManagedFalseSharing,
                DecisionRule.Within($"managed penalty over native penalty per round ({nearest} over {baseline} bytes apart)", 1.0, 0.15),
                points => BothPenalties(points, r => r[0].Value / r[1].Value / (r[2].Value / r[3].Value)));

            // Per round, from the managed and native points nearest and at the baseline, in that order.
            IReadOnlyList<RoundValue>? BothPenalties(IReadOnlyList<PointResult> points, Func<IReadOnlyList<SampleRecord>, double> figure)
                => decidable && Has(points, nearest, baseline, Managed) && Has(points, nearest, baseline, Native)
                    ? RoundFigures.PerRound([Point(points, nearest, Managed), Point(points, baseline, Managed), Point(points, nearest, Native), Point(points, baseline, Native)], figure)
                    : null;

            OneLineEnough = new Claim(
                Topics.PaddingOneLine,
                DecisionRule.Within($"ns per pair {lineSize} over {baseline} bytes apart per round (managed)", 1.0, 0.05),
                points => baseline > lineSize && Has(points, lineSize, baseline, Managed)
                    ? RoundFigures.Ratio(Point(points, lineSize, Managed), Point(points, baseline, Managed))
                    : null);
        }

        public int Nearest { get; }

        public int Baseline { get; }

        public Claim SeedSharing { get; }

        public Claim ManagedFeelsIt { get; }

        public Claim OneLineEnough { get; }

        public IReadOnlyList<Claim> All => [SeedSharing, ManagedFeelsIt, OneLineEnough];

        private static bool Has(IReadOnlyList<PointResult> points, int distance, int baseline, string impl)
            => Find(points, distance, impl) is not null && Find(points, baseline, impl) is not null;

        private static PointResult? Find(IReadOnlyList<PointResult> points, int distance, string impl)
            => points.SingleOrDefault(p => !InGrid(p) && p.Key(FalseShareKeys.Distance) == distance.ToString(CultureInfo.InvariantCulture) && p.Key(FalseShareKeys.Impl) == impl);
    }

    private static List<string> Notes(FalseShareSettings settings, int baseline, CpuTopology topology, IReadOnlyList<SharingGroup> groups, IReadOnlyList<string> missing)
    {
        var notes = new List<string>
        {
            $"Workers on CPUs {SettingsText.Cpus(settings.Cpus)}; worker i owns cluster i of one page-aligned array, so at d bytes apart {Math.Max(1, topology.LineSize / Math.Max(1, settings.Distances.Min()))} neighbours share each {topology.LineSize}-byte line at the smallest distance.",
            $"Penalty is each distance's median over the {baseline}-byte median, per implementation.",
            BitLockWorkloads.Describe(settings.Implementations, FalseShareSettings.ImplementationForms),
        };
        if (groups.Count > 0)
        {
            notes.Add($"Sharing grid, k workers with their clusters 8 bytes apart in one line and {baseline} bytes apart: {string.Join("; ", groups.Select(g => $"k = {g.Sharers} {g.Placement.Name()} on CPUs {SettingsText.Cpus(g.Cpus)}"))}.");
        }
        if (missing.Count > 0)
        {
            notes.Add($"Not placed on this machine: {string.Join("; ", missing)}.");
        }
        if (topology.Hypervisor.Present)
        {
            notes.Add("This is a virtual machine: its vCPUs are host threads, and the host decides which cores share caches with them.");
        }
        return notes;
    }
}
