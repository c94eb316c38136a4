using System.Runtime.InteropServices;

namespace HwLab.Lab.Engine;

/// <summary>
/// How the workers of one run stop together when it is cancelled. Each worker asks between
/// batches; the first to see the cancellation names a batch no worker starts, and every worker
/// stops before that batch, so workers whose rounds wait on each other (ping-pong, where each
/// round needs the other side's previous round) never wait in a batch their partner skipped.
/// </summary>
/// <remarks>
/// The fields sit in the middle of 384 bytes: every worker reads them between batches and only a
/// cancellation writes them, so each worker keeps the line in its cache and nothing written during
/// a run (a neighbouring object) ever shares it. Reading them costs a cache hit per batch, nothing
/// per operation.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 384)]
internal sealed class RunStop
{
    private const long NotAgreed = long.MaxValue;

    [FieldOffset(192)]
    private int _requested;

    [FieldOffset(196)]
    private int _cutShort;

    [FieldOffset(200)]
    private long _firstBatchNotStarted = NotAgreed;

    /// <summary>Whether a worker stopped before its limit: the run is not a whole sample.</summary>
    public bool CutShort => Volatile.Read(ref _cutShort) != 0;

    /// <summary>Asks the workers to stop (from the cancellation's callback, on whichever thread cancelled).</summary>
    public void Request() => Volatile.Write(ref _requested, 1);

    /// <summary>
    /// Whether a worker that has finished <paramref name="batchesDone"/> batches stops now. The
    /// first worker to see the request agrees on two batches past its own count: a partner that
    /// depends on it is at most one batch ahead (it cannot finish a round before this worker's
    /// previous one), so every batch any worker may already be in is one all of them finish.
    /// </summary>
    public bool ShouldStop(long batchesDone)
    {
        long agreed = Volatile.Read(ref _firstBatchNotStarted);
        if (agreed == NotAgreed)
        {
            if (Volatile.Read(ref _requested) == 0)
            {
                return false;
            }
            Interlocked.CompareExchange(ref _firstBatchNotStarted, batchesDone + 2, NotAgreed);
            agreed = Volatile.Read(ref _firstBatchNotStarted);
        }
        if (batchesDone < agreed)
        {
            return false;
        }
        Volatile.Write(ref _cutShort, 1);
        return true;
    }
}
