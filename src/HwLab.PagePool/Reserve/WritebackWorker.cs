namespace HwLab.PagePool.Reserve;

/// <summary>
/// The writeback kernel thread (the seed's kworker/u16:29 in wb_workfn), writing in the background
/// once dirty pages pass vm.dirty_background_ratio, grow old, or direct reclaim asks for them:
/// before it can write a batch of dirty pages it needs one XFS buffer page (xfs_buf_allocate_memory,
/// GFP_NOFS | __GFP_NOWARN, as in the seed's trace from xfs_vm_writepage down to
/// xfs_buf_allocate_memory). When it is the lock holder it takes the scenario's lock, the lock of
/// the inode the writers dirty, as the trace's xfs_iomap_write_allocate holds the inode's lock
/// while it allocates blocks; its pass over the inode keeps the lock from batch to batch until the
/// inode is clean, and so through an allocation that loops. Writing makes the batch clean and so
/// reclaimable.
/// </summary>
public sealed class WritebackWorker(long id, bool holdsScenarioLock) : SimTask(id, "writeback", "kworker/u16:29", kernelThread: true, process: null)
{
    private readonly XfsRetryLoop _xfs = new("xfs_buf_allocate_memory");
    private bool _inBatch;
    private bool _holding;

    /// <summary>The worker takes the scenario's lock for its pass over the dirty inode (the kernel-thread holder).</summary>
    public bool HoldsScenarioLock => holdsScenarioLock;

    /// <summary>It is inside a batch: between taking the lock and getting its buffer page.</summary>
    public bool InAllocation => _inBatch;

    /// <summary>XFS's retries of the buffer page in hand.</summary>
    public long XfsRetries => _xfs.Retries;

    public override StepResult Step(MemoryModel mm, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (!_inBatch)
        {
            if (!mm.WritebackWanted(now))
            {
                return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
            }
            if (holdsScenarioLock && !_holding)
            {
                if (!mm.TryTakeHolderLock(this))
                {
                    return StepResult.Wait(LockRetryTicks);
                }
                _holding = true;
            }
            _inBatch = true;
        }

        AllocOutcome outcome = mm.Allocate(this, XfsRetryLoop.NofsMask, now, out int page);
        if (outcome != AllocOutcome.Success)
        {
            return _xfs.NoPage(mm, this, outcome, now);
        }
        mm.WriteBackThrough(this, page, now);
        // The pass over the inode ends, and the lock goes, once the inode is clean.
        if (_holding && mm.DirtyPages == 0)
        {
            mm.ReleaseScenarioLock(this);
            _holding = false;
        }
        _inBatch = false;
        _xfs.Succeeded();
        return StepResult.Continue;
    }
}
