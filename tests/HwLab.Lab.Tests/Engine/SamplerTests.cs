using HwLab.Lab.Engine;
using HwLab.Lab.Results;
using HwLab.Native.Threading;

namespace HwLab.Lab.Tests.Engine;

public sealed class SamplerTests
{
    [Fact]
    public void Variants_are_sampled_interleaved_round_by_round()
    {
        var order = new List<string>();
        Variant Make(string name) => new(
            new Dictionary<string, string> { ["v"] = name }, "ops", "ns", [ThreadPinning.AllowedCpus[0]], new RecordingWorkload(name, order), RunLimit.ForOperations(100), run => run.Workers[0].NanosecondsPerOperation);

        IReadOnlyList<PointResult> points = Sampler.Run([Make("A"), Make("B")], new SamplingPlan(5, MinWarmup: 1, MaxWarmup: 1), CancellationToken.None);

        // Warm-up once each, then A B A B ...
        Assert.Equal(["A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B"], order);
        Assert.Equal(2, points.Count);
        Assert.All(points, p => Assert.Equal(5, p.Samples.Count));
        Assert.Equal([0, 1, 2, 3, 4], points[0].Samples.Select(s => s.Index));
        Assert.Equal("v=A", points[0].Id);
    }

    [Fact]
    public void Fewer_than_five_samples_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Run([], new SamplingPlan(4), CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_run_returns_what_was_measured()
    {
        var order = new List<string>();
        using var cancellation = new CancellationTokenSource();
        var workload = new RecordingWorkload("A", order, afterRuns: 4, cancellation);
        var variant = new Variant(new Dictionary<string, string> { ["v"] = "A" }, "ops", "ns", [ThreadPinning.AllowedCpus[0]], workload, RunLimit.ForOperations(100), run => 1);

        SamplingInterruptedException stopped = Assert.Throws<SamplingInterruptedException>(
            () => Sampler.Run([variant], new SamplingPlan(5, MinWarmup: 1, MaxWarmup: 1), cancellation.Token));
        PointResult point = Assert.Single(stopped.Points);
        Assert.Equal(3, point.Samples.Count); // 1 warm-up + 3 samples ran before the cancellation was seen
    }

    [Fact]
    public void A_sample_with_a_forced_collection_carries_the_flag_into_the_results()
    {
        var variant = new Variant(
            new Dictionary<string, string> { ["v"] = "gc" }, "ops", "ns", [ThreadPinning.AllowedCpus[0]],
            new CountingWorkload(1) { CollectGarbage = true }, RunLimit.ForOperations(10), run => 1);
        PointResult point = Assert.Single(Sampler.Run([variant], new SamplingPlan(5, MinWarmup: 1, MaxWarmup: 1), CancellationToken.None));
        Assert.All(point.Samples, s => Assert.Contains("GarbageCollected", s.Flags));
        Assert.Equal(0, point.Stats.Clean);
        Assert.Equal(Statistics.AllBasis, point.Stats.Basis);
    }

    private sealed class RecordingWorkload(string name, List<string> order, int afterRuns = int.MaxValue, CancellationTokenSource? cancel = null) : IWorkload
    {
        private int _runs;

        public int Workers => 1;

        public void BeginRun()
        {
            order.Add(name);
            if (++_runs == afterRuns)
            {
                cancel?.Cancel();
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
