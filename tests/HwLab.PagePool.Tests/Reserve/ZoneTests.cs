using HwLab.PagePool.Zones;
using static HwLab.PagePool.Zones.AllocFlags;

namespace HwLab.PagePool.Tests.Reserve;

public sealed class ZoneTests
{
    /// <summary>256 pages with min_free_kbytes 64: min 16, low 20, high 24.</summary>
    internal static Zone Small() => new(new ZoneOptions { Pages = 256, MinFreeKbytes = 64 });

    [Fact]
    public void Allocations_stop_at_the_watermark_their_flags_allow()
    {
        using Zone zone = Small();
        Assert.Equal(new Watermarks(16, 20, 24), zone.Watermarks);
        int handedOut = 0;
        while (zone.TryAllocate(ALLOC_WMARK_MIN, 1) >= 0)
        {
            handedOut++;
        }
        Assert.Equal(16, zone.FreePages);            // stops with exactly min left
        Assert.Equal(256 - 16, handedOut);
        Assert.True(zone.TryAllocate(ALLOC_HIGH, 2) >= 0);  // ALLOC_HIGH goes on to min/2
        while (zone.TryAllocate(ALLOC_HIGH, 2) >= 0)
        {
        }
        Assert.Equal(8, zone.FreePages);
        while (zone.TryAllocate(ALLOC_NO_WATERMARKS, 3) >= 0)
        {
        }
        Assert.Equal(0, zone.FreePages);              // only ALLOC_NO_WATERMARKS empties it
        Assert.Empty(zone.CheckInvariants());
    }

    [Fact]
    public void Reclaim_counts_as_progress_until_it_has_scanned_six_times_the_reclaimable_pages_since_the_last_free()
    {
        using Zone zone = Small();
        int page = zone.TryAllocate(ALLOC_WMARK_LOW, 7);
        zone.NoteScanned(59);
        Assert.True(zone.Reclaimable(10));
        zone.NoteScanned(1);
        Assert.False(zone.Reclaimable(10));
        // Any page freed to the zone starts the count again (free_one_page, free_pcppages_bulk).
        zone.Free(page, 7);
        Assert.Equal(0, zone.PagesScanned);
        Assert.True(zone.Reclaimable(10));
        Assert.False(zone.Reclaimable(0));
    }

    [Fact]
    public void A_page_freed_by_another_owner_or_twice_is_caught()
    {
        using Zone zone = Small();
        int page = zone.TryAllocate(ALLOC_WMARK_LOW, 7);
        Assert.Equal(7, zone.OwnerOf(page));
        Assert.Throws<InvalidOperationException>(() => zone.Free(page, 8));
        zone.Free(page, 7);
        Assert.Throws<InvalidOperationException>(() => zone.Free(page, 7));
        Assert.Equal(-1, zone.OwnerOf(page));
        Assert.Equal(256, zone.FreePages);
        Assert.Empty(zone.CheckInvariants());
    }

    [Theory]
    [InlineData(4096, 16384, "do not fit the zone")]
    [InlineData(8, 64, "A zone holds 16")]
    [InlineData(4096, 2, "min_free_kbytes must be at least one page")]
    public void Watermarks_that_do_not_fit_the_zone_are_refused(long pages, long minFreeKbytes, string expected)
    {
        var error = Assert.Throws<ZoneConfigurationException>(() => new Zone(new ZoneOptions { Pages = pages, MinFreeKbytes = minFreeKbytes }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
