using System.Collections.Concurrent;
using System.Diagnostics;
using HwLab.Native.Counters;
using HwLab.Native.Threading;

namespace HwLab.Lab.Engine;

/// <summary>
/// Runs a workload on a team of threads, one per CPU given: each pins itself before it does
/// anything else and is checked (sched_getcpu before and after, its own cpu-migrations and
/// context-switch counters); all are released together by a spinning start gate; each counts into
/// its own result. Threads live for one run and end with it, so no pin outlives a measurement.
/// </summary>
public static class WorkerTeam
{
    private static readonly CounterKind[] s_workerCounters = [CounterKind.TaskClock, CounterKind.CpuMigrations, CounterKind.ContextSwitches];

    /// <summary>Runs <paramref name="workload"/> once, worker i pinned to <paramref name="cpus"/>[i].</summary>
    /// <param name="cancellation">Seen by every worker between batches: a cancelled run ends within a batch or two.</param>
    /// <exception cref="ArgumentException">The CPU count does not match the workload's workers.</exception>
    /// <exception cref="AggregateException">A worker failed (could not pin, or the workload threw).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled before every worker reached its limit: it is not a sample.</exception>
    public static TeamRun Run(IReadOnlyList<int> cpus, IWorkload workload, RunLimit limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(limit);
        int workers = workload.Workers;
        if (cpus.Count != workers)
        {
            throw new ArgumentException($"The workload runs {workers} workers but {cpus.Count} CPUs were given.", nameof(cpus));
        }

        workload.BeginRun();
        var stop = new RunStop();
        // The workers read the padded stop line, not the token: the token's source is an object
        // whose neighbours nobody chose.
        using CancellationTokenRegistration registration = cancellation.UnsafeRegister(static s => ((RunStop)s!).Request(), stop);
        var gate = new StartGate(workers);
        var results = new WorkerResult?[workers];
        var failures = new ConcurrentQueue<Exception>();
        var threads = new Thread[workers];
        int collectionsBefore = TotalCollections();
        long jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);

        for (int i = 0; i < workers; i++)
        {
            int worker = i;
            threads[i] = new Thread(() => WorkerMain(worker, cpus[worker], workload, limit, stop, gate, results, failures))
            {
                IsBackground = true,
                Name = $"hwlab worker {worker} (CPU {cpus[worker]})",
            };
            threads[i].Start();
        }
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        long jitCompilations = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - jitBefore;
        int collections = TotalCollections() - collectionsBefore;
        if (!failures.IsEmpty)
        {
            throw new AggregateException("A worker failed.", failures);
        }
        var run = new TeamRun([.. results.Select(r => r!)], collections, jitCompilations);
        // Every worker stopped at a batch boundary, so the invariants hold for a cut run too.
        workload.Verify(run);
        if (stop.CutShort)
        {
            throw new OperationCanceledException("The run was cancelled before every worker reached its limit.", cancellation);
        }
        return run;
    }

    private static void WorkerMain(int worker, int cpu, IWorkload workload, RunLimit limit, RunStop stop, StartGate gate, WorkerResult?[] results, ConcurrentQueue<Exception> failures)
    {
        PinnedThreadScope pin;
        ThreadCounters counters;
        try
        {
            // Pin first: everything after this, the workload's setup included, runs where it will be measured.
            pin = ThreadPinning.Pin(cpu);
            counters = new ThreadCounters(s_workerCounters);
            workload.Prepare(worker);
        }
        catch (Exception e)
        {
            failures.Enqueue(e);
            gate.Leave();
            return;
        }

        using (pin)
        using (counters)
        {
            try
            {
                gate.ArriveAndWait();
                // Counted from here: the gate's own spinning (and the yields it makes while a
                // teammate is still starting) is not part of the measurement.
                CounterSnapshot before = counters.Read();
                long start = Stopwatch.GetTimestamp();
                long operations = RunUntilLimit(worker, workload, limit, stop, start);
                long end = Stopwatch.GetTimestamp();
                CounterSnapshot delta = counters.Read() - before;
                results[worker] = new WorkerResult(
                    worker,
                    cpu,
                    ThreadPinning.CurrentCpu,
                    operations,
                    Timestamps.ToNanoseconds(start, end),
                    delta[CounterKind.TaskClock].Value,
                    delta[CounterKind.CpuMigrations].Value,
                    delta[CounterKind.ContextSwitches].Value);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        }
    }

    // The clock and the stop line are read between batches only; a counted run reads the clock twice in all.
    private static long RunUntilLimit(int worker, IWorkload workload, RunLimit limit, RunStop stop, long start)
    {
        long done = 0;
        long batches = 0;
        if (limit.Operations is long operations)
        {
            while (done < operations && !stop.ShouldStop(batches))
            {
                long batch = Math.Min(limit.Batch, operations - done);
                workload.RunBatch(worker, batch);
                done += batch;
                batches++;
            }
            return done;
        }

        long deadline = start + (long)(limit.Duration!.Value.TotalSeconds * Stopwatch.Frequency);
        do
        {
            workload.RunBatch(worker, limit.Batch);
            done += limit.Batch;
            batches++;
        }
        while (Stopwatch.GetTimestamp() < deadline && !stop.ShouldStop(batches));
        return done;
    }

    private static int TotalCollections()
    {
        int total = 0;
        for (int generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            total += GC.CollectionCount(generation);
        }
        return total;
    }
}
