using HwLab.Layout;

namespace HwLab.PagePool.Swap;

/// <summary>
/// A swap device following mm/swapfile.c with the seed patch, over one layout generation and one
/// lock mode. Offsets are swap slots; 0 is the header and means "no slot". The kernel functions
/// keep their names in the implementation; this interface is what callers use.
/// </summary>
public interface ISwapDevice : IDisposable
{
    SwapLockMode Mode { get; }

    ClusterLayout Layout { get; }

    SwapDeviceOptions Options { get; }

    /// <summary>Slots, header included.</summary>
    long Slots { get; }

    long Clusters { get; }

    /// <summary>SWAP_CLUSTER_COLS the free list was built with (1 for sequential order).</summary>
    int SwapClusterCols { get; }

    /// <summary>get_swap_page() on <paramref name="cpu"/>: a slot with usage SWAP_HAS_CACHE, or 0 when the device is full.</summary>
    long GetSwapPage(int cpu);

    /// <summary>swap_duplicate(): one more reference. 0, or -ENOENT for an unused slot, -ENOMEM at SWAP_MAP_MAX (continuations are not modelled).</summary>
    int SwapDuplicate(long offset);

    /// <summary>swap_free(): drops one reference.</summary>
    void SwapFree(long offset);

    /// <summary>swapcache_free(): drops the swap cache's hold; the slot is free once nothing else holds it.</summary>
    void SwapcacheFree(long offset);

    /// <summary>page_swapcount(): the references, without the cache.</summary>
    int PageSwapcount(long offset);

    /// <summary>Swap-out: copies a page into the slot's backing page.</summary>
    void WritePage(long offset, ReadOnlySpan<byte> page);

    /// <summary>Swap-in: copies the slot's backing page out.</summary>
    void ReadPage(long offset, Span<byte> page);

    /// <summary>The slot's stamp (its page's first 8 bytes) without copying the page.</summary>
    ulong ReadStamp(long offset);

    /// <summary>si->swap_map[offset], for checks.</summary>
    byte SwapMapAt(long offset);

    /// <summary>New-cluster picks of one CPU since the last <see cref="Reset"/> or <see cref="ClearPicks"/>.</summary>
    SwapPicks Picks(int cpu);

    /// <summary>Starts the pick counts afresh, leaving the device as it is.</summary>
    void ClearPicks();

    /// <summary>Back to the state of a fresh swapon: every slot free, the free list rebuilt in its order, no CPU holding a cluster.</summary>
    void Reset();

    /// <summary>Checks every invariant at rest (no operation in flight).</summary>
    SwapInvariantReport CheckInvariants();
}
