using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The OOM killer of 4.2 (mm/oom_kill.c, out_of_memory and oom_kill_process) over the scenario's
/// user processes, and the OOM reaper's work on the victim (4.6, __oom_reap_task).
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock, which also guards the pages the processes hold.</remarks>
internal sealed class OomKiller(Zone zone, IReadOnlyList<ModelProcess> processes, ReserveEventLog log, Func<SimTask, AllocFlags> reserveAccess, Action<SimTask, long> onKill)
{
    /// <summary>The thread oom_kill_process marked last, or null before the first kill.</summary>
    public SimTask? Victim { get; private set; }

    /// <summary>The slow-path flags the victim's GFP_KERNEL allocations carried once marked: its access to the reserve.</summary>
    public AllocFlags? VictimReserveAccess { get; private set; }

    public long? KilledAt { get; private set; }

    public int OomKills { get; private set; }

    /// <summary>The tick of the first OOM kill, or null.</summary>
    public long? FirstKill => _firstKill;

    public int ReapAttempts { get; private set; }

    public bool Reaped { get; private set; }

    public bool ReapGaveUp { get; private set; }

    private long? _firstKill;

    /// <summary>
    /// out_of_memory (4.2) for <paramref name="caller"/>: true when it acted, so the caller retries
    /// at once; false when a victim is still on its way out (select_bad_process aborts while any
    /// thread has TIF_MEMDIE) or there is no one to kill.
    /// </summary>
    public bool OutOfMemory(SimTask caller, long now)
    {
        // A caller that is dying itself takes the mark, so that it may allocate and exit.
        if (caller.Process is { MmFreed: false } && caller.FatalSignalPending && !caller.TifMemdie)
        {
            caller.TifMemdie = true;
            return true;
        }
        if (processes.Any(p => p.Threads.Any(t => t.TifMemdie && !t.Exited)))
        {
            return false;
        }
        ModelProcess? chosen = processes.Where(p => !p.MmFreed && !p.OomScoreAdjMin && p.HasLiveThreadLocked).MaxBy(p => p.RssLocked);
        if (chosen is null)
        {
            return false;
        }
        Kill(chosen, now);
        return true;
    }

    /// <summary>
    /// The OOM reaper's one try at the victim (4.6 __oom_reap_task): mmap_sem for reading with
    /// down_read_trylock, then the anonymous memory goes back to the zone whatever the victim's
    /// threads are doing; the victim is then set aside (oom_score_adj at OOM_SCORE_ADJ_MIN, its
    /// TIF_MEMDIE cleared) so that the OOM killer may choose another. False when mmap_sem is held
    /// for writing or a writer waits for it.
    /// </summary>
    public bool TryReap(SimTask victim, long now)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ReapAttempts++;
        if (victim.Process is not ModelProcess process || process.MmFreed || process.Reaped)
        {
            return true;
        }
        if (!process.MmapSem.CanDownReadTrylock())
        {
            return false;
        }
        IReadOnlyList<int> pages = process.TakeAnonymousLocked();
        foreach (int page in pages)
        {
            zone.Free(page, OwnerOf(process, page));
        }
        process.Reaped = true;
        process.OomScoreAdjMin = true;
        victim.TifMemdie = false;
        Reaped = true;
        log.Add(now, ReserveEvent.Reaped, $"oom_reaper: reaped process {process.Pid} ({process.Comm}), now anon-rss:0kB; {pages.Count} pages freed");
        return true;
    }

    /// <summary>4.6's oom_reap_task after its last failed try: it gives up and leaves the victim as it is, TIF_MEMDIE and all.</summary>
    public void GiveUpReaping(SimTask victim, long now)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ReapGaveUp = true;
        string pid = victim.Process?.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        log.Add(now, ReserveEvent.Reaped, $"oom_reaper: unable to reap pid:{pid} ({victim.Comm}) after {ReapAttempts} tries: mmap_sem is held for writing");
    }

    // The reaper frees pages the process's threads allocated; each page is stamped with its thread's id.
    private long OwnerOf(ModelProcess process, int page)
    {
        long owner = zone.OwnerOf(page);
        if (!process.Threads.Any(t => t.Id == owner))
        {
            throw new InvalidOperationException($"Page {page} of {process.Comm} is owned by {owner}, no thread of it.");
        }
        return owner;
    }

    // oom_kill_process (4.2): SIGKILL to every thread sharing the mm, TIF_MEMDIE on one of them.
    // The kernel marks the first thread with an mm (the group leader); the model marks the memory
    // consumer, which stands in the model for the reproducer's leader (see docs/reserve-model.md).
    private void Kill(ModelProcess process, long now)
    {
        SimTask[] live = [.. process.Threads.Where(t => !t.Exited)];
        SimTask marked = live.FirstOrDefault(t => t is MemoryConsumer) ?? live[0];
        long rss = process.RssLocked;
        marked.TifMemdie = true;
        foreach (SimTask thread in live)
        {
            thread.FatalSignalPending = true;
        }
        Victim = marked;
        VictimReserveAccess = reserveAccess(marked);
        KilledAt = now;
        OomKills++;
        _firstKill ??= now;
        log.Add(now, ReserveEvent.OomKill,
            $"Out of memory: Killed process {process.Pid} ({process.Comm}) anon-rss:{rss * 4}kB; TIF_MEMDIE on {marked.Name}; free {zone.FreePages} pages, min {zone.Watermarks.Min}");
        foreach (SimTask thread in live)
        {
            onKill(thread, now);
        }
    }
}
