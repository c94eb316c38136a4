using System.Runtime.CompilerServices;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Memory;
using static HwLab.PagePool.Swap.SwapMap;

namespace HwLab.PagePool.Swap;

/// <summary>
/// A swap device in native memory that follows mm/swapfile.c as the seed patch leaves it, or as
/// merged 4.11 shipped it: si->swap_map (a byte per slot), si->cluster_info (an array of
/// <typeparamref name="TCluster"/>), the free cluster list, a percpu_cluster per CPU,
/// lowest_bit/highest_bit, si->lock, the globals nr_swap_pages and swap_avail_lock, with 4.11 the
/// per-CPU swap slot caches, and a backing page per slot. <typeparamref name="TLock"/> is the cluster
/// lock: <see cref="NoClusterLock"/> (everything under si->lock, before the patch),
/// <see cref="ClusterBitLock"/> (the seed's bit 2) or the spinlock_t form <typeparamref name="TSpin"/>.
/// <typeparamref name="TSpin"/> is how every spinlock_t is taken: <see cref="ClusterQueuedSpinLock"/>
/// (x86 since 4.2) or <see cref="ClusterTicketLock"/> (before).
/// </summary>
/// <remarks>
/// As in the patch, allocation (get_swap_page) runs under si->lock and takes the cluster lock
/// around swap_map; swap_free and swap_duplicate take only the cluster lock; the final free of a
/// slot takes si->lock too, because it may put the cluster back on the free list. Merged 4.11
/// allocates through the slot cache in batches and frees in batches (SwapDevice.SlotsCache.cs).
/// Methods keep the kernel's names; comments quote it where the behaviour is subtle.
/// </remarks>
public sealed unsafe partial class SwapDevice<TCluster, TLock, TSpin> : ISwapDevice
    where TCluster : unmanaged, IClusterInfo<TCluster>
    where TLock : struct, IClusterLock
    where TSpin : struct, IClusterLock
{
    private const int PercpuStride = 128;
    private const int PicksStride = 16; // longs: 128 bytes between CPUs' counters (5 used)
    private const int SwapInfoLocksAt = 4; // a CPU's si->lock acquisitions, after its 4 pick counters

    private readonly PageArena _info;
    private readonly PageArena _swapMapArena;
    private readonly ClusterArray<TCluster> _clusterInfo;
    private readonly ClusterArray<PercpuCluster<TCluster>> _percpu;
    private readonly PageArena _pages;
    private readonly PageArena _globalsArena;
    private readonly ClusterArray<swap_slots_cache>? _slotsCaches;
    private readonly QueuedSpinLockNodes? _nodes;
    private readonly long[] _picks;
    // Clusters that went back on the free list since the last reset: picks of them are not first-round.
    private readonly bool[] _recycled;
    private readonly byte* _swapMap;
    private readonly SwapInfo<TCluster>* _si;
    private readonly SwapGlobals* _globals;
    private readonly int _clusterPages;
    private readonly int _lineSize;
    private readonly bool _merged;
    private readonly long _startOffset;

    /// <param name="merged411">Follow merged 4.11's allocation and free paths (slot caches, batched frees) instead of the seed's.</param>
    /// <param name="cancellation">Looked at while the backing pages are faulted in, which for gigabytes takes seconds.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled before the device was ready.</exception>
    public SwapDevice(SwapDeviceOptions options, bool merged411 = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _merged = merged411;
        EnsureLockFitsLayout();
        Options = options;
        _clusterPages = options.ClusterPages;
        _lineSize = options.LineSize;
        Clusters = options.Clusters;
        Slots = Clusters * _clusterPages;
        SwapClusterCols = options.Order == FreeClusterOrder.Columns
            ? HwLab.Layout.SwapClusterCols.Compute(options.LineSize, sizeof(TCluster), options.ColumnRule, options.ClusterPages)
            : 1;

        try
        {
            _info = PageArena.Allocate(sizeof(SwapInfo<TCluster>), new PageArenaOptions { Prefault = true });
            _swapMapArena = PageArena.Allocate(Slots, new PageArenaOptions { Prefault = true });
            _clusterInfo = ClusterArray<TCluster>.Allocate(Clusters, 0, new PageArenaOptions { Prefault = true });
            _percpu = ClusterArray<PercpuCluster<TCluster>>.Allocate(options.Cpus, PercpuStride, new PageArenaOptions { Prefault = true });
            _globalsArena = PageArena.Allocate(sizeof(SwapGlobals), new PageArenaOptions { Prefault = true });
            if (merged411)
            {
                _slotsCaches = ClusterArray<swap_slots_cache>.Allocate(options.Cpus, RoundUpToLines(sizeof(swap_slots_cache)), new PageArenaOptions { Prefault = true });
            }
            if (typeof(TSpin) == typeof(ClusterQueuedSpinLock))
            {
                _nodes = QueuedSpinLockNodes.Allocate(options.Cpus, Math.Max(options.LineSize, 16));
            }
            // Backing pages faulted in up front and on transparent huge pages where the kernel
            // obliges: every operation copies a page in and out, and page faults or a TLB miss per
            // copy would land in the measurement instead of the lock and allocation paths.
            _pages = PageArena.Allocate(Slots * SwapDeviceOptions.PageBytes, new PageArenaOptions { TransparentHugePages = true });
            ArenaPrefault.Touch(_pages, cancellation);
        }
        catch
        {
            DisposeArenas();
            throw;
        }
        _si = (SwapInfo<TCluster>*)_info.Pointer;
        _globals = (SwapGlobals*)_globalsArena.Pointer;
        _swapMap = (byte*)_swapMapArena.Pointer;
        // sys_swapon on a non-rotational device: "select a random position to start with to help
        // wear leveling SSD" (mm/swapfile.c, 4.10 and 4.11). A device with cluster_info is one.
        uint prandom = (uint)new Random(options.StartSeed).NextInt64(0, 1L << 32);
        _startOffset = 1 + (long)(prandom % (ulong)(Slots - 1));
        _picks = new long[options.Cpus * PicksStride];
        _recycled = new bool[Clusters];
        Reset();
    }

    public SwapLockMode Mode => ModeOf(_merged);

    public SpinlockForm Spinlock => typeof(TSpin) == typeof(ClusterQueuedSpinLock) ? SpinlockForm.Queued : SpinlockForm.Ticket;

    public ClusterLayout Layout => TCluster.Layout;

    public SwapDeviceOptions Options { get; }

    public long Slots { get; }

    public long Clusters { get; }

    public int SwapClusterCols { get; }

    private static bool DeviceMode => typeof(TLock) == typeof(NoClusterLock);

    public void WritePage(long offset, ReadOnlySpan<byte> page)
    {
        CheckOffset(offset);
        page[..SwapDeviceOptions.PageBytes].CopyTo(new Span<byte>(_pages.BytePointer(offset * SwapDeviceOptions.PageBytes, SwapDeviceOptions.PageBytes), SwapDeviceOptions.PageBytes));
    }

    public void ReadPage(long offset, Span<byte> page)
    {
        CheckOffset(offset);
        new ReadOnlySpan<byte>(_pages.BytePointer(offset * SwapDeviceOptions.PageBytes, SwapDeviceOptions.PageBytes), SwapDeviceOptions.PageBytes).CopyTo(page);
    }

    public ulong ReadStamp(long offset)
    {
        CheckOffset(offset);
        return *(ulong*)_pages.BytePointer(offset * SwapDeviceOptions.PageBytes, sizeof(ulong));
    }

    public byte SwapMapAt(long offset)
    {
        CheckOffset(offset);
        return _swapMap[offset];
    }

    /// <summary>si->cluster_info, for code in this assembly and its friends that looks at the clusters directly; the device's own lock rules still apply.</summary>
    internal ClusterArray<TCluster> ClusterInfo => _clusterInfo;

    /// <summary>si->swap_map, a byte per slot, for the same readers as <see cref="ClusterInfo"/>.</summary>
    internal Span<byte> SwapMapBytes => new(_swapMap, checked((int)Slots));

    /// <summary>The swap_info_struct itself, for the invariant checker's tests, which break a field of it on purpose.</summary>
    internal SwapInfo<TCluster>* SwapInfoPointer => _si;

    /// <summary>The swap globals (nr_swap_pages, swap_avail_lock and the slot cache's), for the same tests.</summary>
    internal SwapGlobals* GlobalsPointer => _globals;

    /// <summary>merged 4.11's per-CPU slot caches (null on the seed's paths), for the same tests.</summary>
    internal ClusterArray<swap_slots_cache>? SlotsCaches => _slotsCaches;

    /// <summary>Every mapping the device holds, named for what the kernel keeps in it, for the tests of how each is mapped and that each is released.</summary>
    internal IReadOnlyList<(string Name, PageArena Arena)> Arenas =>
    [
        ("swap_info_struct", _info),
        ("swap_map", _swapMapArena),
        ("cluster_info", _clusterInfo.Arena),
        ("percpu_cluster", _percpu.Arena),
        ("globals", _globalsArena),
        .. _slotsCaches is null ? [] : new[] { ("swap_slots_cache", _slotsCaches.Arena) },
        ("pages", _pages),
    ];

    /// <summary>The queued spinlocks' per-CPU nodes (null with ticket locks), for the same tests.</summary>
    internal QueuedSpinLockNodes? QueueNodes => _nodes;

    public SwapPicks Picks(int cpu)
    {
        int at = cpu * PicksStride;
        return new SwapPicks(
            new ClusterPicks(Volatile.Read(ref _picks[at]), Volatile.Read(ref _picks[at + 1])),
            new ClusterPicks(Volatile.Read(ref _picks[at + 2]), Volatile.Read(ref _picks[at + 3])));
    }

    public long SwapInfoLocks(int cpu) => Volatile.Read(ref _picks[(cpu * PicksStride) + SwapInfoLocksAt]);

    public void ClearCounters() => Array.Clear(_picks);

    public IDisposable EnterCpu(int cpu)
    {
        CheckCpu(cpu);
        return _nodes is null ? NoQueueNodes.Instance : _nodes.Attach(cpu);
    }

    /// <summary>swapon: every slot free but the header, the free list built in the configured order (setup_swap_map_and_extents).</summary>
    public void Reset()
    {
        new Span<byte>(_swapMap, checked((int)Slots)).Clear();
        for (long i = 0; i < Clusters; i++)
        {
            _clusterInfo[i] = default;
        }
        *_si = default;
        _si->lowest_bit = 1;
        _si->highest_bit = Slots - 1;
        _si->pages = Slots - 1;
        _si->cluster_next = _startOffset;
        *_globals = default;
        _globals->nr_swap_pages = _si->pages;
        for (int cpu = 0; _slotsCaches is not null && cpu < Options.Cpus; cpu++)
        {
            _slotsCaches[cpu] = default;
        }
        TCluster.cluster_set_null(ref _si->free_clusters.head);
        TCluster.cluster_set_null(ref _si->free_clusters.tail);
        for (int cpu = 0; cpu < Options.Cpus; cpu++)
        {
            TCluster.cluster_set_null(ref _percpu[cpu].index);
            _percpu[cpu].next = 0;
        }
        Array.Clear(_picks);
        Array.Clear(_recycled);

        // The header page: swap_map[0] = SWAP_MAP_BAD, counted in cluster 0 so it never goes free.
        _swapMap[0] = SWAP_MAP_BAD;
        inc_cluster_info_page(0);

        // "Reduce false cache line sharing between cluster_info": fill the free list column by
        // column, starting at the column of cluster_next (the seed); one column is the old order.
        int cols = SwapClusterCols;
        long col = _si->cluster_next / _clusterPages % cols;
        long rows = (Clusters + cols - 1) / cols;
        for (int k = 0; k < cols; k++)
        {
            long j = (k + col) % cols;
            for (long i = 0; i < rows; i++)
            {
                long idx = (i * cols) + j;
                if (idx >= Clusters || TCluster.cluster_count(ref _clusterInfo[idx]) != 0)
                {
                    continue;
                }
                TCluster.cluster_set_flag(ref _clusterInfo[idx], SwapCluster.CLUSTER_FLAG_FREE);
                cluster_list_add_tail(idx);
            }
        }
    }

    public void Dispose() => DisposeArenas();

    private void DisposeArenas()
    {
        _info?.Dispose();
        _swapMapArena?.Dispose();
        _clusterInfo?.Dispose();
        _percpu?.Dispose();
        _pages?.Dispose();
        _globalsArena?.Dispose();
        _slotsCaches?.Dispose();
        _nodes?.Dispose();
    }

    private int RoundUpToLines(int bytes) => (bytes + _lineSize - 1) / _lineSize * _lineSize;

    // si->lock, a spinlock_t taken in the device's form, on a line of its own (see SwapInfo);
    // each acquisition is counted on the taking CPU's own line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void spin_lock(int cpu)
    {
        TSpin.Lock(&_si->@lock);
        _picks[(cpu * PicksStride) + SwapInfoLocksAt]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void spin_unlock() => TSpin.Unlock(&_si->@lock);

    /// <summary>Any other spinlock_t of the device (swap_avail_lock, a slot cache's locks), in the same form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void spin_lock(spinlock_t* @lock) => TSpin.Lock(@lock);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void spin_unlock(spinlock_t* @lock) => TSpin.Unlock(@lock);

    /// <summary>lock_cluster(si, offset): the cluster lock of the slot's cluster (nothing in device mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TCluster* lock_cluster(long offset)
    {
        TCluster* ci = _clusterInfo.ElementPointer(offset / _clusterPages);
        TLock.Lock(ci);
        return ci;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void unlock_cluster(TCluster* ci) => TLock.Unlock(ci);

    /// <summary>lock_cluster_or_swap_info: the cluster lock where there is one, else si->lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TCluster* lock_cluster_or_swap_info(long offset, int cpu)
    {
        if (DeviceMode)
        {
            spin_lock(cpu);
            return null;
        }
        return lock_cluster(offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void unlock_cluster_or_swap_info(TCluster* ci)
    {
        if (DeviceMode)
        {
            spin_unlock();
        }
        else
        {
            unlock_cluster(ci);
        }
    }

    private void CheckCpu(int cpu)
    {
        if ((uint)cpu >= (uint)Options.Cpus)
        {
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, $"The device was set up for CPUs 0 to {Options.Cpus - 1}.");
        }
    }

    private void CheckOffset(long offset)
    {
        if ((ulong)offset >= (ulong)Slots)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The device has slots 0 to {Slots - 1}.");
        }
    }

    private static SwapLockMode ModeOf(bool merged)
        => typeof(TLock) == typeof(NoClusterLock) ? SwapLockMode.Device
         : typeof(TLock) == typeof(ClusterBitLock) ? SwapLockMode.BitLock
         : merged ? SwapLockMode.Merged411
         : SwapLockMode.SpinLock;

    private void EnsureLockFitsLayout()
    {
        if (typeof(TSpin) != typeof(ClusterQueuedSpinLock) && typeof(TSpin) != typeof(ClusterTicketLock))
        {
            throw new SwapDeviceConfigurationException($"{typeof(TSpin).Name} is not a form of spinlock_t; the forms are the queued spinlock and the ticket lock.");
        }
        SwapLockMode mode = ModeOf(_merged);
        ClusterLockKind needed = mode switch
        {
            SwapLockMode.BitLock => ClusterLockKind.BitLock,
            SwapLockMode.SpinLock or SwapLockMode.Merged411 => ClusterLockKind.SpinLock,
            _ => TCluster.LockKind,
        };
        bool spinlockInCluster = needed == ClusterLockKind.SpinLock;
        if (TCluster.LockKind != needed || (spinlockInCluster && typeof(TLock) != typeof(TSpin)) || (_merged && !spinlockInCluster))
        {
            throw new SwapDeviceConfigurationException(
                $"{typeof(TCluster).Name} has no {SwapDeviceFactory.Name(mode)} lock to take: it carries {(TCluster.LockKind == ClusterLockKind.None ? "no lock of its own" : $"a {TCluster.LockKind}")}.");
        }
    }
}
