using System.Diagnostics;
using HwLab.Lab.Engine;

namespace HwLab.Lab.Tests.Engine;

/// <summary>A synthetic workload whose every effect is known: it counts operations per worker and records when each worker arrived and started.</summary>
internal sealed class CountingWorkload(int workers) : IWorkload
{
    private readonly long[] _counted = new long[workers * 16]; // 128 bytes apart

    public int Workers { get; } = workers;

    public long[] PreparedAt { get; } = new long[workers];

    public long[] FirstBatchAt { get; } = new long[workers];

    public int BeginRuns { get; private set; }

    public int Verifies { get; private set; }

    public bool CollectGarbage { get; init; }

    public Func<int, Exception?>? FailPrepare { get; init; }

    public long Counted(int worker) => Volatile.Read(ref _counted[worker * 16]);

    public void BeginRun()
    {
        BeginRuns++;
        Array.Clear(_counted);
        Array.Clear(FirstBatchAt);
    }

    public void Prepare(int worker)
    {
        if (FailPrepare?.Invoke(worker) is Exception failure)
        {
            throw failure;
        }
        PreparedAt[worker] = Stopwatch.GetTimestamp();
    }

    public void RunBatch(int worker, long operations)
    {
        if (FirstBatchAt[worker] == 0)
        {
            FirstBatchAt[worker] = Stopwatch.GetTimestamp();
        }
        if (CollectGarbage)
        {
            GC.Collect();
        }
        long sink = 0;
        for (long i = 0; i < operations; i++)
        {
            sink += i;
        }
        GC.KeepAlive(sink);
        _counted[worker * 16] += operations;
    }

    public void Verify(TeamRun run) => Verifies++;
}
