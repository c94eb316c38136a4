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
    // Both protected by the model's lock: the OOM killer weighs them and the reaper empties
    // _anonymous from other threads. Only this task adds to them.
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
            mm.AddAnonymous(this, page);
            return StepResult.Continue;
        }
        return outcome == AllocOutcome.RetryNow ? StepResult.Continue : StepResult.Wait(mm.Scenario.CongestionWaitTicks);
    }

    internal void AddAnonymousLocked(int page) => _anonymous.Add(page);

    internal void AddExitPageLocked(int page) => _exitPages.Add(page);

    /// <summary>Hands over the anonymous pages (to the OOM reaper); the exit pages stay.</summary>
    internal IReadOnlyList<int> TakeAnonymousLocked()
    {
        IReadOnlyList<int> pages = [.. _anonymous];
        _anonymous.Clear();
        return pages;
    }

    /// <summary>Hands over every page held, anonymous first, and marks the task exited.</summary>
    internal IReadOnlyList<int> ExitLocked()
    {
        IReadOnlyList<int> pages = [.. _anonymous, .. _exitPages];
        _anonymous.Clear();
        _exitPages.Clear();
        Exited = true;
        return pages;
    }

    private StepResult Exit(MemoryModel mm, long now)
    {
        if (_exitPages.Count < exitPages)
        {
            AllocOutcome outcome = mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page);
            if (outcome == AllocOutcome.Success)
            {
                mm.AddExitPage(this, page);
                return StepResult.Continue;
            }
            return outcome == AllocOutcome.RetryNow ? StepResult.Continue : StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }

        mm.Exit(this, now);
        return StepResult.Done;
    }
}
