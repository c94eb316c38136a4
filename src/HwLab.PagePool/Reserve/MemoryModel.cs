using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The shared state of the scenario and the page allocator's slow path over a <see cref="Zone"/>:
/// the fast path at the low watermark, the slow path at min with the policy's reserve boosts,
/// direct reclaim of clean page cache, the OOM killer for __GFP_FS allocations, and the 2015 rule
/// that an allocation without __GFP_FS keeps looping. Everything is guarded by one lock, so tasks
/// may run as threads or be stepped by one scheduler.
/// </summary>
public sealed class MemoryModel : IDisposable
{
    /// <summary>SWAP_CLUSTER_MAX: pages direct reclaim tries to free per pass.</summary>
    public const int ReclaimBatch = 32;

    private readonly Lock _lock = new();
    private readonly Queue<(int Page, long Owner, long Dirtied)> _dirty = new();
    private readonly Queue<(int Page, long Owner)> _clean = new();
    private readonly List<ReserveEvent> _events = [];
    private readonly List<(long Tick, long Free)> _timeline = [];
    private long _lastSample = long.MinValue;

    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while the zone's pages were faulted in.</exception>
    public MemoryModel(ReserveScenario scenario, ReservePolicy policy, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        Scenario = scenario;
        Policy = policy;
        Zone = new Zone(scenario.ZoneOptions, cancellation);
        DeepestFree = Zone.FreePages;
    }

    public ReserveScenario Scenario { get; }

    public ReservePolicy Policy { get; }

    public Zone Zone { get; }

    public IReadOnlyList<SimTask> Tasks { get; private set; } = [];

    /// <summary>The OOM victim not yet exited, or null; while there is one the OOM killer kills no other.</summary>
    public MemoryConsumer? Victim { get; private set; }

    public int OomKills { get; private set; }

    public long WrittenBack { get; private set; }

    public long Warnings { get; private set; }

    public long DeepestFree { get; private set; }

    public bool ReachedZero { get; private set; }

    /// <summary>The first tick free pages fell to the min watermark, or null.</summary>
    public long? PressureStart { get; private set; }

    /// <summary>The first tick after the pressure began that free pages stood at the high watermark again, or null.</summary>
    public long? RecoveredAt { get; private set; }

    /// <summary>The tick of the first OOM kill, or null.</summary>
    public long? FirstKill { get; private set; }

    /// <summary>Pages written back after the first OOM kill: forward progress once memory has run out.</summary>
    public long WrittenBackAfterKill { get; private set; }

    /// <summary>The tick of the last writeback batch, or null.</summary>
    public long? LastWriteback { get; private set; }

    public long DirtyPages
    {
        get
        {
            lock (_lock)
            {
                return _dirty.Count;
            }
        }
    }

    public IReadOnlyList<ReserveEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<(long Tick, long Free)> Timeline
    {
        get
        {
            lock (_lock)
            {
                return [.. _timeline];
            }
        }
    }

    public void SetTasks(IReadOnlyList<SimTask> tasks) => Tasks = tasks;

