using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The zone's free pages over the run: a timeline recorded at least every
/// <paramref name="everyTicks"/>, the deepest point, whether they reached zero, when they first fell
/// to min and when they stood at high again.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock.</remarks>
internal sealed class FreePagesTimeline(Zone zone, int everyTicks)
{
    // Protected by the model's lock, as are the properties below.
    private readonly List<(long Tick, long Free)> _points = [];
    private long _lastSample = long.MinValue;

    public long DeepestFree { get; private set; } = zone.FreePages;

    public bool ReachedZero { get; private set; }

    /// <summary>The first tick free pages fell to the min watermark, or null.</summary>
    public long? PressureStart { get; private set; }

    /// <summary>The first tick after the pressure began that free pages stood at the high watermark again, or null.</summary>
    public long? RecoveredAt { get; private set; }

    /// <summary>Looks at the zone's free pages at <paramref name="now"/>, after anything that may have changed them.</summary>
    public void Note(long now)
    {
        long free = zone.FreePages;
        DeepestFree = Math.Min(DeepestFree, free);
        ReachedZero |= free == 0;
        if (PressureStart is null && free <= zone.Watermarks.Min)
        {
            PressureStart = now;
        }
        else if (PressureStart is not null && RecoveredAt is null && free >= zone.Watermarks.High)
        {
            RecoveredAt = now;
        }
        if (now - _lastSample >= everyTicks || _points.Count == 0)
        {
            _points.Add((now, free));
            _lastSample = now;
        }
    }

    /// <summary>A copy of the timeline so far, for readers outside the lock.</summary>
    public IReadOnlyList<(long Tick, long Free)> Snapshot() => [.. _points];
}
