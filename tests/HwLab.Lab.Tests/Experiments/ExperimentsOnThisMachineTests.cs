using System.Globalization;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Lab.Experiments.Swap;
using HwLab.Lab.Results;
using HwLab.Native.Topology;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>
/// Each experiment, small, on this machine: well-formed results with every figure positive and
/// finite, and every claim that speaks for upstream naming its source.
/// </summary>
public sealed class ExperimentsOnThisMachineTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();

    private static ExperimentContext Context => new(s_topology, TestContext.Current.CancellationToken);

    [Fact]
    public void C2c_measures_every_pair_managed_and_native()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        C2cExperiment experiment = new C2cExperiment();
        C2cSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = [.. s_topology.Usable.Take(2)], RoundTrips = 2_000 };
        ExperimentResult result = experiment.Run(settings, Context);

        AssertWellFormed(result, expectedPoints: 2);
        Assert.Equal(["managed", "native"], result.Points.Select(p => p.Key("impl")).Order());
        Assert.Contains(result.Verdicts, v => v.Claim.StartsWith("Managed compare-and-swap", StringComparison.Ordinal));

        // The pair's relation is this machine's, and the plan was stated before measuring.
        var relations = new CpuRelations(s_topology);
        CpuRelation relation = relations.Of(settings.Cpus[0], settings.Cpus[1]);
        Assert.All(result.Points, p => Assert.Equal(relation.Name(), p.Key("relation")));
        Assert.All(result.Points, p => Assert.Matches(@"^\d+-\d+$", p.Key("l3")));
        Assert.Equal("1", result.Parameters["pairs"]);
        Assert.StartsWith("full matrix, 1 pair of 2 CPUs", result.Parameters["plan"], StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.StartsWith("Planned before measuring: full matrix", StringComparison.Ordinal));
    }

    [Fact]
    public void Falseshare_measures_every_distance_with_a_penalty_against_the_baseline()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        FalseShareExperiment experiment = new FalseShareExperiment();
        FalseShareSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { OperationsPerWorker = 20_000 };
        ExperimentResult result = experiment.Run(settings, Context);

        // The distance sweep, and k = 2 of the sharing grid (8 bytes and the baseline) wherever two cores can be placed.
        int grid = result.Points.Count(p => p.Keys.ContainsKey("sharers"));
        Assert.Equal(0, grid % 4);
        AssertWellFormed(result, expectedPoints: (settings.Distances.Count * 2) + grid);
        bool twoCores = s_topology.Usable.Select(c => s_topology.Cpus.First(l => l.Id == c).ThreadSiblings.First()).Distinct().Count() >= 2;
        Assert.True(grid > 0 || !twoCores, "two CPUs on two cores give k = 2 in at least one placement");
        Assert.All(result.Points.Where(p => p.Key("distance") == "128"), p => Assert.Equal(1.0, p.Derived["penalty"]));
        Assert.All(result.Points, p => Assert.True(p.Derived["penalty"] > 0 && double.IsFinite(p.Derived["penalty"])));
        Assert.Contains(result.Verdicts, v => v.Claim.StartsWith("The seed patch", StringComparison.Ordinal) && v.Outcome is VerdictOutcome.Confirmed or VerdictOutcome.Refuted or VerdictOutcome.Inconclusive);
    }

    [Fact]
    public void Locks_measures_each_kind_alone_and_contended_with_fairness()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        LocksExperiment experiment = new LocksExperiment();
        LocksSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { UncontendedOperations = 20_000, ContendedDuration = TimeSpan.FromMilliseconds(5) };
        ExperimentResult result = experiment.Run(settings, Context);

        // Alone, then 2, 4, ... workers up to every CPU the profile gives.
        AssertWellFormed(result, expectedPoints: settings.Kinds.Count * settings.WorkerCounts.Count);
        Assert.Equal(settings.WorkerCounts, [.. result.Points.Where(p => p.Key("kind") == "bitlock").Select(p => int.Parse(p.Key("workers"), CultureInfo.InvariantCulture))]);
        Assert.All(result.Points.Where(p => p.Key("contention") == LocksExperiment.Contended), p => Assert.InRange(p.Derived["fairnessMinOverMax"], 0, 1));
        AssertCurves(result, settings.Kinds.Count, settings.WorkerCounts);
    }

    // A curve per kind or device with a point per worker count; the fit exactly where 4 counts or more were measured, else why not.
    private static void AssertCurves(ExperimentResult result, int curves, IReadOnlyList<int> counts)
    {
        Assert.Equal(curves, result.Scaling.Count);
        foreach (ScalingCurve curve in result.Scaling)
        {
            Assert.Equal(counts, curve.Points.Select(p => p.Workers));
            Assert.All(curve.Points, p => Assert.True(p.Throughput > 0 && double.IsFinite(p.Throughput)));
            if (counts.Count >= 4)
            {
                Assert.True(curve.Fit is not null, curve.NoFitReason);
            }
            else
            {
                Assert.Null(curve.Fit);
                Assert.Contains("needs points at 4 or more worker counts", curve.NoFitReason, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Swap_measures_every_mode_and_order_alone_and_together_with_picks()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        SwapExperiment experiment = new SwapExperiment(churn: false);
        SwapSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = [.. s_topology.Usable.Take(2)], WorkerCounts = [1, 2], OperationsPerWorker = 2_048 };
        ExperimentResult result = experiment.Run(settings, Context);

        // device at 4 bytes runs sequential only, merged-4.11 columns only, bitlock and spinlock at 8 both: 6 devices, 2 worker counts.
        AssertWellFormed(result, expectedPoints: 6 * 2);
        AssertCurves(result, 6, [1, 2]);
        Assert.All(result.Points.Where(p => p.Key("workers") == "2"), p => Assert.True(p.Derived["scaling"] > 0));
        // First-round picks in column order rarely share a line (only when one worker stalls long enough for
        // the other to run a column ahead); in sequential order most do.
        foreach (string mode in new[] { "bitlock", "spinlock" })
        {
            PointResult columns = result.Points.Single(p => p.Key("workers") == "2" && p.Key("mode") == mode && p.Key("order") == "columns");
            PointResult sequential = result.Points.Single(p => p.Key("workers") == "2" && p.Key("mode") == mode && p.Key("order") == "sequential");
            Assert.True(sequential.Derived["sameLineShare"] > 0.25, $"{mode}: sequential {sequential.Derived["sameLineShare"]}");
            Assert.True(columns.Derived["sameLineShare"] < sequential.Derived["sameLineShare"] / 4, $"{mode}: columns {columns.Derived["sameLineShare"]}");
        }
        Assert.Contains(result.Verdicts, v => v.Claim.Contains("4k more memory", StringComparison.Ordinal) && v.Outcome == VerdictOutcome.Confirmed);
        // The slot cache takes si->lock once per batch; the seed's paths for every allocation and final free.
        double PerOperation(string mode) => result.Points.First(p => p.Key("workers") == "2" && p.Key("mode") == mode).Derived["swapInfoLocksPerOperation"];
        Assert.True(PerOperation("merged-4.11") < 0.1, $"merged-4.11: {PerOperation("merged-4.11")} si->lock per operation");
        Assert.True(PerOperation("bitlock") > 1.5, $"bitlock: {PerOperation("bitlock")} si->lock per operation");
        Assert.Contains(result.Verdicts, v => v.Topic == Topics.MergedSlotsCache && v.Source is not null);
    }

    [Fact]
    public void Churn_measures_churned_and_first_round_side_by_side()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        SwapExperiment experiment = new SwapExperiment(churn: true);
        SwapSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Cpus = [.. s_topology.Usable.Take(2)], WorkerCounts = [2], OperationsPerWorker = 2_048, Modes = ["bitlock"],
        };
        ExperimentResult result = experiment.Run(settings, Context);

        AssertWellFormed(result, expectedPoints: 2 * 2);
        Assert.Empty(result.Scaling);
        Assert.All(result.Points.Where(p => p.Key("phase") == SwapExperiment.Churned), p => Assert.Equal(0, p.Derived["firstRoundPicksPerSample"]));
        Assert.Equal(2, result.Verdicts.Count);
    }

    [Fact]
    public void Reserve_livelocks_under_2015_and_recovers_under_favor_and_reaper_in_both_modes()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        ReserveSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { ThreadedDuration = TimeSpan.FromMilliseconds(1_000) };
        ExperimentResult result = experiment.Run(settings, Context);

        Assert.Equal(ExperimentStatus.Completed, result.Status);
        // Three policies in two modes, and the reaper with mmap_sem held for writing in both.
        Assert.Equal(8, result.Points.Count);
        Assert.Equal(6, result.Timelines.Count);
        PointResult[] held = [.. result.Points.Where(p => p.Keys.GetValueOrDefault("lock") == "mmap-sem")];
        Assert.Equal(2, held.Length);
        Assert.All(held, p => Assert.Equal(1, p.Derived["livelockedShare"]));
        PointResult[] own = [.. result.Points.Except(held)];
        Assert.All(own.Where(p => p.Key("policy") == "2015"), p => Assert.Equal(1, p.Derived["livelockedShare"]));
        Assert.All(own.Where(p => p.Key("policy") != "2015"), p => Assert.Equal(1, p.Derived["recoveredShare"]));
        Assert.Equal([VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Info], result.Verdicts.Select(v => v.Outcome));
        Assert.Equal([Topics.Reserve2015, Topics.ReserveFavor, Topics.ReserveReaper, Topics.ReserveReaperMmapSem, Topics.ReserveSafetyRoom], result.Verdicts.Select(v => v.Topic));
        Timeline timeline = result.Timelines.Single(t => t.Id == "policy=2015 mode=deterministic");
        Assert.Equal(["high", "low", "min"], timeline.Levels.Keys.Order());
        Assert.Contains(timeline.Markers, m => m.Kind == "oom-kill");
        // Stock 4.2 never fails the holder's GFP_NOFS allocation: XFS has nothing to warn about.
        Assert.DoesNotContain(timeline.Markers, m => m.Kind == "warning");
        Assert.Contains(result.Timelines.Single(t => t.Id == "policy=reaper mode=deterministic").Markers, m => m.Kind == "reaped");
        Assert.True(timeline.Points.Count > 100);
        CitedClaims.AssertEachNamesItsSource(result);
    }

    [Fact]
    public void Reserve_runs_too_short_for_the_OOM_killer_decide_nothing()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        ReserveSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Modes = [ReserveOutcome.Deterministic], Scenario = new ReserveScenario { MaxTicks = ReserveSettings.MaxTicksRange.Min },
        };
        ExperimentResult result = experiment.Run(settings, Context);
        Assert.All(result.Verdicts.Where(v => v.Topic != Topics.ReserveSafetyRoom), v =>
        {
            Assert.Equal(VerdictOutcome.NotMeasurable, v.Outcome);
            Assert.Contains("ended before the OOM killer acted", v.Why, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Reserve_on_the_seeds_debug_kernel_warns_as_its_log_does()
    {
        ReserveExperiment experiment = new ReserveExperiment();
        ReserveSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with
        {
            Policies = ["2015"], Modes = [ReserveOutcome.Deterministic], Scenario = new ReserveScenario { NofsCanFail = true },
        };
        ExperimentResult result = experiment.Run(settings, Context);
        Assert.Equal(VerdictOutcome.Confirmed, result.Verdicts[0].Outcome);
        Timeline timeline = Assert.Single(result.Timelines);
        Assert.All(timeline.Markers.Where(m => m.Kind == "warning"), m => Assert.Contains("possible memory allocation deadlock in xfs_buf_allocate_memory (mode:0x250)", m.Label, StringComparison.Ordinal));
        Assert.Contains(timeline.Markers, m => m.Kind == "warning");
    }

    [Fact]
    public void With_one_worker_the_contention_claims_are_not_measurable()
    {
        SwapExperiment experiment = new SwapExperiment(churn: false);
        SwapSettings settings = experiment.DefaultSettings(SuiteProfile.Quick, s_topology) with { Cpus = [s_topology.Usable[0]], WorkerCounts = [1], OperationsPerWorker = 1_024 };
        ExperimentResult result = experiment.Run(settings, Context);
        Assert.Equal(ExperimentStatus.Completed, result.Status);
        Assert.Equal(3, result.Verdicts.Count(v => v.Outcome == VerdictOutcome.NotMeasurable));
        CitedClaims.AssertEachNamesItsSource(result);
    }

    [Fact]
    public void Settings_a_machine_cannot_run_are_refused_with_the_option_named()
    {
        FalseShareExperiment falseShare = new FalseShareExperiment();
        FalseShareSettings good = falseShare.DefaultSettings(SuiteProfile.Quick, s_topology);
        Assert.Contains("--distances", Assert.Throws<ExperimentSettingsException>(() => falseShare.Validate(good with { Distances = [12] }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("--samples", Assert.Throws<ExperimentSettingsException>(() => falseShare.Validate(good with { Samples = 2 }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("--cpus", Assert.Throws<ExperimentSettingsException>(() => falseShare.Validate(good with { Cpus = [s_topology.Usable.Max + 1, 0] }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("2 workers", Assert.Throws<ExperimentSettingsException>(() => falseShare.Validate(good with { Cpus = [s_topology.Usable[0]] }, s_topology)).Message, StringComparison.Ordinal);

        SwapExperiment swap = new SwapExperiment(churn: false);
        SwapSettings swapSettings = swap.DefaultSettings(SuiteProfile.Quick, s_topology);
        Assert.Contains("has no cluster lock", Assert.Throws<ExperimentSettingsException>(() => swap.Validate(swapSettings with { Modes = ["bitlock"], Layouts = [4] }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("power of two", Assert.Throws<ExperimentSettingsException>(() => swap.Validate(swapSettings with { ClusterPages = 100 }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("need one each", Assert.Throws<ExperimentSettingsException>(() => swap.Validate(swapSettings with { DeviceSlots = 256 }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("--workers", Assert.Throws<ExperimentSettingsException>(() => swap.Validate(swapSettings with { WorkerCounts = [swapSettings.Cpus.Count + 1] }, s_topology)).Message, StringComparison.Ordinal);

        ReserveExperiment reserve = new ReserveExperiment();
        ReserveSettings reserveSettings = reserve.DefaultSettings(SuiteProfile.Quick, s_topology);
        Assert.Contains("do not fit the zone", Assert.Throws<ExperimentSettingsException>(() => reserve.Validate(reserveSettings with { Scenario = reserveSettings.Scenario with { MinFreeKbytes = 16384 } }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("--lock mmap-sem needs --lock-holder thread", Assert.Throws<ExperimentSettingsException>(() => reserve.Validate(reserveSettings with { Scenario = reserveSettings.Scenario with { Lock = VictimLock.MmapSem } }, s_topology)).Message, StringComparison.Ordinal);
        Assert.Contains("--policies takes 2015, favor, reaper", Assert.Throws<ExperimentSettingsException>(() => reserve.Validate(reserveSettings with { Policies = ["lenient"] }, s_topology)).Message, StringComparison.Ordinal);
    }

    private static void AssertWellFormed(ExperimentResult result, int expectedPoints)
    {
        Assert.True(result.Status == ExperimentStatus.Completed, $"{result.Name}: {result.Status}: {result.Error}");
        Assert.Equal(expectedPoints, result.Points.Count);
        foreach (PointResult point in result.Points)
        {
            Assert.True(point.Samples.Count >= 5, $"{point.Id} has {point.Samples.Count} samples");
            Assert.All(point.Samples, s => Assert.True(s.Value > 0 && double.IsFinite(s.Value), $"{point.Id} sample {s.Index} = {s.Value}"));
            Statistics stats = point.Stats;
            Assert.True(stats.Min > 0 && stats.Min <= stats.Median && stats.Median <= stats.Max && double.IsFinite(stats.Max), $"{point.Id} statistics out of order");
            Assert.True(stats.CoefficientOfVariation >= 0 && double.IsFinite(stats.CoefficientOfVariation));
        }
        Assert.NotEmpty(result.Verdicts);
        CitedClaims.AssertEachNamesItsSource(result);
        Assert.Equal(result.Points.Count, result.Points.Select(p => p.Id).Distinct().Count());
    }
}
