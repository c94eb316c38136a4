using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Experiments.Swap;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>
/// The seed's "workers scale better than under the device lock", decided on the curves: per round, the
/// geometric mean over every worker count from 2 up of the bit lock's ops/s over the device lock's.
/// </summary>
public sealed class ClusterLockScalingTests
{
    private const int Rounds = 8;

    // A device's point at some workers: ops/s per round, spread ±1% the same way every run.
    private static PointResult Point(string mode, string order, string layout, int workers, double opsPerSecond)
    {
        SampleRecord[] samples = [.. Enumerable.Range(0, Rounds).Select(r => SampleDocuments.Sample(r, opsPerSecond * (1 + (0.01 * ((r % 3) - 1)))))];
        var keys = new Dictionary<string, string> { ["mode"] = mode, ["order"] = order, ["layout"] = layout, ["workers"] = workers.ToString(CultureInfo.InvariantCulture) };
        return new PointResult(PointResult.IdOf(keys), keys, "swap-out + free operations per second, all workers together", "ops/s", Statistics.From(samples), samples, new Dictionary<string, double>());
    }

    // The device lock at 4 bytes in cluster order and the bit lock at 8 in columns, bitlock over device at each count as given (1 worker: the same).
    private static List<PointResult> Curves(params (int Workers, double BitOverDevice)[] ratios)
    {
        var points = new List<PointResult> { Point("device", "sequential", "4", 1, 1e6), Point("bitlock", "columns", "8", 1, 1e6) };
        foreach ((int workers, double ratio) in ratios)
        {
            double device = 1e6 * Math.Sqrt(workers);
            points.Add(Point("device", "sequential", "4", workers, device));
            points.Add(Point("bitlock", "columns", "8", workers, device * ratio));
        }
        return points;
    }

    [Fact]
    public void The_figure_is_the_geometric_mean_of_the_ratios_at_every_count_from_2()
    {
        Decision decision = SwapExperiment.ClusterLockScaling.Decide(Curves((2, 1.2), (4, 1.5), (8, 2.0)))!;

        Assert.Equal(Math.Cbrt(1.2 * 1.5 * 2.0), decision.Figure, 6);
        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.Equal(Rounds, decision.SamplesUsed);
        Assert.Equal("geometric mean over the worker counts from 2 up of ops/s with the cluster bit lock over ops/s under the device lock, per round", decision.Rule.Figure);
    }

    [Fact]
    public void A_curve_that_only_wins_at_the_most_workers_is_refused()
    {
        // At 8 workers alone the bit lock is 1.3x ahead; over the curve it is behind: (0.7 x 0.8 x 1.3)^(1/3) = 0.90.
        Decision decision = SwapExperiment.ClusterLockScaling.Decide(Curves((2, 0.7), (4, 0.8), (8, 1.3)))!;

        Assert.Equal(Math.Cbrt(0.7 * 0.8 * 1.3), decision.Figure, 6);
        Assert.Equal(VerdictOutcome.Refuted, decision.Outcome);
    }

    [Fact]
    public void With_one_count_above_one_it_is_the_ratio_at_that_count_and_the_verdict_says_which()
    {
        List<PointResult> points = Curves((2, 1.1));

        Decision decision = SwapExperiment.ClusterLockScaling.Decide(points)!;
        Verdict verdict = SwapExperiment.SwapVerdicts(points, 2).Single(v => v.Topic == Topics.SeedClusterLockScaling);

        Assert.Equal(1.1, decision.Figure, 6);
        Assert.Equal(VerdictOutcome.Confirmed, verdict.Outcome);
        Assert.StartsWith("at 2 workers, the only count above 1: bitlock ", verdict.Measured, StringComparison.Ordinal);
        Assert.Contains(": 1.10x per round", verdict.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_several_counts_the_verdict_names_each_and_its_ratio()
    {
        Verdict verdict = SwapExperiment.SwapVerdicts(Curves((2, 1.2), (4, 1.5), (8, 2.0)), 8).Single(v => v.Topic == Topics.SeedClusterLockScaling);

        Assert.StartsWith("bitlock over device at 2, 4, 8 workers: 1.20x, 1.50x, 2.00x (medians); geometric mean over those counts 1.53x per round; at 8 workers bitlock ", verdict.Measured, StringComparison.Ordinal);
        Assert.Equal(1.0, verdict.Threshold);
    }

    [Fact]
    public void Without_the_device_lock_at_a_count_that_count_is_left_out_and_with_none_the_claim_cannot_be_decided()
    {
        List<PointResult> points = Curves((2, 1.2), (4, 1.5));
        points.RemoveAll(p => p.Key("mode") == "device" && p.Key("workers") == "4");

        Assert.Equal(1.2, SwapExperiment.ClusterLockScaling.Decide(points)!.Figure, 6);
        Assert.Null(SwapExperiment.ClusterLockScaling.Decide([.. points.Where(p => p.Key("mode") == "bitlock")]));
        Assert.Null(SwapExperiment.ClusterLockScaling.Decide(Curves()));
    }
}
