namespace HwLab.PagePool.Reserve;

/// <summary>Who holds the lock the OOM victim waits on while its own allocation loops without __GFP_FS.</summary>
public enum LockHolder
{
    /// <summary>A kernel thread: the writeback worker (the seed's kworker/u16:29 in wb_workfn), allocating an XFS buffer page.</summary>
    KernelThread,

    /// <summary>Another thread of the victim (file_writer/0): dying after the kill, with a fatal signal pending but no TIF_MEMDIE.</summary>
    DyingThread,
}

/// <summary>Lock-holder names as the command line and results write them.</summary>
public static class LockHolders
{
    public static IReadOnlyList<string> Names { get; } = ["kthread", "thread"];

    public static string Name(LockHolder holder) => holder == LockHolder.DyingThread ? "thread" : "kthread";

    /// <exception cref="Zones.ZoneConfigurationException">Not a lock-holder name.</exception>
    public static LockHolder Parse(string name) => name switch
    {
        "kthread" => LockHolder.KernelThread,
        "thread" => LockHolder.DyingThread,
        _ => throw new Zones.ZoneConfigurationException($"There is no lock holder {name}; the holders are kthread and thread."),
    };
}
