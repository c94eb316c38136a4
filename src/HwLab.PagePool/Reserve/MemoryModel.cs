using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The shared state of the scenario behind one lock: the <see cref="Zone"/>, the page allocator
/// (<see cref="PageAllocator"/>), the page cache (<see cref="PageCache"/>), the OOM killer
/// (<see cref="OomKiller"/>), the event log and the free-page timeline. Tasks change it only
/// through the operations here, each of which takes the lock, so tasks may run as threads or be
/// stepped by one scheduler.
/// </summary>
public sealed class MemoryModel : IDisposable
{
    // The model's one lock, standing in for zone->lock and every lock the kernel keeps beside it: it
    // protects the zone, every part below, and the pages each consumer holds. No other type takes it.
    private readonly Lock _lock = new();
    private readonly PageCache _pageCache;          // protected by _lock
    private readonly OomKiller _oomKiller;          // protected by _lock
    private readonly PageAllocator _allocator;      // protected by _lock
    private readonly ReserveEventLog _log = new();  // protected by _lock
    private readonly FreePagesTimeline _timeline;   // protected by _lock

    /// <param name="tasks">The scenario's tasks; its <see cref="MemoryConsumer"/>s are whom the OOM killer may choose.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while the zone's pages were faulted in.</exception>
    public MemoryModel(ReserveScenario scenario, ReservePolicy policy, IReadOnlyList<SimTask> tasks, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tasks);
        scenario.Validate();
        Scenario = scenario;
        Policy = policy;
        Tasks = tasks;
        Zone = new Zone(scenario.ZoneOptions, cancellation);
        _pageCache = new PageCache(Zone, scenario);
        _oomKiller = new OomKiller(Zone, [.. tasks.OfType<MemoryConsumer>()], _log);
        _allocator = new PageAllocator(Zone, policy, _pageCache, _oomKiller);
        _timeline = new FreePagesTimeline(Zone, scenario.TimelineEveryTicks);
    }

    public ReserveScenario Scenario { get; }

    public ReservePolicy Policy { get; }

    public Zone Zone { get; }

    public IReadOnlyList<SimTask> Tasks { get; }

    /// <summary>The OOM victim not yet exited, or null; while there is one the OOM killer kills no other.</summary>
    public MemoryConsumer? Victim => _oomKiller.Victim;

    public int OomKills => _oomKiller.OomKills;

    public long WrittenBack => _pageCache.WrittenBack;

    public long Warnings => _log.Warnings;

    public long DeepestFree => _timeline.DeepestFree;

    public bool ReachedZero => _timeline.ReachedZero;

    /// <summary>The first tick free pages fell to the min watermark, or null.</summary>
    public long? PressureStart => _timeline.PressureStart;

    /// <summary>The first tick after the pressure began that free pages stood at the high watermark again, or null.</summary>
    public long? RecoveredAt => _timeline.RecoveredAt;

    /// <summary>The tick of the first OOM kill, or null.</summary>
    public long? FirstKill => _oomKiller.FirstKill;

    /// <summary>Pages written back after the first OOM kill: forward progress once memory has run out.</summary>
    public long WrittenBackAfterKill => _pageCache.WrittenBackAfterKill;

    /// <summary>The tick of the last writeback batch, or null.</summary>
    public long? LastWriteback => _pageCache.LastWriteback;

    public long DirtyPages
    {
        get
        {
            lock (_lock)
            {
                return _pageCache.DirtyPages;
            }
        }
    }

    public IReadOnlyList<ReserveEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _log.Snapshot();
            }
        }
    }

    public IReadOnlyList<(long Tick, long Free)> Timeline
    {
        get
        {
            lock (_lock)
            {
                return _timeline.Snapshot();
            }
        }
    }

    /// <summary>One pass through the page allocator for <paramref name="task"/>.</summary>
    public AllocOutcome Allocate(SimTask task, Gfp gfp, long now, out int page)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            try
            {
                return _allocator.Allocate(task, gfp, now, out page);
            }
            finally
            {
                _timeline.Note(now);
            }
        }
    }

    /// <summary>A writer's new page goes into the page cache, dirty.</summary>
    public void AddDirty(int page, long owner, long now)
    {
        lock (_lock)
        {
            _pageCache.AddDirty(page, owner, now);
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
            return _pageCache.WritebackWanted(now);
        }
    }

    /// <summary>
    /// One writeback batch through <paramref name="buffer"/>, the page <paramref name="worker"/> just
    /// allocated: up to the scenario's batch of dirty pages become clean (and so reclaimable), then
    /// the buffer is freed. Both happen under one hold of the lock, so no reader sees the buffer held.
    /// </summary>
    /// <returns>The pages written back.</returns>
    public int WriteBackThrough(WritebackWorker worker, int buffer, long now)
    {
        ArgumentNullException.ThrowIfNull(worker);
        lock (_lock)
        {
            int written = _pageCache.WriteBack(Scenario.WritebackBatch, now, _oomKiller.FirstKill);
            FreeLocked(buffer, worker.Id, now);
            return written;
        }
    }

    /// <summary>The XFS allocation loop's complaint, one per 100 retries.</summary>
    public void Warn(SimTask task, long retries, long now)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            _log.Add(now, ReserveEvent.Warning,
                $"XFS: {task.Name}({task.Id}) possible memory allocation deadlock in xfs_buf_allocate_memory (mode:0x{(uint)Gfp.GFP_NOFS:x}) after {retries} retries");
        }
    }

    /// <summary>A page <paramref name="consumer"/> allocated joins its anonymous memory.</summary>
    public void AddAnonymous(MemoryConsumer consumer, int page)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_lock)
        {
            consumer.AddAnonymousLocked(page);
        }
    }

    /// <summary>A page <paramref name="consumer"/> allocated on its way out (exit_mmap, the task's own teardown).</summary>
    public void AddExitPage(MemoryConsumer consumer, int page)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_lock)
        {
            consumer.AddExitPageLocked(page);
        }
    }

    /// <summary>
    /// <paramref name="consumer"/> exits: every page it holds goes back to the zone, and if it was
    /// the OOM victim the OOM killer may choose again.
    /// </summary>
    public void Exit(MemoryConsumer consumer, long now)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_lock)
        {
            IReadOnlyList<int> pages = consumer.ExitLocked();
            foreach (int page in pages)
            {
                FreeLocked(page, consumer.Id, now);
            }
            _oomKiller.Exited(consumer, pages.Count, now);
            _timeline.Note(now);
        }
    }

    /// <summary>The OOM reaper: frees the victim's anonymous pages without waiting for the victim.</summary>
    /// <returns>The pages freed; 0 when there is no victim, or it was reaped already.</returns>
    public int ReapVictim(long now)
    {
        lock (_lock)
        {
            if (!_oomKiller.TryReap(now, out int reaped))
            {
                return 0;
            }
            _timeline.Note(now);
            return reaped;
        }
    }

    /// <summary>Records the timeline at least every TimelineEveryTicks, from the scheduler or a sampler thread.</summary>
    public void Sample(long now)
    {
        lock (_lock)
        {
            _timeline.Note(now);
        }
    }

    /// <summary>Pages the tasks and the page cache hold; it must equal the zone's allocated pages between steps.</summary>
    public long AccountedPages()
    {
        lock (_lock)
        {
            return _pageCache.Pages + Tasks.Sum(t => t is MemoryConsumer c ? c.HeldPagesLocked : 0);
        }
    }

    public void Dispose() => Zone.Dispose();

    private void FreeLocked(int page, long owner, long now)
    {
        Zone.Free(page, owner);
        _timeline.Note(now);
    }
}
