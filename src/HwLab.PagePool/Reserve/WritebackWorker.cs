using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The writeback kernel thread (the log's kworker/u16:29 in wb_workfn), writing in the background
/// once dirty pages pass vm.dirty_background_ratio or grow old: before it can write a
/// batch of dirty pages it needs one buffer page, allocated GFP_NOFS because it runs inside the
/// filesystem. Writing makes the batch clean and so reclaimable. While the buffer cannot be had it
/// loops as XFS's kmem_alloc does: congestion_wait, retry, and every 100 retries "possible memory
/// allocation deadlock".
/// </summary>
public sealed class WritebackWorker(long id) : SimTask(id, "kworker/u16:29", kernelThread: true)
{
    public const int WarnEvery = 100;

    /// <summary>Failed attempts at the current buffer page.</summary>
    public long Retries { get; private set; }

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        // Background and periodic writeback: nothing to do below the background threshold until dirty pages expire.
        if (!mm.WritebackWanted(now))
        {
            return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
        }

        AllocOutcome outcome = mm.Allocate(this, Gfp.GFP_NOFS, now, out int page);
        if (outcome == AllocOutcome.Success)
        {
            mm.WriteBackThrough(this, page, now);
            Retries = 0;
            return StepResult.Continue;
        }
        if (outcome == AllocOutcome.RetryNow)
        {
            return StepResult.Continue;
        }
        if (++Retries % WarnEvery == 0)
        {
            mm.Warn(this, Retries, now);
        }
        return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
    }
}
