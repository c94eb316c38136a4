using HwLab.Lab.Engine;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// One worker copying 4 KiB pages the way the swap workload does: a page from its buffer out
/// into slot s of a region, then the page <c>distance</c> slots behind back into the buffer, s
/// moving on through the region and wrapping. The region is on transparent huge pages where the
/// kernel obliges, as the swap device's backing pages are, so the copy meets the same caches,
/// TLB reach and write-back as the device's does.
/// </summary>
internal sealed unsafe class PageSwapCopyWorkload : IClusterWorkload
{
    private const int PageBytes = 4096;

    private readonly PageArena _region;
    private readonly PageArena _buffer;
    private readonly long _pages;
    private readonly long _distance;
    private long _next;

    /// <param name="pages">Slots in the region.</param>
    /// <param name="distance">How far behind the page copied out is; less than <paramref name="pages"/>.</param>
    public PageSwapCopyWorkload(long pages, long distance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(distance, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(distance, pages);
        _pages = pages;
        _distance = distance;
        _region = PageArena.Allocate(pages * PageBytes, new PageArenaOptions { TransparentHugePages = true, Prefault = true });
        try
        {
            _buffer = PageArena.Allocate(PageBytes, new PageArenaOptions { Prefault = true });
        }
        catch
        {
            _region.Dispose();
            throw;
        }
    }

    public int Workers => 1;

    // The position carries over from run to run: each probe goes on where the last left off, as
    // the device's allocator does, instead of re-reading pages the last probe left in the cache.
    public void BeginRun()
    {
    }

    public void Prepare(int worker)
    {
    }

    public void RunBatch(int worker, long operations)
    {
        byte* region = (byte*)_region.Pointer;
        byte* buffer = (byte*)_buffer.Pointer;
        for (long i = 0; i < operations; i++)
        {
            long slot = _next++ % _pages;
            long behind = (slot + _pages - _distance) % _pages;
            Buffer.MemoryCopy(buffer, region + (slot * PageBytes), PageBytes, PageBytes);
            Buffer.MemoryCopy(region + (behind * PageBytes), buffer, PageBytes, PageBytes);
        }
    }

    public void Verify(TeamRun run)
    {
    }

    public void Dispose()
    {
        _region.Dispose();
        _buffer.Dispose();
    }
}
