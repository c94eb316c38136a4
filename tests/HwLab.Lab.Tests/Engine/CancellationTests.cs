using HwLab.Lab.Engine;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Native.Threading;

namespace HwLab.Lab.Tests.Engine;

/// <summary>A cancelled run stops inside its sample, between batches, and every worker stops at the same one.</summary>
public sealed class CancellationTests
{
    // Far more than any run finishes in a test: a run that returns on its own fails the test.
    private const long Endless = 1L << 50;

    [Fact]
    public void A_counted_run_stops_within_a_second_of_the_cancel()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        var workload = new CountingWorkload(2);
        (OperationCanceledException _, TimeSpan afterCancel) = Interrupt.Measure(token =>
            Assert.Throws<OperationCanceledException>(() => WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(Endless), token)));
        Interrupt.AssertPrompt(afterCancel);
        Assert.Equal(1, workload.Verifies);
        Assert.True(workload.Counted(0) > 0 && workload.Counted(0) < Endless);
    }

    [Fact]
    public void A_timed_run_stops_within_a_second_of_the_cancel()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        (OperationCanceledException _, TimeSpan afterCancel) = Interrupt.Measure(token =>
            Assert.Throws<OperationCanceledException>(() => WorkerTeam.Run(cpus, new CountingWorkload(2), RunLimit.ForDuration(TimeSpan.FromHours(1)), token)));
        Interrupt.AssertPrompt(afterCancel);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ping_pong_partners_stop_at_the_same_round_so_neither_waits_forever(bool native)
    {
        // Each round needs the other side's previous one: a worker that stopped a batch early would
        // leave its partner spinning for good, and the run would never return.
        IReadOnlyList<int> cpus = TestCpus.Two();
        using var workload = new PingPongWorkload(native);
        (OperationCanceledException _, TimeSpan afterCancel) = Interrupt.Measure(token =>
            Assert.Throws<OperationCanceledException>(() => WithWatchdog(() => WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(Endless, batch: 1_000), token))));
        Interrupt.AssertPrompt(afterCancel);
    }

    [Fact]
    public void Ping_pong_with_one_round_a_batch_stops_at_the_same_round_every_time()
    {
        // The tightest case: with one round a batch either side may be the one to see the cancel,
        // a batch ahead of or behind its partner. Stopping where the first one looked hangs about
        // every other time, so many cancels make a broken agreement all but certain to show.
        IReadOnlyList<int> cpus = TestCpus.Two();
        using var workload = new PingPongWorkload(native: false);
        for (int attempt = 0; attempt < 40; attempt++)
        {
            (OperationCanceledException _, TimeSpan afterCancel) = Interrupt.Measure(
                token => Assert.Throws<OperationCanceledException>(() => WithWatchdog(() => WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(Endless, batch: 1), token))),
                TimeSpan.FromMilliseconds(10));
            Interrupt.AssertPrompt(afterCancel);
        }
    }

    // A run that hangs fails the test instead of hanging it; its spinning threads are background threads.
    private static TeamRun WithWatchdog(Func<TeamRun> run)
    {
        Task<TeamRun> task = Task.Factory.StartNew(run, TaskCreationOptions.LongRunning);
        bool returned = Task.WaitAny(new Task[] { task }, 10_000, TestContext.Current.CancellationToken) == 0;
        Assert.True(returned, "the run never returned: a worker waits on a partner that stopped");
        return task.GetAwaiter().GetResult();
    }

    [Fact]
    public void A_run_that_reaches_its_limit_within_the_agreed_batches_is_a_whole_sample()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        // The workers agree to stop two batches on; a run of one batch ends first, whole.
        TeamRun run = WorkerTeam.Run([ThreadPinning.AllowedCpus[0]], new CountingWorkload(1), RunLimit.ForOperations(1_000, batch: 1_000), cancellation.Token);
        Assert.Equal(1_000, run.TotalOperations);
        // Three batches are one more than the agreement allows: cut, so not a sample.
        Assert.Throws<OperationCanceledException>(
            () => WorkerTeam.Run([ThreadPinning.AllowedCpus[0]], new CountingWorkload(1), RunLimit.ForOperations(3_000, batch: 1_000), cancellation.Token));
    }

    [Fact]
    public void A_batch_too_long_to_stop_promptly_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunLimit.ForOperations(Endless, batch: RunLimit.MaxBatch + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunLimit.ForDuration(TimeSpan.FromSeconds(1), batch: RunLimit.MaxBatch + 1));
        Assert.Equal(RunLimit.MaxBatch, RunLimit.ForOperations(Endless, batch: RunLimit.MaxBatch).Batch);
    }

    [Fact]
    public void A_sample_cut_short_is_dropped_and_the_samples_before_it_are_kept()
    {
        int cpu = ThreadPinning.AllowedCpus[0];
        using var cancellation = new CancellationTokenSource();
        // Runs: warm-up A, warm-up B, round 0 A B, round 1 A B, ... B's third run (round 1)
        // cancels from inside its first batch, a thousand batches before its end.
        var quick = new Variant(Keys("A"), "ops", "ns", [cpu], new CountingWorkload(1), RunLimit.ForOperations(10_000), run => 1);
        var cutting = new Variant(Keys("B"), "ops", "ns", [cpu], new CancellingWorkload(cancelOnRun: 3, cancellation), RunLimit.ForOperations(1_000_000, batch: 1_000), run => 1);

        SamplingInterruptedException stopped = Assert.Throws<SamplingInterruptedException>(
            () => Sampler.Run([quick, cutting], new SamplingPlan(5, MinWarmup: 1, MaxWarmup: 1), cancellation.Token));

        Assert.Equal(2, stopped.Points.Single(p => p.Key("v") == "A").Samples.Count);
        SampleRecord kept = Assert.Single(stopped.Points.Single(p => p.Key("v") == "B").Samples);
        Assert.Equal(1_000_000, kept.Operations);
    }

    private static Dictionary<string, string> Keys(string name) => new() { ["v"] = name };

    // Does nothing per operation; on run number cancelOnRun it cancels from inside its batches.
    private sealed class CancellingWorkload(int cancelOnRun, CancellationTokenSource cancellation) : IWorkload
    {
        private int _runs;

        public int Workers => 1;

        public void BeginRun() => _runs++;

        public void Prepare(int worker)
        {
        }

        public void RunBatch(int worker, long operations)
        {
            if (_runs == cancelOnRun)
            {
                cancellation.Cancel();
            }
        }

        public void Verify(TeamRun run)
        {
        }
    }
}
