using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// XFS's own loop around an allocation it cannot do without (fs/xfs/kmem.c kmem_alloc and
/// fs/xfs/xfs_buf.c xfs_buf_allocate_memory, 4.2): when the page allocator hands back nothing, count
/// the retry, complain every 100th time, wait congestion_wait(BLK_RW_ASYNC, HZ/50), try again. On a
/// stock 4.2 kernel an order-0 allocation without __GFP_FS never comes back empty, so the loop
/// never turns; under the seed's "GFP_NOFS can fail" patch it does.
/// </summary>
internal sealed class XfsRetryLoop(string function)
{
    /// <summary>The "possible memory allocation deadlock" message comes every 100th retry.</summary>
    public const int WarnEvery = 100;

    /// <summary>
    /// What both XFS paths ask for: xb_to_gfp gives GFP_NOFS | __GFP_NOWARN for a buffer that is not
    /// read-ahead, and kmem_flags_convert(KM_NOFS) gives GFP_KERNEL | __GFP_NOWARN less __GFP_FS, the
    /// same mask: 0x250 with 4.2's bits, the mode of the seed's log.
    /// </summary>
    public const Gfp NofsMask = Gfp.GFP_NOFS | Gfp.__GFP_NOWARN;

    /// <summary>Retries of the allocation in hand (XFS counts per call).</summary>
    public long Retries { get; private set; }

    public string Function => function;

    /// <summary>
    /// A pass that gave no page: the allocator goes round again (at once, or after a pause), or it
    /// handed back a failure, and XFS counts a retry, warns on every 100th, and waits congestion_wait.
    /// </summary>
    public StepResult NoPage(MemoryModel mm, SimTask task, AllocOutcome outcome, long now)
    {
        ArgumentNullException.ThrowIfNull(mm);
        if (outcome == AllocOutcome.RetryNow)
        {
            return StepResult.Continue;
        }
        if (outcome == AllocOutcome.Failed && ++Retries % WarnEvery == 0)
        {
            mm.Warn(task, function, NofsMask, Retries, now);
        }
        return StepResult.Wait(mm.Scenario.CongestionWaitTicks);
    }

    public void Succeeded() => Retries = 0;
}
