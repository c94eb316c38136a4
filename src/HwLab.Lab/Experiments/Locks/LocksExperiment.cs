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

namespace HwLab.Lab.Experiments.Locks;

/// <summary>
/// What a bit lock costs against a spinlock: every lock kind alone (one worker, the uncontended
/// floor) and with 2, 4, ... workers up to one per CPU on a single lock, measuring ns per
/// lock/unlock pair and fairness, the spread of how many pairs each worker got in the same time;
/// each kind's throughput against workers is fitted by the Universal Scalability Law. Every run
/// checks that the count the lock protects equals the pairs made.
/// </summary>
public sealed partial class LocksExperiment : Experiment<LocksSettings>
{
    public const string Uncontended = "uncontended";
    public const string Contended = "contended";

    public override string Name => "locks";

    public override string Title => "Bit lock against spinlock: uncontended cost, contention and fairness";

    public override string Description
        => "Each lock kind (the seed's managed bit lock and its alternative forms, the kernel's lock bts, a 4-byte ticket spinlock, the 4-byte queued spinlock, System.Threading.Lock) alone and with 2, 4, ... workers up to one per CPU on one lock; ns per lock/unlock pair, fairness, and each kind's scaling curve with its contention and coherency.";

    public override IExperimentReport Report { get; } = new LocksReport();

    public override IReadOnlyList<SettingOption> Options => LocksOptions.All;

    public override LocksSettings DefaultSettings(SuiteProfile profile, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        IReadOnlyList<int> cpus = CpuChoice.SpreadAcrossCores(topology, topology.Usable, Math.Min(topology.Usable.Count, ScalingWorkers.MostByDefault(profile)));
        return LocksSettings.ForProfile(profile, cpus);
    }

    public override void Validate(LocksSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingChecks.EnsureUsableCpus(topology, CpuSet.Of(settings.Cpus), 1, "--cpus");
        SettingChecks.EnsureOneWorkerPerCpu(settings.Cpus, Name);
        SettingChecks.EnsureWorkerCounts(settings.WorkerCounts, settings.Cpus.Count);
        SettingChecks.EnsureKnownNames(settings.Kinds, LocksSettings.KnownKinds, "--kinds");
        ExperimentLimits.Samples.Ensure(settings.Samples, "--samples");
        LocksSettings.OperationsRange.Ensure(settings.UncontendedOperations, "--ops");
        LocksSettings.DurationMillisecondsRange.EnsureMilliseconds(settings.ContendedDuration, "--duration-ms");
        EnsureBudget(settings);
    }

    // Each kind runs alone for its operations and together for the duration at each contended count.
    private void EnsureBudget(LocksSettings settings)
    {
        long kinds = settings.Kinds.Distinct().Count();
        int[] contended = [.. settings.ContendedCounts];
        long runs = RunBudget.RunsPerPoint(settings.Samples);
        long perRun = RunBudget.Sum(
            RunBudget.Product(settings.UncontendedOperations, RunBudget.LockPairFloorNanoseconds),
            RunBudget.Product(contended.Length, (long)settings.ContendedDuration.TotalNanoseconds));
        long workers = RunBudget.Sum(1, contended.Sum(t => (long)t));
        const string lower = "--samples, --ops, --duration-ms, --workers or --kinds";
        RunBudget.EnsureDuration(
            RunBudget.Product(kinds, runs, perRun),
            Name,
            $"{kinds} kinds, {runs} runs of {settings.UncontendedOperations} lock/unlock pairs at no less than {RunBudget.LockPairFloorNanoseconds} ns each{(contended.Length > 0 ? $" and {runs} of {settings.ContendedDuration.TotalMilliseconds} ms at each of {contended.Length} contended worker counts" : "")}",
            lower);
        RunBudget.EnsureWorkerSamples(
            RunBudget.Product(kinds, settings.Samples, workers), Name, $"{kinds} kinds, {settings.Samples} samples, {workers} workers over the worker counts", lower);
    }

