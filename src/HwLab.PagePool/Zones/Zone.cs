using HwLab.Native.Memory;

namespace HwLab.PagePool.Zones;

/// <summary>
/// A memory zone of real 4 KiB pages in a <see cref="PageArena"/>: a free list, a free count, and
/// the min/low/high watermarks every allocation is checked against (__zone_watermark_ok). Each
/// page carries its owner in its first bytes while it is handed out, and a free checks it, so a
/// page handed out twice or freed by the wrong owner is caught where it happens.
/// </summary>
/// <remarks>Not thread-safe: the caller holds the zone lock (zone->lock).</remarks>
public sealed unsafe class Zone : IDisposable
{
    public const int PageBytes = 4096;
    private const long FreeMarker = -1;

    private readonly PageArena _pages;
    private readonly int[] _freeList;
    private readonly long[] _owner; // -1 while free: a managed mirror of what each page says
    private long _free;

    /// <param name="cancellation">Looked at while the pages are faulted in, which for a large zone takes a while.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled before the zone was ready.</exception>
    public Zone(ZoneOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Watermarks = options.Watermarks;
        _pages = PageArena.Allocate(options.Pages * PageBytes);
        try
        {
            ArenaPrefault.Touch(_pages, cancellation);
        }
        catch
        {
            _pages.Dispose();
            throw;
        }
        _freeList = new int[options.Pages];
        _owner = new long[options.Pages];
        Reset();
    }

    public ZoneOptions Options { get; }

    public Watermarks Watermarks { get; }

    /// <summary>managed_pages.</summary>
    public long Managed => Options.Pages;

    /// <summary>NR_FREE_PAGES.</summary>
    public long FreePages => _free;

    public long AllocatedPages => Managed - _free;

    /// <summary>
    /// NR_PAGES_SCANNED: pages reclaim has scanned since a page was last freed to the zone. Any free
    /// sets it back to zero, as free_one_page and free_pcppages_bulk do (mm/page_alloc.c, 4.x before
    /// 4.8 moved reclaim to nodes); reclaim adds what it scans (<see cref="NoteScanned"/>).
    /// </summary>
    public long PagesScanned { get; private set; }

    /// <summary>Reclaim scanned <paramref name="pages"/> LRU pages without freeing any.</summary>
    public void NoteScanned(long pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        PagesScanned += pages;
    }

    /// <summary>
    /// zone_reclaimable (mm/vmscan.c, 4.2): reclaim still counts as progress while it has scanned
    /// fewer than six times the zone's reclaimable pages since the last free.
    /// </summary>
    public bool Reclaimable(long reclaimablePages) => PagesScanned < reclaimablePages * 6;

    /// <summary>Every page free again, each page stamped free.</summary>
    public void Reset()
    {
        _free = Managed;
        PagesScanned = 0;
        for (int page = 0; page < Managed; page++)
        {
            _freeList[page] = (int)(Managed - 1 - page);
            _owner[page] = FreeMarker;
            *Stamp(page) = FreeMarker;
        }
    }

    /// <summary>
    /// Hands one page to <paramref name="owner"/> if the watermark check for <paramref name="flags"/>
    /// passes (or the flags carry ALLOC_NO_WATERMARKS); -1 otherwise.
    /// </summary>
    public int TryAllocate(AllocFlags flags, long owner)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(owner);
        if ((flags & AllocFlags.ALLOC_NO_WATERMARKS) == 0
            && !ZoneWatermark.__zone_watermark_ok(_free, 0, Watermarks.Mark(flags), flags, Options.ReservedHighatomic))
        {
            return -1;
        }
        if (_free == 0)
        {
            return -1;
        }
        int page = _freeList[--_free];
        if (_owner[page] != FreeMarker || *Stamp(page) != FreeMarker)
        {
            throw new InvalidOperationException($"Page {page} is on the free list but owned by {_owner[page]} (its stamp says {*Stamp(page)}): handed out twice, or written over.");
        }
        _owner[page] = owner;
        *Stamp(page) = owner;
        return page;
    }

    /// <summary>Gives <paramref name="page"/> back; it must belong to <paramref name="owner"/>.</summary>
    public void Free(int page, long owner)
    {
        if ((uint)page >= (uint)Managed)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, $"The zone has pages 0 to {Managed - 1}.");
        }
        if (_owner[page] != owner || *Stamp(page) != owner)
        {
            throw new InvalidOperationException($"Page {page} freed by {owner} but owned by {_owner[page]} (its stamp says {*Stamp(page)}).");
        }
        _owner[page] = FreeMarker;
        *Stamp(page) = FreeMarker;
        _freeList[_free++] = page;
        PagesScanned = 0;
    }

    /// <summary>The owner a page is stamped with, or -1 when free.</summary>
    public long OwnerOf(int page) => _owner[page];

    /// <summary>Allocated + free = managed, and every page's stamp agrees with the free list.</summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        long stampedFree = 0;
        for (int page = 0; page < Managed; page++)
        {
            if (*Stamp(page) != _owner[page])
            {
                problems.Add($"page {page} is stamped {*Stamp(page)} but owned by {_owner[page]}");
            }
            stampedFree += _owner[page] == FreeMarker ? 1 : 0;
        }
        if (stampedFree != _free)
        {
            problems.Add($"{stampedFree} pages are free by their stamps but the free count is {_free}");
        }
        var onList = new HashSet<int>();
        for (long i = 0; i < _free; i++)
        {
            if (!onList.Add(_freeList[i]))
            {
                problems.Add($"page {_freeList[i]} is on the free list twice");
            }
        }
        return problems;
    }

    public void Dispose() => _pages.Dispose();

    /// <summary>
    /// Writes <paramref name="value"/> over a page's owner stamp, as a stray write into the page
    /// would; the model never does, so this is how the checks that catch one are tested.
    /// </summary>
    internal void OverwriteStamp(int page, long value) => *Stamp(page) = value;

    private long* Stamp(int page) => (long*)_pages.BytePointer((long)page * PageBytes, sizeof(long));
}
