using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The file pages the writers dirtied, as writeback and reclaim see them: dirty pages in the order
/// they were dirtied, clean pages in the order writeback cleaned them (reclaim takes the oldest
/// first), and how much writeback got done and when.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock.</remarks>
internal sealed class PageCache(Zone zone, ReserveScenario scenario)
{
    // Protected by the model's lock, as are the counters below.
    private readonly Queue<(int Page, long Owner, long Dirtied)> _dirty = new();
    private readonly Queue<(int Page, long Owner)> _clean = new();

    // Pages direct reclaim asked the flusher to write (wakeup_flusher_threads), not yet written.
    private long _kicked;

    public int DirtyPages => _dirty.Count;

    /// <summary>Dirty and clean pages: what the page cache holds of the zone.</summary>
    public long Pages => _dirty.Count + _clean.Count;

    public long WrittenBack { get; private set; }

    /// <summary>Pages written back after the first OOM kill: forward progress once memory has run out.</summary>
    public long WrittenBackAfterKill { get; private set; }

    /// <summary>The tick of the last writeback batch, or null.</summary>
    public long? LastWriteback { get; private set; }

    /// <summary>A writer's new page goes into the page cache, dirty.</summary>
    public void AddDirty(int page, long owner, long now) => _dirty.Enqueue((page, owner, now));

    /// <summary>
    /// Whether the flusher has work: dirty pages past the background threshold, dirty pages older
    /// than the expiry (periodic writeback writes those whatever the count), or pages direct
    /// reclaim asked it to write.
    /// </summary>
    public bool WritebackWanted(long now)
        => _dirty.Count > scenario.DirtyBackgroundThreshold
        || (_dirty.Count > 0 && (_kicked > 0 || now - _dirty.Peek().Dirtied >= scenario.DirtyExpireTicks));

    /// <summary>
    /// wakeup_flusher_threads(nr_pages) from direct reclaim (do_try_to_free_pages, mm/vmscan.c 4.2,
    /// once a reclaim pass has scanned more than one and a half batches): write back that many pages
    /// whatever the dirty thresholds say.
    /// </summary>
    public void Kick(long pages) => _kicked = Math.Max(_kicked, pages);

    /// <summary>Writeback: up to <paramref name="batch"/> dirty pages become clean (and so reclaimable).</summary>
    /// <param name="firstKill">The tick of the first OOM kill, or null: what is written from then on counts as progress after it.</param>
    public int WriteBack(int batch, long now, long? firstKill)
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
            _kicked = Math.Max(0, _kicked - written);
            LastWriteback = now;
            if (firstKill is long killed && now >= killed)
            {
                WrittenBackAfterKill += written;
            }
        }
        return written;
    }

    /// <summary>Direct reclaim: up to <paramref name="batch"/> clean pages go back to the zone.</summary>
    public int ReclaimClean(int batch)
    {
        int reclaimed = 0;
        while (reclaimed < batch && _clean.Count > 0)
        {
            (int page, long owner) = _clean.Dequeue();
            zone.Free(page, owner);
            reclaimed++;
        }
        return reclaimed;
    }
}
