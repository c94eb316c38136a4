using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The reproducer's memory_consumer: it grows its anonymous memory a page at a time until the OOM
/// killer picks it. Killed, it must allocate a few pages on its way out (exit_mmap, the task's own
/// teardown) before everything it held is freed: the step that stalls when the victim may not
/// touch the reserve.
/// </summary>
public sealed class MemoryConsumer(long id, int startTick, int exitPages) : SimTask(id, "a.out", kernelThread: false)
{
    private readonly List<int> _anonymous = [];
    private readonly List<int> _exitPages = [];

    /// <summary>The OOM reaper took the anonymous pages already.</summary>
    public bool Reaped { get; internal set; }

    public long KilledAt { get; internal set; }

    internal long HeldPagesLocked => _anonymous.Count + _exitPages.Count;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (Exited)
        {
            return StepResult.Done;
        }
        if (now < startTick && !FatalSignalPending)
        {
            return StepResult.Wait((int)(startTick - now));
        }
        if (FatalSignalPending)
        {
            return Exit(mm, now);
        }

        AllocOutcome outcome = mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page);
        if (outcome == AllocOutcome.Success)
        {
            lock (mm.SyncRoot)
            {
                _anonymous.Add(page);
            }
            return StepResult.Continue;
        }
        return outcome == AllocOutcome.RetryNow ? StepResult.Continue : StepResult.Wait(mm.Scenario.CongestionWaitTicks);
    }

    internal int TakeAnonymousLocked(out IReadOnlyList<int> pages)
    {
        pages = [.. _anonymous];
        _anonymous.Clear();
        return pages.Count;
    }

    private StepResult Exit(MemoryModel mm, long now)
    {
        if (_exitPages.Count < exitPages)
        {
            AllocOutcome outcome = mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page);
            if (outcome == AllocOutcome.Success)
            {
                lock (mm.SyncRoot)
                {
                    _exitPages.Add(page);
                }
                return StepResult.Continue;
            }
            return outcome == AllocOutcome.RetryNow ? StepResult.Continue : StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }

        int freed;
        lock (mm.SyncRoot)
        {
            freed = _anonymous.Count + _exitPages.Count;
            foreach (int page in _anonymous.Concat(_exitPages))
            {
                mm.Free(page, Id, now);
            }
            _anonymous.Clear();
            _exitPages.Clear();
            Exited = true;
        }
        mm.VictimExited(this, freed, now);
        return StepResult.Done;
    }
}
