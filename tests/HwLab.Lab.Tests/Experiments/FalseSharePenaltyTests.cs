using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>
/// The penalty falseshare derives for each point, on points of known medians: the point's median
/// over the baseline's (a slower point has a penalty above 1), never the other way round.
/// </summary>
public sealed class FalseSharePenaltyTests
{
    private const int Baseline = 128;

    [Fact]
    public void A_sweep_points_penalty_is_its_median_over_the_same_locks_baseline_median()
    {
        PointResult[] measured =
        [
            Sweep(8, "managed", 38, 40, 42),
            Sweep(64, "managed", 11, 12, 13),
            Sweep(Baseline, "managed", 9, 10, 11),
            Sweep(8, "native", 28, 30, 32),
            Sweep(Baseline, "native", 5, 6, 7),
        ];

        List<PointResult> points = FalseShareExperiment.WithPenalties(measured, Baseline);

        // Medians 40, 12 and 10 managed, 30 and 6 native: 40/10, 12/10, 10/10, 30/6, 6/6.
        Assert.Equal([4.0, 1.2, 1.0, 5.0, 1.0], points.Select(p => p.Derived["penalty"]));
    }

    [Fact]
    public void A_grid_points_penalty_is_its_median_over_the_same_workers_baseline_in_the_same_lock()
    {
        // Two placements of k = 2 with baselines of their own, and the sweep beside them: each point
        // must be divided by its own group's baseline, not the sweep's nor the other placement's.
        PointResult[] measured =
        [
            Sweep(8, "managed", 19, 20, 21),
            Sweep(Baseline, "managed", 9, 10, 11),
            Grid(8, "managed", "same-l3", 44, 45, 46),
            Grid(Baseline, "managed", "same-l3", 14, 15, 16),
            Grid(8, "managed", "other-l3", 79, 80, 81),
            Grid(Baseline, "managed", "other-l3", 19, 20, 21),
        ];

        List<PointResult> points = FalseShareExperiment.WithPenalties(measured, Baseline);

        // 20/10 and 10/10 in the sweep; 45/15 and 15/15 in one L3; 80/20 and 20/20 over two.
        Assert.Equal([2.0, 1.0, 3.0, 1.0, 4.0, 1.0], points.Select(p => p.Derived["penalty"]));
    }

    private static PointResult Sweep(int distance, string impl, params double[] values)
        => Point(new Dictionary<string, string> { ["distance"] = $"{distance}", ["impl"] = impl }, values);

    private static PointResult Grid(int distance, string impl, string placement, params double[] values)
        => Point(new Dictionary<string, string> { ["distance"] = $"{distance}", ["impl"] = impl, ["sharers"] = "2", ["placement"] = placement }, values);

    private static PointResult Point(Dictionary<string, string> keys, double[] values)
    {
        SampleRecord[] samples = [.. values.Select((v, i) => SampleDocuments.Sample(i, v))];
        return new PointResult(PointResult.IdOf(keys), keys, "ns per lock/unlock pair", "ns", Statistics.From(samples), samples, new Dictionary<string, double>());
    }
}
