using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>
/// The page cache of the default scenario (4096 pages: background writeback past 409 dirty pages,
/// dirty pages expiring after 3000 ticks) on its own: when the flusher has work, what a batch
/// writes, what reclaim takes back.
/// </summary>
public sealed class PageCacheTests
{
    private static readonly ReserveScenario s_scenario = new();

    // A page cache over its own zone with pages dirtied by owner 1 at the given ticks.
    private static (Zone Zone, PageCache Cache) Dirtied(params long[] ticks)
    {
        var zone = new Zone(s_scenario.ZoneOptions);
        var cache = new PageCache(zone, s_scenario);
        foreach (long tick in ticks)
        {
            cache.AddDirty(zone.TryAllocate(AllocFlags.ALLOC_WMARK_LOW, 1), 1, tick);
        }
        return (zone, cache);
    }

    [Fact]
    public void The_flusher_has_work_past_the_background_threshold_or_once_the_oldest_dirty_page_expires()
    {
        (Zone zone, PageCache cache) = Dirtied([.. Enumerable.Repeat(100L, 409)]);
        using (zone)
        {
            Assert.Equal(409, s_scenario.DirtyBackgroundThreshold);
            Assert.False(cache.WritebackWanted(100));
            // dirty_expire_centisecs: a page dirtied at 100 is due at 3100, not a tick before.
            Assert.False(cache.WritebackWanted(100 + s_scenario.DirtyExpireTicks - 1));
            Assert.True(cache.WritebackWanted(100 + s_scenario.DirtyExpireTicks));
            cache.AddDirty(zone.TryAllocate(AllocFlags.ALLOC_WMARK_LOW, 1), 1, 200);
            Assert.True(cache.WritebackWanted(200));
        }
    }

    [Fact]
    public void A_kick_from_reclaim_gives_the_flusher_work_until_that_many_pages_are_written()
    {
        (Zone zone, PageCache cache) = Dirtied([.. Enumerable.Repeat(0L, 100)]);
        using (zone)
        {
            Assert.False(cache.WritebackWanted(0));
            // wakeup_flusher_threads(nr_pages): the larger of two kicks stands.
            cache.Kick(40);
            cache.Kick(10);
            Assert.True(cache.WritebackWanted(0));
            Assert.Equal(32, cache.WriteBack(32, 1, firstKill: null));
            Assert.True(cache.WritebackWanted(1));
            Assert.Equal(32, cache.WriteBack(32, 2, firstKill: null));
            Assert.False(cache.WritebackWanted(2));
            Assert.Equal((36, 100L), (cache.DirtyPages, cache.Pages));
        }
    }

    [Fact]
    public void Nothing_dirty_is_no_work_whatever_was_kicked()
    {
        (Zone zone, PageCache cache) = Dirtied();
        using (zone)
        {
            cache.Kick(100);
            Assert.False(cache.WritebackWanted(100_000));
            Assert.Equal(0, cache.WriteBack(32, 1, firstKill: 0));
            Assert.Null(cache.LastWriteback);
            Assert.Equal(0, cache.WrittenBack);
        }
    }

    [Fact]
    public void Writeback_counts_what_it_writes_from_the_first_kills_tick_on_and_reclaim_takes_clean_pages_oldest_first()
    {
        (Zone zone, PageCache cache) = Dirtied([.. Enumerable.Repeat(0L, 70)]);
        using (zone)
        {
            Assert.Equal(32, cache.WriteBack(32, 9, firstKill: 10));
            Assert.Equal(32, cache.WriteBack(32, 10, firstKill: 10));
            Assert.Equal(6, cache.WriteBack(32, 11, firstKill: 10));
            Assert.Equal((70L, 38L, 11L), (cache.WrittenBack, cache.WrittenBackAfterKill, cache.LastWriteback));
            Assert.Equal(0, cache.DirtyPages);

            long free = zone.FreePages;
            Assert.Equal(50, cache.ReclaimClean(50));
            Assert.Equal(20, cache.ReclaimClean(50));
            Assert.Equal(0, cache.ReclaimClean(50));
            Assert.Equal((free + 70, 0L), (zone.FreePages, cache.Pages));
        }
    }
}
