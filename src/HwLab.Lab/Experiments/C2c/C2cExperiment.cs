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
/// core-to-core-latency tool reports it. Managed and native loops side by side, as a matrix.
/// </summary>
public sealed partial class C2cExperiment : Experiment<C2cSettings>
{
    public const string Managed = "managed";
    public const string Native = "native";

    private static IReadOnlyList<string> Implementations { get; } = [Managed, Native];

    public override string Name => "c2c";

    public override string Title => "Core-to-core latency";

    public override string Description
        => "For each pair of CPUs, a compare-and-swap ping-pong on one cache line: one-way latency (half the round trip), managed and native, as a matrix; pairs are sampled on large machines.";

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
        C2cSettings.MaxPairsRange.Ensure(settings.MaxPairs, "--max-pairs");

        long cpus = settings.Cpus.Distinct().Count();
        long pairs = Math.Min(cpus * (cpus - 1) / 2, settings.MaxPairs);
        long variants = RunBudget.Product(pairs, Implementations.Count);
        const string lower = "--samples, --round-trips, --max-pairs or --cpus";
        RunBudget.EnsureDuration(
            RunBudget.Product(variants, RunBudget.RunsPerPoint(settings.Samples), settings.RoundTrips, RunBudget.RoundTripFloorNanoseconds),
            Name,
            $"{pairs} pairs, {Implementations.Count} implementations, {RunBudget.RunsPerPoint(settings.Samples)} runs of {settings.RoundTrips} round trips, at no less than {RunBudget.RoundTripFloorNanoseconds} ns each",
            lower);
        RunBudget.EnsureWorkerSamples(
            RunBudget.Product(variants, settings.Samples, 2), Name, $"{pairs} pairs, {Implementations.Count} implementations, {settings.Samples} samples, 2 workers", lower);
        RunBudget.EnsureMemory(
            RunBudget.Product(variants, Environment.SystemPageSize), Name, $"a page for each of {variants} ping-pong lines", "--max-pairs or --cpus");
    }

    protected override C2cSettings WithOptions(C2cSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => C2cOptions.Apply(defaults, given);

    protected override IReadOnlyDictionary<string, string> Describe(C2cSettings settings) => new Dictionary<string, string>
    {
        ["cpus"] = SettingsText.Cpus(settings.Cpus),
        ["roundTrips"] = settings.RoundTrips.ToString(CultureInfo.InvariantCulture),
        ["maxPairs"] = settings.MaxPairs.ToString(CultureInfo.InvariantCulture),
        ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
        ["samples"] = settings.Samples.ToString(CultureInfo.InvariantCulture),
    };

    protected override Measurement Measure(C2cSettings settings, ExperimentContext context)
    {
        IReadOnlyList<CpuPair> all = PairSelection.AllPairs(context.Topology, settings.Cpus);
        IReadOnlyList<CpuPair> pairs = PairSelection.Choose(all, settings.MaxPairs, settings.Seed);
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
                            [C2cKeys.Relation] = pair.Relation,
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
            if (pairs.Count < all.Count)
            {
                notes.Add($"Sampled {pairs.Count} of {all.Count} pairs (one of each relation first, then a random sample with seed {settings.Seed}); raise --max-pairs to measure more.");
            }
            if (context.Topology.Hypervisor.Present)
            {
                notes.Add("In a virtual machine a vCPU pair's latency is that of whichever host cores run them at the moment.");
            }
            return new Measurement(points, Verdicts(points, context.Topology), notes) { Sampling = sampled.Summary };
        }
        finally
        {
            workloads.ForEach(w => w.Dispose());
        }
    }

    private static List<Verdict> Verdicts(IReadOnlyList<PointResult> points, CpuTopology topology)
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
        foreach (string relation in new[] { CpuPair.SmtSiblings, CpuPair.SamePackage, CpuPair.CrossPackage })
        {
            PointResult[] ofRelation = [.. native.Where(p => p.Key(C2cKeys.Relation) == relation)];
            if (ofRelation.Length == 0)
            {
                string why = relation switch
                {
                    CpuPair.SmtSiblings => topology.ThreadsPerCore > 1 ? "no SMT sibling pair was measured" : "no SMT: one thread per core",
                    CpuPair.CrossPackage => topology.Packages > 1 ? "no cross-package pair was measured" : "one package (socket)",
                    _ => "no pair of cores in one package was measured",
                };
                verdicts.Add(new Verdict($"One-way latency between {RelationText(relation)}.", "-", VerdictOutcome.NotMeasurable, why));
                continue;
            }
            double[] medians = [.. ofRelation.Select(p => p.Stats.Median).Order()];
            double median = MedianInterval.Median(medians);
            verdicts.Add(new Verdict(
                $"One-way latency between {RelationText(relation)}.",
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
            PointResult[] both = [.. managed.SelectMany(m => native.Where(n => n.Key(C2cKeys.Pair) == m.Key(C2cKeys.Pair)).Select(n => (m, n))).SelectMany(x => new[] { x.m, x.n })];
            return both.Length == 0 ? null : RoundFigures.PerRound(both, round => MedianOfPairRatios(round));
        });

    // The round's samples come as managed, native, managed, native...: one ratio per pair, then their median.
    private static double MedianOfPairRatios(IReadOnlyList<SampleRecord> round)
        => MedianInterval.Median([.. Enumerable.Range(0, round.Count / 2).Select(i => round[(2 * i) + 1].Value == 0 ? double.NaN : round[2 * i].Value / round[(2 * i) + 1].Value).Where(double.IsFinite)]);

    private static string RelationText(string relation) => relation switch
    {
        CpuPair.SmtSiblings => "SMT siblings of one core",
        CpuPair.CrossPackage => "cores of different packages",
        _ => "cores of one package",
    };
}
