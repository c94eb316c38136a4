using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>The free-page timeline over a small zone (256 pages: min 16, low 20, high 24), recorded every 10 ticks at most.</summary>
public sealed class FreePagesTimelineTests
{
    // Takes pages (past every watermark) or gives them back until the zone has exactly free pages.
    private static void Bring(Zone zone, Stack<int> held, long free)
    {
        while (zone.FreePages > free)
        {
            held.Push(zone.TryAllocate(AllocFlags.ALLOC_NO_WATERMARKS, 1));
        }
        while (zone.FreePages < free)
        {
            zone.Free(held.Pop(), 1);
        }
    }

    [Fact]
    public void The_timeline_samples_every_ten_ticks_and_marks_the_first_fall_to_min_and_the_first_return_to_high()
    {
        using Zone zone = ZoneTests.Small();
        var timeline = new FreePagesTimeline(zone, 10);
        var held = new Stack<int>();
        Assert.Equal(256, timeline.DeepestFree);
        Assert.Empty(timeline.Snapshot());

        // Free pages brought to each value, then a look at the tick beside it; what the marks say after each look.
        (long Free, long Tick)[] steps = [(256, 3), (17, 12), (16, 13), (0, 22), (23, 24), (24, 30), (0, 40), (256, 50)];
        var marks = new List<(long? PressureStart, long? RecoveredAt, bool ReachedZero)>();
        foreach ((long free, long tick) in steps)
        {
            Bring(zone, held, free);
            timeline.Note(tick);
            marks.Add((timeline.PressureStart, timeline.RecoveredAt, timeline.ReachedZero));
        }

        // Pressure starts at min itself, recovery at high itself; a second fall, to zero again, and
        // a second return move neither, and zero once reached stays reached.
        (long?, long?, bool)[] expectedMarks =
        [
            (null, null, false), (null, null, false), (13, null, false), (13, null, true),
            (13, null, true), (13, 30, true), (13, 30, true), (13, 30, true),
        ];
        Assert.Equal(expectedMarks, marks);
        Assert.Equal(0, timeline.DeepestFree);
        // A point at the first look, then one whenever ten ticks have passed since the last.
        (long, long)[] expected = [(3, 256), (13, 16), (24, 23), (40, 0), (50, 256)];
        Assert.Equal(expected, timeline.Snapshot());
    }

    [Fact]
    public void A_zone_at_high_before_any_fall_to_min_has_not_recovered_from_anything()
    {
        using Zone zone = ZoneTests.Small();
        var timeline = new FreePagesTimeline(zone, 1);
        timeline.Note(0);
        timeline.Note(1);
        Assert.Null(timeline.RecoveredAt);
        Assert.Null(timeline.PressureStart);
        Assert.Equal([(0L, 256L), (1L, 256L)], timeline.Snapshot());
    }
}
