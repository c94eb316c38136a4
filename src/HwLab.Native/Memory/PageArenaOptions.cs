namespace HwLab.Native.Memory;

/// <summary>How a <see cref="PageArena"/> is mapped. The default is plain page-aligned, zeroed, lazily faulted memory.</summary>
public sealed record PageArenaOptions
{
    /// <summary>The size of a transparent huge page on x86_64 and arm64 (4 KiB base pages).</summary>
    public const long HugePageSize = 2 * 1024 * 1024;

    public static PageArenaOptions Default { get; } = new();

    /// <summary>
    /// Alignment of the arena's first byte: a power of two, at least the page size (0 means the page size).
    /// Cache-line experiments want the array's start at a known line and page offset.
    /// </summary>
    public long Alignment { get; init; }

    /// <summary>
    /// Align to 2 MiB and ask the kernel for transparent huge pages (madvise MADV_HUGEPAGE), so that
    /// TLB misses stay out of the measurement. Whether the kernel obliged is in <see cref="PageArena.QueryHugePages"/>.
    /// </summary>
    public bool TransparentHugePages { get; init; }

    /// <summary>Touch every page up front so page faults stay out of the measurement.</summary>
    public bool Prefault { get; init; }

    /// <summary>Lock the pages in memory (mlock / VirtualLock) so they cannot be swapped out mid-run.</summary>
    public bool Lock { get; init; }

    /// <summary>Surround the arena with an inaccessible page on each side, so an overrun faults at once.</summary>
    public bool GuardPages { get; init; }

    internal long EffectiveAlignment(long pageSize)
    {
        long alignment = Alignment == 0 ? pageSize : Alignment;
        if (TransparentHugePages)
        {
            alignment = Math.Max(alignment, HugePageSize);
        }
        if (alignment < pageSize || !long.IsPow2(alignment))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Alignment), Alignment, $"An arena's alignment must be a power of two and at least the page size ({pageSize} bytes).");
        }
        return alignment;
    }
}
