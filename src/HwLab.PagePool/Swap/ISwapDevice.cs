using HwLab.Layout;

namespace HwLab.PagePool.Swap;

/// <summary>
/// A swap device following mm/swapfile.c with the seed patch, or as merged 4.11 shipped it, over
/// one layout generation and one lock mode. Offsets are swap slots; 0 is the header and means "no
/// slot". Every operation names the CPU it runs on, as the kernel's run on the current CPU: its
/// percpu_cluster, its slot cache, its counters. The kernel functions keep their names in the
/// implementation; this interface is what callers use.
/// </summary>
/// <remarks>
/// A thread that calls into the device while another does must first make itself one of the
/// device's CPUs with <see cref="EnterCpu"/>: a queued spinlock's waiters queue on per-CPU nodes.
/// </remarks>
public interface ISwapDevice : IDisposable
{
    SwapLockMode Mode { get; }

    /// <summary>How the device's spinlock_t locks are taken.</summary>
    SpinlockForm Spinlock { get; }

    ClusterLayout Layout { get; }

    SwapDeviceOptions Options { get; }

    /// <summary>Slots, header included.</summary>
    long Slots { get; }

    long Clusters { get; }

    /// <summary>SWAP_CLUSTER_COLS the free list was built with (1 for sequential order).</summary>
    int SwapClusterCols { get; }

    /// <summary>get_swap_page() on <paramref name="cpu"/>: a slot with usage SWAP_HAS_CACHE, or 0 when the device is full.</summary>
    long GetSwapPage(int cpu);

    /// <summary>swap_duplicate() on <paramref name="cpu"/>: one more reference. 0, or -ENOENT for an unused slot or the header, -ENOMEM at SWAP_MAP_MAX (continuations are not modelled), -EINVAL for shmem's slot.</summary>
    int SwapDuplicate(long offset, int cpu);

    /// <summary>
    /// swapcache_prepare() on <paramref name="cpu"/>: the swap cache's hold on a slot that is still
    /// referenced, as swap-in takes it before it reads the page (__read_swap_cache_async). 0, or
    /// -EEXIST when the cache holds the slot already, -ENOENT when nothing references it.
    /// </summary>
    int SwapcachePrepare(long offset, int cpu);

    /// <summary>swap_free() on <paramref name="cpu"/>: drops one reference.</summary>
    void SwapFree(long offset, int cpu);

    /// <summary>swapcache_free() on <paramref name="cpu"/>: drops the swap cache's hold; the slot is free once nothing else holds it (with 4.11, once its CPU's slot cache returns it).</summary>
    void SwapcacheFree(long offset, int cpu);

    /// <summary>page_swapcount() on <paramref name="cpu"/>: the references, without the cache.</summary>
    int PageSwapcount(long offset, int cpu);

    /// <summary>Swap-out: copies a page into the slot's backing page.</summary>
    void WritePage(long offset, ReadOnlySpan<byte> page);

    /// <summary>Swap-in: copies the slot's backing page out.</summary>
    void ReadPage(long offset, Span<byte> page);

    /// <summary>The slot's stamp (its page's first 8 bytes) without copying the page.</summary>
    ulong ReadStamp(long offset);

    /// <summary>si->swap_map[offset], for checks.</summary>
    byte SwapMapAt(long offset);

    /// <summary>New-cluster picks of one CPU since the last <see cref="Reset"/> or <see cref="ClearCounters"/>.</summary>
    SwapPicks Picks(int cpu);

    /// <summary>How often <paramref name="cpu"/> took si->lock since the last <see cref="Reset"/> or <see cref="ClearCounters"/>.</summary>
    long SwapInfoLocks(int cpu);

    /// <summary>Starts the pick and lock counts afresh, leaving the device as it is.</summary>
    void ClearCounters();

    /// <summary>
    /// Makes the calling thread <paramref name="cpu"/> of the device's queued spinlocks until the
    /// result is disposed on that thread, or the thread ends. Needed by every thread that uses the
    /// device while another does; harmless with ticket locks.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another live thread is that CPU, or this thread is already a CPU of a queued spinlock table.</exception>
    IDisposable EnterCpu(int cpu);

    /// <summary>
    /// __drain_swap_slots_cache() as swapoff runs it: every CPU's cached slots go back to the device,
    /// so each slot nothing holds reads 0 in swap_map again. Nothing to do without slot caches; call it at rest.
    /// </summary>
    void DrainSlotsCaches();

    /// <summary>Back to the state of a fresh swapon: every slot free, the free list rebuilt in its order, no CPU holding a cluster.</summary>
    void Reset();

    /// <summary>Checks every invariant at rest (no operation in flight).</summary>
    SwapInvariantReport CheckInvariants();
}
