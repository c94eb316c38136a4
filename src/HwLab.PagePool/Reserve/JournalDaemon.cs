using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// A small daemon of its own process (the seed's log has systemd-journal invoke the OOM killer): it
/// faults in a page every few ticks and lets the oldest go once it holds a few, so it keeps asking
/// the allocator for memory with __GFP_FS whatever a.out's threads are blocked on. It is killable,
/// but the OOM killer chooses a.out, which holds far more.
/// </summary>
public sealed class JournalDaemon(long id, ModelProcess process) : SimTask(id, "journal", process.Comm, kernelThread: false, process)
{
    /// <summary>A page every 10 ticks.</summary>
    public const int EveryTicks = 10;

    /// <summary>It keeps at most 8 pages.</summary>
    public const int WorkingSetPages = 8;

    private bool _inFault;
    private int _held;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (Exited)
        {
            return StepResult.Done;
        }
        if (!_inFault)
        {
            if (FatalSignalPending)
            {
                mm.ThreadExit(this, now);
                return StepResult.Done;
            }
            _inFault = true;
        }
        switch (mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page))
        {
            case AllocOutcome.Success:
                mm.AddAnonymous(this, page);
                _inFault = false;
                if (++_held > WorkingSetPages && mm.FreeOldestAnonymous(this, now))
                {
                    _held--;
                }
                return StepResult.Wait(EveryTicks);
            case AllocOutcome.RetryNow:
                return StepResult.Continue;
            case AllocOutcome.Failed:
                _inFault = false;
                return StepResult.Wait(EveryTicks);
            default:
                return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }
    }
}
