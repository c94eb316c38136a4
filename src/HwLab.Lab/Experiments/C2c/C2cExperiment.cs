using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// Core-to-core latency: for each pair of CPUs, two pinned workers pass one cache line back and
/// forth with compare-and-swap; one-way latency is half the round trip, as the established
/// core-to-core-latency tool reports it. Managed and native loops side by side, as a matrix of
/// every pair on machines of up to <see cref="C2cSettings.FullMatrixCpus"/> CPUs and a stratified
/// sample by relation and L3 domain beyond (<see cref="PairSelection"/>); each point names its
/// pair's relation, so the figures group by it.
/// </summary>
public sealed partial class C2cExperiment : Experiment<C2cSettings>
{
    public const string Managed = "managed";
    public const string Native = "native";

    private static IReadOnlyList<string> Implementations { get; } = [Managed, Native];

    // Statements name the relations in words; the point keys carry their names.
    private static readonly Dictionary<CpuRelation, string> s_relationText = new()
    {
        [CpuRelation.SmtSibling] = "SMT siblings of one core",
        [CpuRelation.SameL2] = "cores sharing an L2",
        [CpuRelation.SameL3] = "cores sharing an L3",
        [CpuRelation.SameNode] = "cores of one NUMA node under different L3s",
        [CpuRelation.SamePackage] = "cores of one package on different NUMA nodes",
        [CpuRelation.OtherPackage] = "cores of different packages",
    };

    public override string Name => "c2c";

    public override string Title => "Core-to-core latency";

    public override string Description
        => "For each pair of CPUs, a compare-and-swap ping-pong on one cache line: one-way latency (half the round trip), managed and native, as a matrix ordered by package, L3 domain and core, and by relation (SMT sibling to other package); beyond --full-matrix-cpus, a stratified sample by relation and L3 domain.";

    public override IExperimentReport Report { get; } = new C2cReport();

    public override IReadOnlyList<SettingOption> Options => C2cOptions.All;

    public override C2cSettings DefaultSettings(SuiteProfile profile, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        IReadOnlyList<int> cpus = [.. topology.Usable];
        return C2cSettings.ForProfile(profile, cpus);
    }

    public override void Validate(C2cSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingChecks.EnsureUsableCpus(topology, CpuSet.Of(settings.Cpus), 2, "--cpus");
        ExperimentLimits.Samples.Ensure(settings.Samples, "--samples");
        C2cSettings.RoundTripsRange.Ensure(settings.RoundTrips, "--round-trips");
        C2cSettings.FullMatrixCpusRange.Ensure(settings.FullMatrixCpus, "--full-matrix-cpus");
        C2cSettings.MaxPairsRange.Ensure(settings.MaxPairs, "--max-pairs");

        C2cPlan plan = Plan(settings, topology);
        long pairs = plan.Pairs.Count;
        long variants = RunBudget.Product(pairs, Implementations.Count);
        string lower = plan.FullMatrix ? "--samples, --round-trips, --full-matrix-cpus or --cpus" : "--samples, --round-trips, --max-pairs or --cpus";
        RunBudget.EnsureDuration(
            C2cDuration.FloorNanoseconds(settings, plan),
            Name,
            $"{plan.Text}, {Implementations.Count} implementations, {RunBudget.RunsPerPoint(settings.Samples)} runs of {settings.RoundTrips} round trips, at no less than {RunBudget.RoundTripFloorNanoseconds} ns each",
            lower);
        RunBudget.EnsureWorkerSamples(
            RunBudget.Product(variants, settings.Samples, 2), Name, $"{plan.Text}, {Implementations.Count} implementations, {settings.Samples} samples, 2 workers", lower);
        RunBudget.EnsureMemory(
            RunBudget.Product(variants, Environment.SystemPageSize), Name, $"a page for each of {variants} ping-pong lines", plan.FullMatrix ? "--full-matrix-cpus or --cpus" : "--max-pairs or --cpus");
    }

    /// <summary>The pairs <paramref name="settings"/> measure on <paramref name="topology"/>, decided before anything runs.</summary>
    public static C2cPlan Plan(C2cSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return PairSelection.Plan(topology, settings.Cpus, settings.FullMatrixCpus, settings.MaxPairs, settings.Seed);
    }

