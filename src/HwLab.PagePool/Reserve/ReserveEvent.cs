namespace HwLab.PagePool.Reserve;

/// <summary>Something the scenario's kernel would log, at the tick it happened.</summary>
/// <param name="Kind">One of the constants: oom-kill, warning, reaped, exited.</param>
public sealed record ReserveEvent(long Tick, string Kind, string Text)
{
    public const string OomKill = "oom-kill";
    public const string Warning = "warning";
    public const string Reaped = "reaped";
    public const string Exited = "exited";
}
