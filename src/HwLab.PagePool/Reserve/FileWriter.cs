using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The reproducer's file_writer: writes page after page, each a new page-cache page, dirty until
/// writeback cleans it. balance_dirty_pages throttles it once the dirty limit is reached.
/// </summary>
public sealed class FileWriter(long id, int index) : SimTask(id, $"file_writer/{index}", kernelThread: false)
{
    public long PagesWritten { get; private set; }

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (mm.DirtyPages >= mm.Scenario.DirtyLimit)
        {
            return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }
        AllocOutcome outcome = mm.Allocate(this, Gfp.GFP_KERNEL, now, out int page);
        if (outcome == AllocOutcome.Success)
        {
            mm.AddDirty(page, Id, now);
            PagesWritten++;
            return StepResult.Continue;
        }
        return outcome == AllocOutcome.RetryNow ? StepResult.Continue : StepResult.Wait(mm.Scenario.CongestionWaitTicks);
    }
}
