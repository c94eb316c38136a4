namespace HwLab.Native.Memory;

/// <summary>Whether an arena really got transparent huge pages, as the kernel reports it.</summary>
/// <param name="Requested">The arena asked for them (<see cref="PageArenaOptions.TransparentHugePages"/>).</param>
/// <param name="HugePageBytes">Bytes of the arena backed by huge pages (smaps AnonHugePages), or null when it cannot be known.</param>
/// <param name="ArenaBytes">The arena's length.</param>
/// <param name="Detail">One sentence for people: how much, or why none.</param>
public sealed record HugePageReport(bool Requested, long? HugePageBytes, long ArenaBytes, string Detail)
{
    /// <summary>True when every byte of the arena is in huge pages.</summary>
    public bool FullyBacked => HugePageBytes == ArenaBytes;
}
