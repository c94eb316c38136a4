using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The reproducer's memory_consumer, a thread of a.out: it faults in anonymous memory a page at a
/// time, at most one page per tick, until the OOM killer picks a.out. (In the kernel a fault holds mmap_sem for reading; the
/// model's faults leave mmap_sem alone, see docs/reserve-model.md.) It is the
/// thread the OOM killer marks (TIF_MEMDIE). On its way out it must take the scenario's lock:
/// mmap_sem for reading in exit_mm, or the XFS inode lock that the seed's victim waits on; then it
/// allocates its exit pages, with whatever reserve access the policy gives a marked thread, and
/// leaves its mm. The mm's memory goes back only once every thread of a.out has left.
/// </summary>
public sealed class MemoryConsumer(long id, ModelProcess process, int startTick, int exitPages)
    : SimTask(id, "memory_consumer", process.Comm, kernelThread: false, process)
{
    // The page-fault allocation (GFP_HIGHUSER_MOVABLE in the kernel) carries GFP_KERNEL's
    // __GFP_WAIT | __GFP_IO | __GFP_FS, the bits the allocator acts on; the zone and movability bits
    // mean nothing to a one-zone model.
    private const Gfp FaultGfp = Gfp.GFP_KERNEL;

    private bool _inFault;
    private long _firstTick = -1;
    private long _faulted;
    private bool _pastLock;
    private int _exitPagesTaken;

    /// <summary>Killed, it is waiting for the scenario's lock on its way out.</summary>
    public bool WaitingOnScenarioLock => FatalSignalPending && !_pastLock && !Exited && !_inFault;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (Exited)
        {
            return StepResult.Done;
        }
        // A fault in progress goes on, with the reserve access a kill may have given it.
        if (_inFault)
        {
            return Fault(mm, now);
        }
        if (FatalSignalPending)
        {
            return ExitPath(mm, now);
        }
        if (now < startTick)
        {
            return StepResult.Wait((int)(startTick - now));
        }
        if (!Paced.MayTakeAnother(ref _firstTick, _faulted, now))
        {
            return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }
        _inFault = true;
        return Fault(mm, now);
    }

    private StepResult Fault(MemoryModel mm, long now)
    {
        switch (mm.Allocate(this, FaultGfp, now, out int page))
        {
            case AllocOutcome.Success:
                mm.AddAnonymous(this, page);
                _faulted++;
                _inFault = false;
                return StepResult.Continue;
            case AllocOutcome.RetryNow:
                return StepResult.Continue;
            case AllocOutcome.Failed:
                // VM_FAULT_OOM: the fault ends without a page; a killed thread goes on to exit.
                _inFault = false;
                return StepResult.Continue;
            default:
                return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }
    }

    private StepResult ExitPath(MemoryModel mm, long now)
    {
        if (!_pastLock)
        {
            if (!mm.TryTakeVictimLock(this))
            {
                return StepResult.Wait(LockRetryTicks);
            }
            mm.ReleaseScenarioLock(this);
            _pastLock = true;
        }
        if (_exitPagesTaken < exitPages)
        {
            switch (mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page))
            {
                case AllocOutcome.Success:
                    mm.AddKernelPage(this, page);
                    _exitPagesTaken++;
                    return StepResult.Continue;
                case AllocOutcome.RetryNow:
                    return StepResult.Continue;
                default:
                    return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
            }
        }
        mm.ThreadExit(this, now);
        return StepResult.Done;
    }
}