    protected override C2cSettings WithOptions(C2cSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => C2cOptions.Apply(defaults, given);

    protected override IReadOnlyDictionary<string, string> Describe(C2cSettings settings) => new Dictionary<string, string>
    {
        ["cpus"] = SettingsText.Cpus(settings.Cpus),
        ["roundTrips"] = settings.RoundTrips.ToString(CultureInfo.InvariantCulture),
        ["fullMatrixCpus"] = settings.FullMatrixCpus.ToString(CultureInfo.InvariantCulture),
        ["maxPairs"] = settings.MaxPairs.ToString(CultureInfo.InvariantCulture),
        ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
        ["samples"] = settings.Samples.ToString(CultureInfo.InvariantCulture),
    };

    // What the settings come to here, before the first pair is measured: the plan and its duration.
    protected override IReadOnlyDictionary<string, string> Describe(C2cSettings settings, CpuTopology topology)
    {
        C2cPlan plan = Plan(settings, topology);
        return new Dictionary<string, string>(Describe(settings))
        {
            ["plan"] = plan.Text,
            ["pairs"] = plan.Pairs.Count.ToString(CultureInfo.InvariantCulture),
            ["estimatedSeconds"] = C2cDuration.Seconds(C2cDuration.EstimateSeconds(settings, plan)),
            ["floorSeconds"] = C2cDuration.Seconds(C2cDuration.FloorNanoseconds(settings, plan) / 1e9),
        };
    }

    protected override Measurement Measure(C2cSettings settings, ExperimentContext context)
    {
        C2cPlan plan = Plan(settings, context.Topology);
        IReadOnlyList<CpuPair> pairs = plan.Pairs;
        var workloads = new List<IClusterWorkload>();
        try
        {
            var variants = new List<Variant>();
            foreach (CpuPair pair in pairs)
            {
                // Every pair maps two pages: on a large machine that takes a while, and a Ctrl+C must not wait for it.
                context.Cancellation.ThrowIfCancellationRequested();
                foreach (string impl in Implementations)
                {
                    var workload = new PingPongWorkload(native: impl == Native);
                    workloads.Add(workload);
                    variants.Add(new Variant(
                        new Dictionary<string, string>
                        {
                            [C2cKeys.Pair] = pair.ToString(),
                            [C2cKeys.Relation] = pair.Relation.Name(),
                            [C2cKeys.L3] = pair.DomainsText,
                            [C2cKeys.Impl] = impl,
                        },
                        "one-way latency, ns (half the round trip)",
                        "ns",
                        [pair.First, pair.Second],
                        workload,
                        RunLimit.ForOperations(settings.RoundTrips, batch: Math.Min(settings.RoundTrips, 1_000)),
                        run => run.Workers[0].NanosecondsPerOperation / 2));
                }
            }

            Claim[] claims = [s_managedAsFastAsNative];
            SamplingOutcome sampled = Sample(variants, settings.Samples, context, measured => Claim.DecideAll(claims, measured));
            IReadOnlyList<PointResult> points = sampled.Points;
            var notes = new List<string>
            {
                "Each round trip is the line moving to the other CPU and back: worker 0 turns 2r into 2r + 1 with compare-and-swap, worker 1 turns it into 2r + 2. One-way latency is half the round trip.",
            };
            notes.Add($"Planned before measuring: {plan.Text}; {C2cDuration.Text(settings, plan)}.");
            if (!plan.FullMatrix)
            {
                notes.Add($"More than --full-matrix-cpus {settings.FullMatrixCpus} CPUs, so pairs were sampled with seed {settings.Seed}: up to {C2cPlan.PairsPerRelation} of each relation, spread over packages and L3 domains, then one for each pair of L3 domains no chosen pair joined yet. The heat map is by L3 domain; raise --full-matrix-cpus to measure every pair.");
            }
            if (plan.DomainPairsLeftOut > 0)
            {
                notes.Add($"{plan.DomainPairsLeftOut} pairs of L3 domains have no measured pair: --max-pairs {settings.MaxPairs} ended the sample first; raise it for a complete map by L3 domain.");
            }
            if (context.Topology.Hypervisor.Present)
            {
                notes.Add("In a virtual machine a vCPU pair's latency is that of whichever host cores run them at the moment.");
            }
            return new Measurement(points, Verdicts(points, context.Topology, settings.Cpus), notes) { Sampling = sampled.Summary };
        }
        finally
        {
            workloads.ForEach(w => w.Dispose());
        }
    }

    private static List<Verdict> Verdicts(IReadOnlyList<PointResult> points, CpuTopology topology, IReadOnlyList<int> cpus)
    {
        var verdicts = new List<Verdict>();
        PointResult[] native = [.. points.Where(p => p.Key(C2cKeys.Impl) == Native)];
        if (s_managedAsFastAsNative.Decide(points) is { } decision)
        {
            int pairs = native.Length;
            verdicts.Add(Verdict.Decided(
                "Managed compare-and-swap passes a line between cores as fast as native code does (target: within 10%).",
                string.Create(CultureInfo.InvariantCulture, $"managed/native one-way latency, median over {pairs} pair(s) per round: {decision.Figure:0.00} over {decision.SamplesUsed} rounds"),
                decision,
                "The round trip is dominated by the cache-line transfer, which neither side's code can shorten.") with { Topic = Topics.ManagedCoreToCore });
        }
        long[] present = new CpuRelations(topology).Count(CpuSet.Of(cpus));
        foreach (CpuRelation relation in CpuRelationNames.All)
        {
            string statement = $"One-way latency between {s_relationText[relation]}.";
            PointResult[] ofRelation = [.. native.Where(p => p.Key(C2cKeys.Relation) == relation.Name())];
            if (ofRelation.Length == 0)
            {
                // A relation the CPUs do not form is no verdict, except the two a reader looks for
                // first: SMT siblings and other packages, whose absence says what the machine is.
                string? why = present[(int)relation] > 0 ? $"no pair of {s_relationText[relation]} was measured: raise --max-pairs"
                    : relation == CpuRelation.SmtSibling ? (topology.ThreadsPerCore > 1 ? "no two of the CPUs are SMT siblings" : "no SMT: one thread per core")
                    : relation == CpuRelation.OtherPackage ? (topology.Packages > 1 ? "the CPUs are all in one package" : "one package (socket)")
                    : null;
                if (why is not null)
                {
                    verdicts.Add(new Verdict(statement, "-", VerdictOutcome.NotMeasurable, why));
                }
                continue;
            }
            double[] medians = [.. ofRelation.Select(p => p.Stats.Median).Order()];
            double median = MedianInterval.Median(medians);
            verdicts.Add(new Verdict(
                statement,
                string.Create(CultureInfo.InvariantCulture, $"{median:0.#} ns median over {medians.Length} pair(s) (native; {medians[0]:0.#} to {medians[^1]:0.#})"),
                VerdictOutcome.Info,
                "Peers report about 8 ns between SMT siblings, 44 to 51 ns within a Xeon socket and 108 to 136 ns across sockets.") { Source = ClaimSources.CoreToCoreLatency });
        }
        return verdicts;
    }

    // Per round: the median over the measured pairs of managed over native latency.
    private static readonly Claim s_managedAsFastAsNative = new(
        Topics.ManagedCoreToCore,
        DecisionRule.Within("managed/native one-way latency per round, median over the pairs", 1.0, 0.10),
        points =>
        {
            PointResult[] managed = [.. points.Where(p => p.Key(C2cKeys.Impl) == Managed)];
            PointResult[] native = [.. points.Where(p => p.Key(C2cKeys.Impl) == Native)];
            // By pair in a dictionary: a full matrix of 128 CPUs has 8128 of each, and a search per point would be quadratic.
            Dictionary<string, PointResult> nativeByPair = native.ToDictionary(n => n.Key(C2cKeys.Pair));
            PointResult[] both = [.. managed.Where(m => nativeByPair.ContainsKey(m.Key(C2cKeys.Pair))).SelectMany(m => new[] { m, nativeByPair[m.Key(C2cKeys.Pair)] })];
            return both.Length == 0 ? null : RoundFigures.PerRound(both, round => MedianOfPairRatios(round));
        });

    // The round's samples come as managed, native, managed, native...: one ratio per pair, then their median.
    private static double MedianOfPairRatios(IReadOnlyList<SampleRecord> round)
        => MedianInterval.Median([.. Enumerable.Range(0, round.Count / 2).Select(i => round[(2 * i) + 1].Value == 0 ? double.NaN : round[2 * i].Value / round[(2 * i) + 1].Value).Where(double.IsFinite)]);
}