    /// <summary>One pass through the page allocator for <paramref name="task"/>.</summary>
    public AllocOutcome Allocate(SimTask task, Gfp gfp, long now, out int page)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            try
            {
                // Fast path: the low watermark.
                page = Zone.TryAllocate(AllocFlags.ALLOC_WMARK_LOW, task.Id);
                if (page >= 0)
                {
                    return AllocOutcome.Success;
                }

                // Slow path: min, with whatever the gfp mask and the policy allow into the reserve.
                AllocFlags flags = ZoneWatermark.gfp_to_alloc_flags(gfp) | Boost(task);
                page = Zone.TryAllocate(flags, task.Id);
                if (page >= 0)
                {
                    return AllocOutcome.Success;
                }

                if ((gfp & Gfp.__GFP_DIRECT_RECLAIM) != 0 && ReclaimCleanLocked(ReclaimBatch) > 0)
                {
                    page = Zone.TryAllocate(flags, task.Id);
                    return page >= 0 ? AllocOutcome.Success : AllocOutcome.RetryNow;
                }

                if ((gfp & Gfp.__GFP_FS) == 0)
                {
                    // The OOM killer does not compensate for IO-less reclaim: keep looping as per tradition.
                    return AllocOutcome.Wait;
                }
                return OutOfMemoryLocked(now) ? AllocOutcome.RetryNow : AllocOutcome.Wait;
            }
            finally
            {
                NoteLocked(now);
            }
        }
    }

    public void Free(int page, long owner, long now)
    {
        lock (_lock)
        {
            Zone.Free(page, owner);
            NoteLocked(now);
        }
    }

    /// <summary>A writer's new page goes into the page cache, dirty.</summary>
    public void AddDirty(int page, long owner, long now)
    {
        lock (_lock)
        {
            _dirty.Enqueue((page, owner, now));
        }
    }

    /// <summary>
    /// Whether the flusher has work: dirty pages past the background threshold, or dirty pages
    /// older than the expiry (periodic writeback writes those whatever the count).
    /// </summary>
    public bool WritebackWanted(long now)
    {
        lock (_lock)
        {
            return _dirty.Count > Scenario.DirtyBackgroundThreshold
                || (_dirty.Count > 0 && now - _dirty.Peek().Dirtied >= Scenario.DirtyExpireTicks);
        }
    }

    /// <summary>Writeback: up to <paramref name="batch"/> dirty pages become clean (and so reclaimable).</summary>
    public int WriteBack(int batch, long now)
    {
        lock (_lock)
        {
            int written = 0;
            while (written < batch && _dirty.Count > 0)
            {
                (int page, long owner, _) = _dirty.Dequeue();
                _clean.Enqueue((page, owner));
                written++;
            }
            if (written > 0)
            {
                WrittenBack += written;
                LastWriteback = now;
                if (FirstKill is long killed && now >= killed)
                {
                    WrittenBackAfterKill += written;
                }
            }
            return written;
        }
    }

    /// <summary>The XFS allocation loop's complaint, one per 100 retries.</summary>
    public void Warn(SimTask task, long retries, long now)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            Warnings++;
            _events.Add(new ReserveEvent(now, ReserveEvent.Warning,
                $"XFS: {task.Name}({task.Id}) possible memory allocation deadlock in xfs_buf_allocate_memory (mode:0x{(uint)Gfp.GFP_NOFS:x}) after {retries} retries"));
        }
    }

    /// <summary>The OOM reaper: frees the victim's anonymous pages without waiting for the victim.</summary>
    public int ReapVictim(long now)
    {
        lock (_lock)
        {
            if (Victim is not MemoryConsumer victim || victim.Reaped)
            {
                return 0;
            }
            int reaped = victim.TakeAnonymousLocked(out IReadOnlyList<int> pages);
            foreach (int page in pages)
            {
                Zone.Free(page, victim.Id);
            }
            victim.Reaped = true;
            _events.Add(new ReserveEvent(now, ReserveEvent.Reaped, $"oom_reaper: reaped process {victim.Id} ({victim.Name}), now anon-rss:0kB, freed {reaped} pages"));
            NoteLocked(now);
            return reaped;
        }
    }

    /// <summary>The victim has freed everything; the OOM killer may choose again.</summary>
    public void VictimExited(MemoryConsumer victim, int freed, long now)
    {
        ArgumentNullException.ThrowIfNull(victim);
        lock (_lock)
        {
            if (ReferenceEquals(Victim, victim))
            {
                Victim = null;
            }
            _events.Add(new ReserveEvent(now, ReserveEvent.Exited, $"{victim.Name}({victim.Id}) exited, freeing {freed} pages"));
            NoteLocked(now);
        }
    }

    /// <summary>Records the timeline at least every TimelineEveryTicks, from the scheduler or a sampler thread.</summary>
    public void Sample(long now)
    {
        lock (_lock)
        {
            NoteLocked(now);
        }
    }

    /// <summary>Pages the tasks and the page cache hold; it must equal the zone's allocated pages between steps.</summary>
    public long AccountedPages()
    {
        lock (_lock)
        {
            return _dirty.Count + _clean.Count + Tasks.Sum(t => t is MemoryConsumer c ? c.HeldPagesLocked : 0) + Tasks.Sum(t => t is WritebackWorker w ? w.BufferPagesLocked : 0);
        }
    }

    public void Dispose() => Zone.Dispose();

    internal Lock SyncRoot => _lock;

    // The policy's reserve access on top of the gfp mask's.
    private AllocFlags Boost(SimTask task) => Policy switch
    {
        ReservePolicy.Favor when task.IsKernelThread || task.FatalSignalPending => AllocFlags.ALLOC_HIGH,
        ReservePolicy.Reaper when task.IsOomVictim => AllocFlags.ALLOC_OOM,
        _ => 0,
    };

    private int ReclaimCleanLocked(int batch)
    {
        int reclaimed = 0;
        while (reclaimed < batch && _clean.Count > 0)
        {
            (int page, long owner) = _clean.Dequeue();
            Zone.Free(page, owner);
            reclaimed++;
        }
        return reclaimed;
    }

    // out_of_memory(): kill the task with the most anonymous memory, unless a victim is still on its
    // way out, in which case wait for it. True when it chose a victim (progress).
    private bool OutOfMemoryLocked(long now)
    {
        if (Victim is not null)
        {
            return false;
        }
        MemoryConsumer? chosen = Tasks.OfType<MemoryConsumer>().Where(c => !c.Exited && !c.FatalSignalPending)
            .OrderByDescending(c => c.HeldPagesLocked).FirstOrDefault();
        if (chosen is null)
        {
            return false;
        }
        Victim = chosen;
        chosen.FatalSignalPending = true;
        chosen.IsOomVictim = true;
        chosen.KilledAt = now;
        chosen.WakeAt = now;
        OomKills++;
        FirstKill ??= now;
        _events.Add(new ReserveEvent(now, ReserveEvent.OomKill,
            $"Out of memory: Kill process {chosen.Id} ({chosen.Name}) anon-rss:{chosen.HeldPagesLocked * 4}kB; free {Zone.FreePages} pages, min {Zone.Watermarks.Min}"));
        return true;
    }

    private void NoteLocked(long now)
    {
        long free = Zone.FreePages;
        DeepestFree = Math.Min(DeepestFree, free);
        ReachedZero |= free == 0;
        if (PressureStart is null && free <= Zone.Watermarks.Min)
        {
            PressureStart = now;
        }
        else if (PressureStart is not null && RecoveredAt is null && free >= Zone.Watermarks.High)
        {
            RecoveredAt = now;
        }
        if (now - _lastSample >= Scenario.TimelineEveryTicks || _timeline.Count == 0)
        {
            _timeline.Add((now, free));
            _lastSample = now;
        }
    }
}
