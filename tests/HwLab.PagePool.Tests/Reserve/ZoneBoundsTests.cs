using HwLab.PagePool.Zones;
using static HwLab.PagePool.Zones.AllocFlags;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>
/// The edges of a zone's settings and of its calls: each bound holds at its value and refuses the
/// next one, and each refusal says what it wanted.
/// </summary>
public sealed class ZoneBoundsTests
{
    [Theory]
    [InlineData(16, 4, 10, 0)]
    [InlineData(1L << 24, 4, 10, 0)]
    [InlineData(256, 4, 1, 0)]
    [InlineData(256, 4, 1000, 0)]
    [InlineData(256, 64, 10, 103)] // min 16, high 24: 24 + 103 = 127, under half of 256
    public void Settings_at_their_bounds_are_taken(long pages, long minFreeKbytes, int scale, long reserved)
        => new ZoneOptions { Pages = pages, MinFreeKbytes = minFreeKbytes, WatermarkScaleFactor = scale, ReservedHighatomic = reserved }.Validate();

    [Theory]
    [InlineData(15, 4, 10, 0, "A zone holds 16 to 16777216 pages of 4 KiB, not 15.")]
    [InlineData((1L << 24) + 1, 4, 10, 0, "A zone holds 16 to 16777216 pages of 4 KiB, not 16777217.")]
    [InlineData(256, 3, 10, 0, "min_free_kbytes must be at least one page (4 KiB), not 3.")]
    [InlineData(256, 4, 0, 0, "watermark_scale_factor runs from 1 to 1000, not 0.")]
    [InlineData(256, 4, 1001, 0, "watermark_scale_factor runs from 1 to 1000, not 1001.")]
    [InlineData(256, 64, 10, 104, "The watermarks do not fit the zone: min 16, low 20, high 24 pages (min_free_kbytes 64) leave less than half of its 256 pages above high; lower min_free_kbytes or enlarge the zone.")]
    [InlineData(256, 4, 10, -1, "The high-atomic reserve cannot be negative.")]
    public void Settings_past_their_bounds_are_refused_with_the_bound(long pages, long minFreeKbytes, int scale, long reserved, string message)
    {
        var options = new ZoneOptions { Pages = pages, MinFreeKbytes = minFreeKbytes, WatermarkScaleFactor = scale, ReservedHighatomic = reserved };

        Assert.Equal(message, Assert.Throws<ZoneConfigurationException>(options.Validate).Message);
    }

    [Fact]
    public void A_zone_checks_its_options_and_is_refused_without_them()
    {
        Assert.Throws<ArgumentNullException>(() => new Zone(null!));
        Assert.Throws<ZoneConfigurationException>(() => new Zone(new ZoneOptions { Pages = 256, MinFreeKbytes = 64, ReservedHighatomic = -1 }));
    }

    [Fact]
    public void A_zone_cancelled_while_its_pages_fault_in_is_not_made()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new Zone(new ZoneOptions { Pages = 256, MinFreeKbytes = 64 }, cancelled.Token));
    }

    [Fact]
    public void Pages_outside_the_zone_and_negative_owners_are_refused()
    {
        using Zone zone = ZoneTests.Small();

        var above = Assert.Throws<ArgumentOutOfRangeException>(() => zone.Free(256, 1));
        Assert.StartsWith("The zone has pages 0 to 255.", above.Message, StringComparison.Ordinal);
        Assert.Equal(256, above.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => zone.Free(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => zone.TryAllocate(ALLOC_WMARK_LOW, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => zone.NoteScanned(-1));
        Assert.Equal(256, zone.FreePages);
    }

    [Fact]
    public void A_wrong_owners_free_names_both_owners_and_changes_nothing()
    {
        using Zone zone = ZoneTests.Small();
        int first = zone.TryAllocate(ALLOC_WMARK_LOW, 1);
        int second = zone.TryAllocate(ALLOC_WMARK_LOW, 1);
        zone.NoteScanned(5);

        var e = Assert.Throws<InvalidOperationException>(() => zone.Free(first, 9));

        Assert.Equal($"Page {first} freed by 9 but owned by 1 (its stamp says 1).", e.Message);
        Assert.Equal(2, zone.AllocatedPages);
        Assert.Equal(254, zone.FreePages);
        Assert.Equal(5, zone.PagesScanned);
        Assert.NotEqual(first, second);
        Assert.Empty(zone.CheckInvariants());
    }

    [Theory]
    [InlineData(ALLOC_WMARK_MIN | ALLOC_HIGH | ALLOC_CPUSET, 16)]
    [InlineData(ALLOC_WMARK_LOW | ALLOC_HIGH | ALLOC_CPUSET, 20)]
    [InlineData(ALLOC_WMARK_HIGH | ALLOC_HARDER, 24)]
    public void The_mark_is_read_from_the_watermark_bits_alone(AllocFlags flags, long mark)
        => Assert.Equal(mark, new Watermarks(16, 20, 24).Mark(flags));

    [Theory]
    [InlineData(ALLOC_HARDER)]
    [InlineData(ALLOC_OOM)]
    public void Harder_or_oom_alone_may_use_the_high_atomic_reserve(AllocFlags flags)
    {
        // 10 pages reserved and just 10 more than the flags' min free: only the reserve lifts it over.
        long min = ZoneWatermark.EffectiveMin(24, flags);

        Assert.True(ZoneWatermark.__zone_watermark_ok(min + 10, 0, 24, flags, nrReservedHighatomic: 10));
        Assert.False(ZoneWatermark.__zone_watermark_ok(24 + 10, 0, 24, ALLOC_WMARK_MIN, nrReservedHighatomic: 10));
    }

    [Fact]
    public void A_stray_write_over_a_pages_stamp_is_caught_where_the_page_is_next_used()
    {
        using Zone zone = ZoneTests.Small();
        int held = zone.TryAllocate(ALLOC_WMARK_LOW, 1);
        int next = held + 1; // pages are handed out from 0 upwards

        zone.OverwriteStamp(held, 7);
        zone.OverwriteStamp(next, 5);

        Assert.Equal(
            [$"page {held} is stamped 7 but owned by 1", $"page {next} is stamped 5 but owned by -1"],
            zone.CheckInvariants());
        Assert.Equal($"Page {held} freed by 1 but owned by 1 (its stamp says 7).", Assert.Throws<InvalidOperationException>(() => zone.Free(held, 1)).Message);
        Assert.Equal(
            $"Page {next} is on the free list but owned by -1 (its stamp says 5): handed out twice, or written over.",
            Assert.Throws<InvalidOperationException>(() => zone.TryAllocate(ALLOC_WMARK_LOW, 2)).Message);
    }
}
