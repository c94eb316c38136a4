using System.Diagnostics;
using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using HwLab.Lab.Results;
using HwLab.Native.Threading;

namespace HwLab.Lab.Tests.Engine;

/// <summary>
/// Sampling past the minimum, on a deterministic fake workload: each run's figure comes from a
/// script, not a clock, so when sampling stops depends only on the rule under test.
/// </summary>
public sealed class AdaptiveSamplingTests
{
    private static readonly DecisionRule s_rule = DecisionRule.Above("a over b per round", 1.10);

    // Two variants whose figures per run are scripted: a over b is exactly `ratio` in every round.
    private static Variant[] Pair(Func<int, double> ratio, TimeSpan runTime = default)
    {
        int runsOfA = 0;
        int cpu = ThreadPinning.AllowedCpus[0];
        return
        [
            new Variant(new Dictionary<string, string> { ["v"] = "a" }, "m", "ns", [cpu], new SleepingWorkload(runTime), RunLimit.ForOperations(1), _ => ratio(runsOfA++)),
            new Variant(new Dictionary<string, string> { ["v"] = "b" }, "m", "ns", [cpu], new SleepingWorkload(runTime), RunLimit.ForOperations(1), _ => 1.0),
        ];
    }

    // Every round counts, flagged or not: the script, not the machine, decides here (a loaded test
    // host flags samples, and RoundFigures would leave those rounds out).
    private static IReadOnlyList<Decision> Decide(IReadOnlyList<PointResult> points)
        => [Decider.Decide(s_rule, Rounds(points[0], points[1]))];

    private static RoundValue[] Rounds(PointResult a, PointResult b)
        => [.. a.Samples.Zip(b.Samples, (x, y) => new RoundValue(x.Index, x.Value / y.Value, null))];

    private static SamplingPlan Plan(TimeSpan budget) => new(Decider.MinimumRounds, MinWarmup: 1, MaxWarmup: 1) { Budget = budget };

    [Fact]
    public void A_claim_decided_at_the_minimum_takes_no_more_rounds()
    {
        SamplingOutcome outcome = Sampler.Run(Pair(_ => 1.5), Plan(TimeSpan.FromMinutes(1)), Decide, CancellationToken.None);

        Assert.Equal(new SamplingSummary(6, 6, SamplingSummary.Decided, 60, 0), outcome.Summary! with { ExtraSeconds = 0 });
        Assert.All(outcome.Points, p => Assert.Equal(6, p.Samples.Count));
    }

    [Fact]
    public void Sampling_stops_early_once_the_claim_is_decided()
    {
        // Warm-up takes run 0; one round of the first six falls below the threshold, which the interval of
        // six rounds (min to max) cannot leave out, but that of nine (2nd smallest to 2nd largest) can.
        static double Script(int run) => run == 3 ? 1.0 : 1.6;

        SamplingOutcome outcome = Sampler.Run(Pair(Script), Plan(TimeSpan.FromMinutes(1)), Decide, CancellationToken.None);

        Assert.Equal(SamplingSummary.Decided, outcome.Summary!.StopReason);
        Assert.Equal(9, outcome.Summary.Rounds);
        Assert.Equal(VerdictOutcome.Confirmed, Decide(outcome.Points)[0].Outcome);
        Assert.Equal(VerdictOutcome.Inconclusive, Decider.Decide(s_rule, Rounds(Trim(outcome.Points[0], outcome.Summary.Rounds - 1), Trim(outcome.Points[1], outcome.Summary.Rounds - 1))).Outcome);
    }

    [Fact]
    public void Sampling_stops_at_the_budget_while_the_claim_stays_undecided()
    {
        // Straddling the threshold for good, with the interval kept narrowing by a spread that shrinks.
        static double Script(int run) => 1.10 + ((run % 2 == 0 ? 1 : -1) * 0.5 / Math.Sqrt(run + 1));
        var budget = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        SamplingOutcome outcome = Sampler.Run(Pair(Script, TimeSpan.FromMilliseconds(20)), Plan(budget), Decide, CancellationToken.None);

        Assert.Equal(SamplingSummary.Budget, outcome.Summary!.StopReason);
        Assert.True(outcome.Summary.Rounds > Decider.MinimumRounds);
        Assert.True(outcome.Summary.ExtraSeconds <= budget.TotalSeconds, $"{outcome.Summary.ExtraSeconds} s past the minimum");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Sampling_stops_when_the_interval_no_longer_narrows()
    {
        // Two values either side of the threshold, forever: more rounds never narrow the interval of the median.
        static double Script(int run) => run % 2 == 0 ? 0.6 : 1.6;

        SamplingOutcome outcome = Sampler.Run(Pair(Script), Plan(TimeSpan.FromMinutes(5)), Decide, CancellationToken.None);

        Assert.Equal(SamplingSummary.NotNarrowing, outcome.Summary!.StopReason);
        Assert.InRange(outcome.Summary.Rounds, 8, 200);
    }

    [Fact]
    public void Without_a_budget_the_minimum_is_all()
    {
        SamplingOutcome outcome = Sampler.Run(Pair(run => run % 2 == 0 ? 0.6 : 1.6), Plan(TimeSpan.Zero), Decide, CancellationToken.None);

        Assert.Equal((Decider.MinimumRounds, SamplingSummary.Budget), (outcome.Summary!.Rounds, outcome.Summary.StopReason));
    }

    [Fact]
    public void Every_sample_of_a_two_cpu_variant_carries_the_rounds_placement_and_memory_probes()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        var variant = new Variant(new Dictionary<string, string> { ["v"] = "two" }, "m", "ns", cpus, new CountingWorkload(2), RunLimit.ForOperations(100), run => run.Workers[0].NanosecondsPerOperation);

        PointResult point = Assert.Single(Sampler.Run([variant], new SamplingPlan(5, MinWarmup: 1, MaxWarmup: 1), CancellationToken.None));

        Assert.All(point.Samples, s =>
        {
            double probe = s.Extras[RoundFigures.PlacementExtra];
            Assert.True(double.IsFinite(probe) && probe > 0, $"probe {probe}");
            double memory = s.Extras[RoundFigures.MemoryExtra];
            Assert.True(double.IsFinite(memory) && memory > 0, $"memory probe {memory}");
        });
    }

    private static PointResult Trim(PointResult point, int rounds)
    {
        SampleRecord[] kept = [.. point.Samples.Take(rounds)];
        return point with { Samples = kept, Stats = Statistics.From(kept) };
    }

    private sealed class SleepingWorkload(TimeSpan runTime) : IWorkload
    {
        public int Workers => 1;

        public void BeginRun()
        {
            if (runTime > TimeSpan.Zero)
            {
                Thread.Sleep(runTime);
            }
        }

        public void Prepare(int worker)
        {
        }

        public void RunBatch(int worker, long operations)
        {
        }

        public void Verify(TeamRun run)
        {
        }
    }
}
