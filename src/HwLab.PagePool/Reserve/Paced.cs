namespace HwLab.PagePool.Reserve;

/// <summary>
/// A page a tick at most. The deterministic scheduler steps one task a tick, so there the cap never
/// binds; in threaded mode it keeps a thread that never waits from filling the zone in a fraction
/// of a millisecond, before the writers have built up any page cache, so both modes see the same
/// order of events.
/// </summary>
internal static class Paced
{
    /// <param name="firstTick">When the task first asked; set on the first call.</param>
    /// <param name="taken">Pages it has had so far.</param>
    public static bool MayTakeAnother(ref long firstTick, long taken, long now)
    {
        if (firstTick < 0)
        {
            firstTick = now;
        }
        return taken <= now - firstTick;
    }
}
