using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The memory-pressure scenario of the source document, sized: a zone; the reproducer's a.out,
/// whose threads share one mm (file writers dirtying page cache, a memory consumer that grows until
/// the OOM killer picks a.out); a writeback thread that needs a GFP_NOFS buffer page per batch; a
/// small daemon of its own; and the lock dependency of the seed: a lock the OOM victim needs on its
/// way out, held by a thread whose allocation without __GFP_FS loops. Times are in ticks of a
/// nominal millisecond.
/// </summary>
public sealed record ReserveScenario
{
    public long ZonePages { get; init; } = 4096;

    public long MinFreeKbytes { get; init; } = 1024;

    public int WatermarkScaleFactor { get; init; } = Watermarks.DefaultScaleFactor;

    public int FileWriters { get; init; } = 2;

    /// <summary>Writers are throttled once this share of the zone is dirty (vm.dirty_ratio).</summary>
    public int DirtyRatioPercent { get; init; } = 20;

    /// <summary>Background writeback starts once this share of the zone is dirty (vm.dirty_background_ratio), and writes down to it.</summary>
    public int DirtyBackgroundRatioPercent { get; init; } = 10;

    /// <summary>Dirty pages older than this are written back whatever the dirty count (vm.dirty_expire_centisecs, in ticks).</summary>
    public int DirtyExpireTicks { get; init; } = 3000;

    /// <summary>Dirty pages written back per GFP_NOFS buffer page.</summary>
    public int WritebackBatch { get; init; } = 32;

    /// <summary>Pages the OOM victim allocates on its way out, once it is past the lock, with its reserve access.</summary>
    public int ExitPages { get; init; } = 4;

    /// <summary>Who holds the lock the victim needs: the writeback kernel thread, or a dying thread of a.out.</summary>
    public LockHolder LockHolder { get; init; } = LockHolder.KernelThread;

    /// <summary>Which lock the victim needs: an XFS inode lock, or a.out's mmap_sem (which only a thread of a.out can hold for writing).</summary>
    public VictimLock Lock { get; init; } = VictimLock.XfsInodeLock;

    /// <summary>
    /// The seed's debug kernel: its "GFP_NOFS can fail" patch lets an allocation without __GFP_FS
    /// fail where stock 4.2 loops, so XFS's own retry loop turns and prints its warning.
    /// </summary>
    public bool NofsCanFail { get; init; }

    /// <summary>congestion_wait(BLK_RW_ASYNC, HZ/50): 20 ms.</summary>
    public int CongestionWaitTicks { get; init; } = 20;

    /// <summary>When the consumer starts, after the writers have built up page cache (the reproducer sleeps 3 s, the writers 2 s).</summary>
    public int ConsumerStartTick { get; init; } = 200;

    /// <summary>How long after the kill the OOM reaper gets to the victim.</summary>
    public int ReapDelayTicks { get; init; } = 10;

    /// <summary>Deterministic mode: the run ends here whatever happened (the time bound).</summary>
    public long MaxTicks { get; init; } = 60_000;

    /// <summary>Timeline: free pages are recorded at least this often.</summary>
    public int TimelineEveryTicks { get; init; } = 100;

    /// <summary>Deterministic mode: seeds which task the scheduler steps next.</summary>
    public int Seed { get; init; } = 2015;

    public ZoneOptions ZoneOptions => new() { Pages = ZonePages, MinFreeKbytes = MinFreeKbytes, WatermarkScaleFactor = WatermarkScaleFactor };

    public long DirtyLimit => ZonePages * DirtyRatioPercent / 100;

    public long DirtyBackgroundThreshold => ZonePages * DirtyBackgroundRatioPercent / 100;

    /// <exception cref="ZoneConfigurationException">Watermarks that do not fit the zone, or a zone smaller than the scenario needs.</exception>
    public void Validate()
    {
        ZoneOptions.Validate();
        Watermarks marks = ZoneOptions.Watermarks;
        if (FileWriters < 1 || WritebackBatch < 1 || ExitPages < 1 || CongestionWaitTicks < 1 || DirtyRatioPercent is < 1 or > 90
            || DirtyBackgroundRatioPercent < 0 || DirtyBackgroundRatioPercent >= DirtyRatioPercent || DirtyExpireTicks < 1)
        {
            throw new ZoneConfigurationException("The scenario needs at least one writer, a writeback batch and exit allocation of a page or more, a congestion wait of a tick or more, a dirty ratio from 1 to 90% and a background ratio below it.");
        }
        if (Lock == VictimLock.MmapSem && LockHolder == LockHolder.KernelThread)
        {
            throw new ZoneConfigurationException("A kernel thread holds no process's mmap_sem: the mmap_sem lock needs a thread of the victim as its holder.");
        }
        // Dirty page cache, the victim's exit pages and a writeback buffer must fit above min with room
        // for the consumer (and the daemon's few pages) to grow into, or the scenario is decided before it starts.
        long needed = marks.High + DirtyLimit + WritebackBatch + ExitPages + 64;
        if (ZonePages < needed)
        {
            throw new ZoneConfigurationException(
                $"A zone of {ZonePages} pages is smaller than the scenario needs: the high watermark ({marks.High}), the dirty limit ({DirtyLimit}), a writeback batch ({WritebackBatch}), the victim's exit pages ({ExitPages}) and 64 pages for the consumer and the daemon make {needed}.");
        }
        if (MaxTicks < 10 * ConsumerStartTick || TimelineEveryTicks < 1)
        {
            throw new ZoneConfigurationException($"The time bound ({MaxTicks} ticks) must be at least ten times the consumer's start ({ConsumerStartTick}).");
        }
    }
}
