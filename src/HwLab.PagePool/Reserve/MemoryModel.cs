using System.Globalization;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The shared state of the scenario behind one lock: the <see cref="Zone"/>, the page allocator
/// (<see cref="PageAllocator"/>), the page cache (<see cref="PageCache"/>), the OOM killer
/// (<see cref="OomKiller"/>), the processes and their mms, the kernel locks the tasks contend for,
/// the event log and the free-page timeline. Tasks change it only through the operations here,
/// each of which takes the lock, so tasks may run as threads or be stepped by one scheduler.
/// </summary>
public sealed class MemoryModel : IDisposable
{
    // The model's one lock, standing in for zone->lock and every lock the kernel keeps beside it: it
    // protects the zone, every part below, the processes' pages and the kernel locks' state. No other
    // type takes it. The kernel locks (mmap_sem, the XFS inode lock) are state it protects, not locks
    // of this program: a task that cannot take one returns from its step and tries again later.
    private readonly Lock _lock = new();
    private readonly PageCache _pageCache;          // protected by _lock
    private readonly OomKiller _oomKiller;          // protected by _lock
    private readonly PageAllocator _allocator;      // protected by _lock
    private readonly ReserveEventLog _log = new();  // protected by _lock
    private readonly FreePagesTimeline _timeline;   // protected by _lock
    private readonly KernelRwSemaphore _inodeLock = new(VictimLocks.Describe(VictimLock.XfsInodeLock)); // protected by _lock

    /// <param name="tasks">The scenario's tasks.</param>
    /// <param name="processes">The user processes, whom the OOM killer may choose.</param>
    /// <param name="victimProcess">The process whose thread waits on the scenario's lock (the reproducer's a.out).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while the zone's pages were faulted in.</exception>
    public MemoryModel(ReserveScenario scenario, ReservePolicy policy, IReadOnlyList<SimTask> tasks, IReadOnlyList<ModelProcess> processes, ModelProcess victimProcess, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(victimProcess);
        scenario.Validate();
        Scenario = scenario;
        Policy = policy;
        Tasks = tasks;
        Processes = processes;
        VictimProcess = victimProcess;
        Zone = new Zone(scenario.ZoneOptions, cancellation);
        _pageCache = new PageCache(Zone, scenario);
        _oomKiller = new OomKiller(Zone, processes, _log, task => _allocator!.SlowPathFlags(task, Gfp.GFP_KERNEL), WakeOnKill);
        _allocator = new PageAllocator(Zone, scenario, policy, _pageCache, _oomKiller, KickFlusher);
        _timeline = new FreePagesTimeline(Zone, scenario.TimelineEveryTicks);
    }

    public ReserveScenario Scenario { get; }

    public ReservePolicy Policy { get; }

    public Zone Zone { get; }

    public IReadOnlyList<SimTask> Tasks { get; }

    public IReadOnlyList<ModelProcess> Processes { get; }

    public ModelProcess VictimProcess { get; }

    /// <summary>The lock the scenario is about, as a kernel engineer names it.</summary>
    public string LockName => VictimLocks.Describe(Scenario.Lock);

    /// <summary>The thread the OOM killer marked last (TIF_MEMDIE), or null before the first kill.</summary>
    public SimTask? Victim => _oomKiller.Victim;

    /// <summary>The victim's slow-path flags for GFP_KERNEL when it was marked.</summary>
    public AllocFlags? VictimReserveAccess => _oomKiller.VictimReserveAccess;

    public long? KilledAt => _oomKiller.KilledAt;

    public int OomKills => _oomKiller.OomKills;

    public int ReapAttempts => _oomKiller.ReapAttempts;

    public bool Reaped => _oomKiller.Reaped;

    public bool ReapGaveUp => _oomKiller.ReapGaveUp;

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

    /// <summary>The task holding the scenario's lock for writing (the holder's side of it), or null.</summary>
    public SimTask? LockWriter
    {
        get
        {
            lock (_lock)
            {
                return ScenarioLock.Writer;
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

    // The lock the holder takes for writing and the victim needs: the XFS inode lock, or a.out's mmap_sem.
    private KernelRwSemaphore ScenarioLock => Scenario.Lock == VictimLock.MmapSem ? VictimProcess.MmapSem : _inodeLock;

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

    /// <summary>The slow path's flags <paramref name="task"/> would allocate with under <paramref name="gfp"/> now.</summary>
    public AllocFlags SlowPathFlags(SimTask task, Gfp gfp)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            return _allocator.SlowPathFlags(task, gfp);
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

    /// <summary>A page <paramref name="task"/> faulted in joins its process's anonymous memory.</summary>
    public void AddAnonymous(SimTask task, int page)
    {
        lock (_lock)
        {
            ProcessOf(task).AddAnonymousLocked(page);
        }
    }

    /// <summary>A page the kernel allocated for <paramref name="task"/> on its way out, freed with its mm.</summary>
    public void AddKernelPage(SimTask task, int page)
    {
        lock (_lock)
        {
            ProcessOf(task).AddKernelPageLocked(page);
        }
    }

    /// <summary>A page <paramref name="task"/> used for a moment (a metadata buffer) goes back to the zone.</summary>
    public void FreeBuffer(SimTask task, int page, long now)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            FreeLocked(page, task.Id, now);
        }
    }

    /// <summary>The task's process lets go of its oldest anonymous page; false when it has none.</summary>
    public bool FreeOldestAnonymous(SimTask task, long now)
    {
        lock (_lock)
        {
            int page = ProcessOf(task).TakeOldestAnonymousLocked();
            if (page < 0)
            {
                return false;
            }
            FreeLocked(page, task.Id, now);
            return true;
        }
    }

    /// <summary>
    /// Whether the flusher has work: dirty pages past the background threshold, dirty pages older
    /// than the expiry, or pages direct reclaim asked it to write.
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

    /// <summary>The holder takes the scenario's lock exclusively (down_write); false while someone else has it.</summary>
    public bool TryTakeHolderLock(SimTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            return Noted(task, ScenarioLock, ScenarioLock.TryDownWrite(task));
        }
    }