    protected override LocksSettings WithOptions(LocksSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => LocksOptions.Apply(defaults, topology, given);

    protected override IReadOnlyDictionary<string, string> Describe(LocksSettings settings) => new Dictionary<string, string>
    {
        ["cpus"] = SettingsText.Cpus(settings.Cpus),
        ["kinds"] = string.Join(',', settings.Kinds),
        ["uncontendedOperations"] = settings.UncontendedOperations.ToString(CultureInfo.InvariantCulture),
        ["contendedMilliseconds"] = settings.ContendedDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["workers"] = string.Join(',', settings.WorkerCounts),
        ["contendingWorkers"] = settings.ContendedCounts.DefaultIfEmpty(0).Max().ToString(CultureInfo.InvariantCulture),
        ["samples"] = settings.Samples.ToString(CultureInfo.InvariantCulture),
    };

    protected override Measurement Measure(LocksSettings settings, ExperimentContext context)
    {
        var relations = new CpuRelations(context.Topology);
        var workloads = new List<IClusterWorkload>();
        try
        {
            var variants = new List<Variant>();
            int[] contended = [.. settings.ContendedCounts];
            foreach (string kind in settings.Kinds.Distinct())
            {
                IClusterWorkload alone = Create(kind, 1, context.Topology.LineSize);
                workloads.Add(alone);
                variants.Add(new Variant(
                    Keys(kind, Uncontended, 1, WorkerRelation.Alone), "ns per lock/unlock pair", "ns", [settings.Cpus[0]], alone,
                    RunLimit.ForOperations(settings.UncontendedOperations), run => run.Workers[0].NanosecondsPerOperation));
                foreach (int workers in contended)
                {
                    IClusterWorkload together = Create(kind, workers, context.Topology.LineSize);
                    workloads.Add(together);
                    // Under contention the lock is a shared resource: the figure is wall time per pair of all workers together.
                    variants.Add(new Variant(
                        Keys(kind, Contended, workers, WorkerRelation.Name(relations, [.. settings.Cpus.Take(workers)])), "ns per lock/unlock pair (all workers together)", "ns", [.. settings.Cpus.Take(workers)], together,
                        RunLimit.ForDuration(settings.ContendedDuration, batch: 100), run => run.ElapsedNanoseconds / run.TotalOperations));
                }
            }

            SamplingOutcome sampled = Sample(variants, settings.Samples, context, measured => Claim.DecideAll(s_claims, measured));
            IReadOnlyList<PointResult> points = [.. sampled.Points.Select(WithFairness)];
            bool contend = contended.Length > 0;
            return new Measurement(points, Verdicts(points, contend), Notes(settings, contended)) { Sampling = sampled.Summary, Scaling = LocksCurves.Of(points) };
        }
        finally
        {
            workloads.ForEach(w => w.Dispose());
        }
    }

    private static IClusterWorkload Create(string kind, int workers, int lineSize)
    {
        int[] oneCluster = new int[workers]; // every worker on cluster 0
        if (LocksSettings.BitLockKinds.TryGetValue(kind, out BitLockForm form))
        {
            return BitLockWorkloads.Create(form, oneCluster, 0);
        }
        return kind switch
        {
            LocksSettings.Ticket => new ClusterLockWorkload<swap_cluster_info_spinlock, ClusterTicketLock>(oneCluster, 0),
            LocksSettings.QueuedSpinLock => new QueuedSpinLockWorkload(oneCluster, 0, lineSize),
            LocksSettings.DotnetLock => new DotnetLockWorkload(workers),
            _ => throw new ExperimentSettingsException($"Unknown lock kind {kind}."),
        };
    }

    private static Dictionary<string, string> Keys(string kind, string contention, int workers, string relation) => new()
    {
        [LocksKeys.Kind] = kind,
        [LocksKeys.Contention] = contention,
        [LocksKeys.Workers] = workers.ToString(CultureInfo.InvariantCulture),
        [WorkerRelation.Key] = relation,
    };

    // Fairness: how evenly the workers shared the lock, per sample, then the median over samples.
    // cv is the coefficient of variation of the per-worker pair counts (0 = perfectly even);
    // minOverMax is the least-served worker's count over the best-served one's (1 = perfectly even).
    private static PointResult WithFairness(PointResult point)
    {
        if (point.Key(LocksKeys.Contention) != Contended)
        {
            return point;
        }
        double[] cv = [.. point.Samples.Select(s => Statistics.CoefficientOfVariationOf([.. s.Workers.Select(w => (double)w.Operations)]))];
        return point with
        {
            Derived = new Dictionary<string, double>
            {
                [LocksKeys.FairnessCv] = MedianInterval.Median(cv),
                [LocksKeys.FairnessMinOverMax] = MedianInterval.Median([.. point.Samples.Select(MinOverMax)]),
            },
        };
    }

    // One sample: the least-served worker's pairs over the best-served one's.
    private static double MinOverMax(SampleRecord sample)
        => (double)sample.Workers.Min(w => w.Operations) / Math.Max(1, sample.Workers.Max(w => w.Operations));

    // A kind's point alone, or contended with the most workers measured.
    private static PointResult? Find(IReadOnlyList<PointResult> points, string kind, string contention)
        => points.Where(p => p.Key(LocksKeys.Kind) == kind && p.Key(LocksKeys.Contention) == contention).MaxBy(LocksCurves.Workers);

    private static Claim PairedClaim(string topic, DecisionRule rule, string kind, string baseline, string contention, Func<IReadOnlyList<SampleRecord>, double> figure)
        => new(topic, rule, points => Find(points, kind, contention) is { } a && Find(points, baseline, contention) is { } b ? RoundFigures.PerRound([a, b], figure) : null);

    private static readonly Claim s_bitLockCost = PairedClaim(
        Topics.ManagedBitLockCost,
        DecisionRule.AtMost("managed bit lock over native lock bts, ns per uncontended pair, per round", 1.10),
        LocksSettings.BitLock, LocksSettings.NativeBitLock, Uncontended, r => r[0].Value / r[1].Value);

    private static readonly Claim s_bitLockSlow = PairedClaim(
        Topics.ReviewBitLockSlow,
        DecisionRule.Above("bit lock over ticket spinlock, ns per uncontended pair, per round", 1.0),
        LocksSettings.BitLock, LocksSettings.Ticket, Uncontended, r => r[0].Value / r[1].Value);

    private static readonly Claim s_ticketFairer = PairedClaim(
        Topics.LocksFairness,
        DecisionRule.Above("ticket lock's least-over-best-served share minus the bit lock's, per round", 0),
        LocksSettings.Ticket, LocksSettings.BitLock, Contended, r => MinOverMax(r[0]) - MinOverMax(r[1]));

    private static readonly Claim[] s_claims = [s_bitLockCost, s_bitLockSlow, s_ticketFairer];

    private static List<Verdict> Verdicts(IReadOnlyList<PointResult> points, bool contend)
    {
        var verdicts = new List<Verdict>();
        PointResult? bit = Find(points, LocksSettings.BitLock, Uncontended);
        PointResult? native = Find(points, LocksSettings.NativeBitLock, Uncontended);
        if (bit is not null && native is not null && s_bitLockCost.Decide(points) is { } cost)
        {
            verdicts.Add(Verdict.Decided(
                "The managed bit lock (Interlocked.Or/And) costs what the kernel's lock bts costs, uncontended (target: at most 1.10x).",
                $"managed {PointFigures.Describe(bit.Stats, "ns")}, native {PointFigures.Describe(native.Stats, "ns")}: {PointFigures.Times(cost.Figure)} per round",
                cost,
                "One worker, no contention: the cost of the instructions themselves.") with { Topic = Topics.ManagedBitLockCost });
        }

        PointResult? ticketAlone = Find(points, LocksSettings.Ticket, Uncontended);
        if (bit is not null && ticketAlone is not null && s_bitLockSlow.Decide(points) is { } slower)
        {
            verdicts.Add(Verdict.Decided(
                "Andrew Morton on the seed: \"bit_spin_lock() is a nasty thing. It is slow\"; uncontended, the bit lock costs more than a spinlock.",
                $"bit lock {PointFigures.Describe(bit.Stats, "ns")}, ticket spinlock {PointFigures.Describe(ticketAlone.Stats, "ns")}: {PointFigures.Times(slower.Figure)} per round",
                slower,
                "The ticket lock releases with an unlocked 16-bit increment; the bit lock needs a second locked instruction to clear its bit.") with { Topic = Topics.ReviewBitLockSlow, Source = ClaimSources.Review });
        }

        PointResult? bitTogether = Find(points, LocksSettings.BitLock, Contended);
        PointResult? ticketTogether = Find(points, LocksSettings.Ticket, Contended);
        if (!contend)
        {
            verdicts.Add(new Verdict("Under contention the ticket spinlock is fairer than the bit lock.", "-", VerdictOutcome.NotMeasurable, "Contention needs at least 2 workers on the lock; this run had 1.") { Topic = Topics.LocksFairness });
        }
        else if (bitTogether is not null && ticketTogether is not null && s_ticketFairer.Decide(points) is { } fairer)
        {
            verdicts.Add(Verdict.Decided(
                "Under contention the ticket spinlock (FIFO) is fairer than the bit lock (whoever's atomic lands first).",
                string.Create(CultureInfo.InvariantCulture, $"{LocksCurves.Workers(ticketTogether)} workers, least-served worker's share of the best-served one's: ticket {ticketTogether.Derived[LocksKeys.FairnessMinOverMax]:0.00}, bit lock {bitTogether.Derived[LocksKeys.FairnessMinOverMax]:0.00} (medians); ns per pair: ticket {ticketTogether.Stats.Median:0.#}, bit lock {bitTogether.Stats.Median:0.#}"),
                fairer,
                "1.00 means every worker got the same number of pairs in the same time; the figure is the ticket lock's share minus the bit lock's, round by round.") with { Topic = Topics.LocksFairness });
        }
        return verdicts;
    }

    private static List<string> Notes(LocksSettings settings, int[] contended)
    {
        var notes = new List<string>
        {
            "Each lock guards one cluster's count, updated non-atomically inside it; every run checks the count equals the pairs made.",
            BitLockWorkloads.Describe(settings.Kinds, LocksSettings.BitLockKinds)
                + " ticket: a 4-byte ticket lock, x86's spinlock_t before 4.2. qspinlock: the 4-byte queued spinlock (pending bit, MCS queue on per-CPU nodes), x86's spinlock_t since 4.2 and so the one the merged 4.11 cluster lock was taken with. dotnet-lock: System.Threading.Lock, for scale.",
        };
        if (contended.Length > 0)
        {
            notes.Add($"Contended runs of {string.Join(", ", contended)} workers put one worker on each of the first CPUs of {SettingsText.Cpus(settings.Cpus)} for {settings.ContendedDuration.TotalMilliseconds:0} ms; ns per pair is wall time over all workers' pairs together. The fairness claim takes the most workers.");
            notes.Add("Each kind's curve: lock/unlock pairs per second of all workers together (10^9 over the median ns per pair), the lone worker's uncontended run at 1 worker, fitted by the Universal Scalability Law where there are 4 worker counts or more.");
        }
        return notes;
    }
}
