using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The OOM killer and, under the reaper policy, the OOM reaper's work: out_of_memory() kills the
/// consumer with the most anonymous memory, one victim at a time; the reaper frees the victim's
/// anonymous pages without waiting for it; the victim's exit lets the killer choose again.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock, which also guards the pages the consumers hold.</remarks>
internal sealed class OomKiller(Zone zone, IReadOnlyList<MemoryConsumer> candidates, ReserveEventLog log)
{
    /// <summary>The OOM victim not yet exited, or null; while there is one the OOM killer kills no other. Set under the model's lock.</summary>
    public MemoryConsumer? Victim { get; private set; }

    public int OomKills { get; private set; }

    /// <summary>The tick of the first OOM kill, or null.</summary>
    public long? FirstKill { get; private set; }

    // out_of_memory(): kill the task with the most anonymous memory, unless a victim is still on its
    // way out, in which case wait for it. True when it chose a victim (progress).
    public bool OutOfMemory(long now)
    {
        if (Victim is not null)
        {
            return false;
        }
        MemoryConsumer? chosen = candidates.Where(c => !c.Exited && !c.FatalSignalPending)
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
        log.Add(now, ReserveEvent.OomKill,
            $"Out of memory: Kill process {chosen.Id} ({chosen.Name}) anon-rss:{chosen.HeldPagesLocked * 4}kB; free {zone.FreePages} pages, min {zone.Watermarks.Min}");
        return true;
    }

    /// <summary>The OOM reaper: frees the victim's anonymous pages without waiting for the victim. False when there is no victim left to reap.</summary>
    public bool TryReap(long now, out int reaped)
    {
        if (Victim is not MemoryConsumer victim || victim.Reaped)
        {
            reaped = 0;
            return false;
        }
        IReadOnlyList<int> pages = victim.TakeAnonymousLocked();
        foreach (int page in pages)
        {
            zone.Free(page, victim.Id);
        }
        victim.Reaped = true;
        reaped = pages.Count;
        log.Add(now, ReserveEvent.Reaped, $"oom_reaper: reaped process {victim.Id} ({victim.Name}), now anon-rss:0kB, freed {reaped} pages");
        return true;
    }

    /// <summary>A consumer has freed everything; if it was the victim the OOM killer may choose again.</summary>
    public void Exited(MemoryConsumer consumer, int freed, long now)
    {
        if (ReferenceEquals(Victim, consumer))
        {
            Victim = null;
        }
        log.Add(now, ReserveEvent.Exited, $"{consumer.Name}({consumer.Id}) exited, freeing {freed} pages");
    }
}