    /// <summary>
    /// The victim takes the scenario's lock on its way out: the XFS inode lock exclusively, mmap_sem
    /// for reading (exit_mm); false while the holder has it, or for mmap_sem while a writer waits.
    /// </summary>
    public bool TryTakeVictimLock(SimTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            KernelRwSemaphore scenarioLock = ScenarioLock;
            bool taken = Scenario.Lock == VictimLock.MmapSem ? scenarioLock.TryDownRead(task) : scenarioLock.TryDownWrite(task);
            return Noted(task, scenarioLock, taken);
        }
    }

    /// <summary>Releases the scenario's lock, taken either way.</summary>
    public void ReleaseScenarioLock(SimTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            ScenarioLock.Release(task);
        }
    }

    /// <summary>
    /// An XFS allocation loop's complaint, one per 100 failed tries, in the form of the seed's debug
    /// kernel: "XFS: comm(pid) possible memory allocation deadlock in function (mode:0x...)", the
    /// mode with 4.2's gfp bits.
    /// </summary>
    public void Warn(SimTask task, string function, Gfp mode, long retries, long now)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            _log.Add(now, ReserveEvent.Warning, string.Create(CultureInfo.InvariantCulture,
                $"XFS: {task.Comm}({task.Id}) possible memory allocation deadlock in {function} (mode:0x{(uint)mode:x}) after {retries} retries"));
        }
    }

    /// <summary>
    /// <paramref name="task"/> exits: it leaves its mm (4.2 exit_mm clears TIF_MEMDIE there), and if
    /// it was the last thread sharing that mm, every page the mm holds goes back to the zone.
    /// </summary>
    public void ThreadExit(SimTask task, long now)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            ModelProcess process = ProcessOf(task);
            _inodeLock.Forget(task);
            process.MmapSem.Forget(task);
            task.Exited = true;
            task.TifMemdie = false;
            task.WaitingOn = null;
            if (ReferenceEquals(task, _oomKiller.Victim))
            {
                _log.Add(now, ReserveEvent.Exited, $"{task.Comm}({task.Id}) {task.Name}, the OOM victim, exited; its mm stays while other threads use it");
            }
            if (process.HasLiveThreadLocked)
            {
                return;
            }
            IReadOnlyList<int> pages = process.TakeAllLocked();
            foreach (int page in pages)
            {
                FreeLocked(page, Zone.OwnerOf(page), now);
            }
            process.MmFreed = true;
            _log.Add(now, ReserveEvent.Exited, $"{process.Comm}({process.Pid}): the last thread exited, its mm freed {pages.Count} pages");
            _timeline.Note(now);
        }
    }

    /// <summary>The OOM reaper's one try at <paramref name="victim"/>; false when mmap_sem could not be had.</summary>
    public bool TryReap(SimTask victim, long now)
    {
        lock (_lock)
        {
            bool done = _oomKiller.TryReap(victim, now);
            _timeline.Note(now);
            return done;
        }
    }

    public void GiveUpReaping(SimTask victim, long now)
    {
        lock (_lock)
        {
            _oomKiller.GiveUpReaping(victim, now);
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

    /// <summary>Pages the processes and the page cache hold; it must equal the zone's allocated pages between steps.</summary>
    public long AccountedPages()
    {
        lock (_lock)
        {
            return _pageCache.Pages + Processes.Sum(p => p.RssLocked);
        }
    }

    public void Dispose() => Zone.Dispose();

    private static ModelProcess ProcessOf(SimTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Process ?? throw new InvalidOperationException($"{task.Name} is a kernel thread and has no mm.");
    }

    // Records what the task waits for, so that a run's end can say who waits on whom.
    private static bool Noted(SimTask task, KernelRwSemaphore kernelLock, bool taken)
    {
        task.WaitingOn = taken ? null : kernelLock.Name;
        return taken;
    }

    private void FreeLocked(int page, long owner, long now)
    {
        Zone.Free(page, owner);
        _timeline.Note(now);
    }

    // wakeup_flusher_threads: the flusher gets the pages to write and, if it is idle, is woken at
    // once; a flusher inside a batch (its own allocation looping) is not disturbed.
    private void KickFlusher(long pages, long now)
    {
        _pageCache.Kick(pages);
        foreach (WritebackWorker worker in Tasks.OfType<WritebackWorker>().Where(w => !w.InAllocation))
        {
            worker.Wake(now);
        }
    }

    // A kill wakes every thread it signalled, and the OOM reaper (4.6 wake_oom_reaper).
    private void WakeOnKill(SimTask thread, long now)
    {
        thread.Wake(now);
        foreach (OomReaper reaper in Tasks.OfType<OomReaper>())
        {
            reaper.Wake(now);
        }
    }
}
