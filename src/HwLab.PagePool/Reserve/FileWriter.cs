using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The reproducer's file_writer, a thread of a.out: writes page after page, each a new page-cache
/// page (GFP_KERNEL), dirty until writeback cleans it; balance_dirty_pages throttles it once the
/// dirty limit is reached. Killed, it exits between two writes; an allocation it is in goes on,
/// and 4.2's out_of_memory marks a dying caller itself, so it gets its page and leaves.
/// </summary>
public sealed class FileWriter(long id, int index, ModelProcess process)
    : SimTask(id, $"file_writer/{index}", process.Comm, kernelThread: false, process)
{
    private bool _inWrite;
    private long _firstTick = -1;

    public long PagesWritten { get; private set; }

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (Exited)
        {
            return StepResult.Done;
        }
        if (!_inWrite)
        {
            // Between two write() calls the thread acts on SIGKILL.
            if (FatalSignalPending)
            {
                mm.ThreadExit(this, now);
                return StepResult.Done;
            }
            if (mm.DirtyPages >= mm.Scenario.DirtyLimit || !Paced.MayTakeAnother(ref _firstTick, PagesWritten, now))
            {
                return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
            }
            _inWrite = true;
        }

        switch (mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page))
        {
            case AllocOutcome.Success:
                mm.AddDirty(page, Id, now);
                PagesWritten++;
                _inWrite = false;
                return StepResult.Continue;
            case AllocOutcome.RetryNow:
                return StepResult.Continue;
            case AllocOutcome.Failed:
                // A page-cache allocation that fails fails the write(); the thread goes on.
                _inWrite = false;
                return StepResult.Continue;
            default:
                return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }
    }
}
