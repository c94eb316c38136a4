using HwLab.Lab.Engine;
using HwLab.Native.Threading;

namespace HwLab.Lab.Tests.Engine;

public sealed class WorkerTeamTests
{
    [Fact]
    public void A_counted_run_does_exactly_the_operations_asked_on_every_worker()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        var workload = new CountingWorkload(2);
        TeamRun run = WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(123_457, batch: 1_000), TestContext.Current.CancellationToken);

        Assert.Equal(1, workload.BeginRuns);
        Assert.Equal(1, workload.Verifies);
        Assert.All(run.Workers, w => Assert.Equal(123_457, w.Operations));
        Assert.Equal(123_457, workload.Counted(0));
        Assert.Equal(123_457, workload.Counted(1));
        Assert.Equal(2 * 123_457, run.TotalOperations);
    }

    [Fact]
    public void Every_worker_is_pinned_where_it_was_told_and_stays()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        TeamRun run = WorkerTeam.Run(cpus, new CountingWorkload(2), RunLimit.ForOperations(2_000_000), TestContext.Current.CancellationToken);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(cpus[i], run.Workers[i].Cpu);
            Assert.Equal(cpus[i], run.Workers[i].CpuAtEnd);
            Assert.True(run.Workers[i].Migrations is null or 0, $"worker {i} migrated {run.Workers[i].Migrations} times");
        }
        Assert.False(run.Flags.HasFlag(SampleFlags.Migrated));
    }

    [Fact]
    public void No_worker_starts_before_every_worker_has_arrived()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        var workload = new CountingWorkload(2);
        WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(10_000), TestContext.Current.CancellationToken);
        long lastArrival = workload.PreparedAt.Max();
        Assert.All(workload.FirstBatchAt, started => Assert.True(started >= lastArrival, "a worker ran before its teammate reached the start gate"));
    }

    [Fact]
    public void A_timed_run_lasts_its_duration_within_a_tolerance()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        TeamRun run = WorkerTeam.Run(cpus, new CountingWorkload(2), RunLimit.ForDuration(TimeSpan.FromMilliseconds(100), batch: 1_000), TestContext.Current.CancellationToken);
        // At least the duration; over it by at most one batch plus scheduling slack.
        Assert.All(run.Workers, w => Assert.InRange(w.ElapsedNanoseconds, 100e6, 100e6 + 50e6));
        Assert.All(run.Workers, w => Assert.True(w.Operations > 0 && w.Operations % 1_000 == 0));
    }

    [Fact]
    public void A_garbage_collection_inside_the_run_is_flagged()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        TeamRun run = WorkerTeam.Run(cpus, new CountingWorkload(2) { CollectGarbage = true }, RunLimit.ForOperations(1_000), TestContext.Current.CancellationToken);
        Assert.True(run.GarbageCollections > 0);
        Assert.True(run.Flags.HasFlag(SampleFlags.GarbageCollected));
    }

    [Fact]
    public void A_worker_that_fails_to_start_fails_the_run_without_hanging_its_teammates()
    {
        IReadOnlyList<int> cpus = TestCpus.Two();
        var workload = new CountingWorkload(2) { FailPrepare = w => w == 1 ? new InvalidOperationException("worker 1 broke") : null };
        AggregateException failure = Assert.Throws<AggregateException>(() => WorkerTeam.Run(cpus, workload, RunLimit.ForOperations(1_000), TestContext.Current.CancellationToken));
        Assert.Contains(failure.InnerExceptions, e => e.Message == "worker 1 broke");
    }

    [Fact]
    public void A_cpu_the_process_may_not_use_fails_the_run()
    {
        int outside = ThreadPinning.AllowedCpus.Max + 1;
        AggregateException failure = Assert.Throws<AggregateException>(() => WorkerTeam.Run([outside], new CountingWorkload(1), RunLimit.ForOperations(1_000), TestContext.Current.CancellationToken));
        Assert.IsType<CpuNotAvailableException>(Assert.Single(failure.InnerExceptions));
    }

    [Fact]
    public void The_cpu_count_must_match_the_workers()
    {
        Assert.Throws<ArgumentException>(() => WorkerTeam.Run([0], new CountingWorkload(2), RunLimit.ForOperations(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_clock_cost_is_measured_and_plausible()
    {
        Assert.InRange(ClockOverhead.NanosecondsPerRead, 0.1, 10_000);
    }
}
