namespace HwLab.PagePool.Reserve;

/// <summary>The scenario's kernel log: OOM kills, allocation deadlock warnings, reaps and exits, in the order they happened.</summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock.</remarks>
internal sealed class ReserveEventLog
{
    // Protected by the model's lock.
    private readonly List<ReserveEvent> _events = [];

    /// <summary>How many of the events are warnings.</summary>
    public long Warnings { get; private set; }

    /// <param name="kind">One of <see cref="ReserveEvent"/>'s constants.</param>
    public void Add(long tick, string kind, string text)
    {
        _events.Add(new ReserveEvent(tick, kind, text));
        if (kind == ReserveEvent.Warning)
        {
            Warnings++;
        }
    }

    /// <summary>A copy of the events so far, for readers outside the lock.</summary>
    public IReadOnlyList<ReserveEvent> Snapshot() => [.. _events];
}
