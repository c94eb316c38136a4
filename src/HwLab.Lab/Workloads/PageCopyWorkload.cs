using HwLab.Lab.Engine;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// One worker copying 4 KiB pages from one buffer to another, page after page, as the swap
/// device copies a page in and out: the memory system's speed as one CPU sees it. The buffers are
/// larger than the caches a vCPU is likely to have to itself, so the copy reaches memory.
/// </summary>
internal sealed unsafe class PageCopyWorkload : IClusterWorkload
{
    private const int PageBytes = 4096;

    private readonly PageArena _from;
    private readonly PageArena _to;
    private readonly long _pages;
    private long _next;

    public PageCopyWorkload(long pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        _pages = pages;
        var options = new PageArenaOptions { Prefault = true };
        _from = PageArena.Allocate(pages * PageBytes, options);
        try
        {
            _to = PageArena.Allocate(pages * PageBytes, options);
        }
        catch
        {
            _from.Dispose();
            throw;
        }
    }

    public int Workers => 1;

    public void BeginRun() => _next = 0;

    public void Prepare(int worker)
    {
    }

    public void RunBatch(int worker, long operations)
    {
        byte* from = (byte*)_from.Pointer;
        byte* to = (byte*)_to.Pointer;
        for (long i = 0; i < operations; i++)
        {
            long offset = (_next++ % _pages) * PageBytes;
            Buffer.MemoryCopy(from + offset, to + offset, PageBytes, PageBytes);
        }
    }

    public void Verify(TeamRun run)
    {
    }

    public void Dispose()
    {
        _from.Dispose();
        _to.Dispose();
    }
}
