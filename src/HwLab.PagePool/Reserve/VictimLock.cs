namespace HwLab.PagePool.Reserve;

/// <summary>Which lock the OOM victim waits on.</summary>
public enum VictimLock
{
    /// <summary>An XFS inode lock: the holder takes it exclusively, and so does the victim.</summary>
    XfsInodeLock,

    /// <summary>The victim process's mmap_sem: the holder takes it for writing, the victim for reading (exit_mm, page faults).</summary>
    MmapSem,
}

/// <summary>Lock names as the command line and results write them.</summary>
public static class VictimLocks
{
    public static IReadOnlyList<string> Names { get; } = ["xfs", "mmap-sem"];

    public static string Name(VictimLock victimLock) => victimLock == VictimLock.MmapSem ? "mmap-sem" : "xfs";

    /// <summary>The lock as a kernel engineer would name it in a sentence.</summary>
    public static string Describe(VictimLock victimLock) => victimLock == VictimLock.MmapSem ? "mmap_sem" : "the XFS inode lock";

    /// <exception cref="Zones.ZoneConfigurationException">Not a lock name.</exception>
    public static VictimLock Parse(string name) => name switch
    {
        "xfs" => VictimLock.XfsInodeLock,
        "mmap-sem" => VictimLock.MmapSem,
        _ => throw new Zones.ZoneConfigurationException($"There is no lock {name}; the locks are xfs and mmap-sem."),
    };
}
