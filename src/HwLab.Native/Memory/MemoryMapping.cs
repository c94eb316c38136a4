namespace HwLab.Native.Memory;

/// <summary>One line of /proc/PID/maps: a virtual address range and how it is mapped.</summary>
/// <param name="Permissions">Four characters as the kernel writes them, e.g. <c>rw-p</c>, or <c>---p</c> for a guard page.</param>
/// <param name="Path">The backing file or pseudo name (<c>[heap]</c>), empty for anonymous memory.</param>
public sealed record MemoryMapping(ulong Start, ulong End, string Permissions, string Path)
{
    public ulong Length => End - Start;

    public bool Contains(ulong address) => address >= Start && address < End;

    public bool Overlaps(ulong start, ulong end) => Start < end && start < End;

    /// <summary>No read, write or execute permission: any access faults.</summary>
    public bool IsInaccessible => Permissions.StartsWith("---", StringComparison.Ordinal);
}
