namespace HwLab.PagePool.Reserve;

/// <summary>
/// The dying-thread lock holder: a thread of a.out that takes the scenario's lock (the XFS inode
/// lock, or mmap_sem for writing) and keeps it while it works, reading metadata buffer after
/// buffer; each needs a page from xfs_buf_allocate_memory (GFP_NOFS | __GFP_NOWARN, as the seed's
/// crond, vmtoolsd and pickup ask for), used and let go before the next. It acts on a signal only
/// between two buffers, so once memory is gone it stays in its allocation with the lock held: after
/// the kill, dying, with a fatal signal pending but no TIF_MEMDIE.
/// </summary>
public sealed class LockHoldingThread(long id, ModelProcess process)
    : SimTask(id, "xfs_thread", process.Comm, kernelThread: false, process)
{
    private readonly XfsRetryLoop _xfs = new("xfs_buf_allocate_memory");
    private bool _holding;
    private bool _allocating;

    /// <summary>It holds the lock and its allocation has not yet got a page.</summary>
    public bool InAllocation => _holding && _allocating;

    public long XfsRetries => _xfs.Retries;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (Exited)
        {
            return StepResult.Done;
        }
        if (!_holding)
        {
            if (FatalSignalPending)
            {
                mm.ThreadExit(this, now);
                return StepResult.Done;
            }
            if (!mm.TryTakeHolderLock(this))
            {
                return StepResult.Wait(LockRetryTicks);
            }
            _holding = true;
        }

        _allocating = true;
        AllocOutcome outcome = mm.Allocate(this, XfsRetryLoop.NofsMask, now, out int page);
        if (outcome != AllocOutcome.Success)
        {
            return _xfs.NoPage(mm, this, outcome, now);
        }
        // The buffer is read and let go; between two buffers the thread looks at its signals.
        mm.FreeBuffer(this, page, now);
        _allocating = false;
        _xfs.Succeeded();
        if (FatalSignalPending)
        {
            mm.ReleaseScenarioLock(this);
            _holding = false;
            mm.ThreadExit(this, now);
            return StepResult.Done;
        }
        return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
    }
}
