using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.PagePool.Swap;

/// <summary>Builds the device for a lock mode, a layout size and a free-list order, refusing any combination no kernel had.</summary>
public static class SwapDeviceFactory
{
    /// <summary>Layout sizes in bytes each lock mode can run: the pairs some kernel had, and the padded control.</summary>
    /// <remarks>
    /// Refused, because no kernel ran them:
    /// <list type="bullet">
    /// <item>device (si->lock alone) with 8, 24, 32 or 64 bytes: every one of those entries carries a
    /// cluster lock (the seed's bit, or a spinlock_t) that each kernel with it took; only the 4-byte
    /// bitfield of 4.10 and before went without.</item>
    /// <item>bitlock with 4, 24 or 32 bytes: the 4-byte bitfield has no bit to spare, and the 24- and
    /// 32-byte forms have a spinlock_t, not a lock bit.</item>
    /// <item>spinlock with 4 or 64 bytes: the 4-byte bitfield has no lock, and the 64-byte control is
    /// the seed's word, whose lock is a bit.</item>
    /// <item>merged-4.11 with anything but 8 bytes: 4.11's entry is the 8-byte spinlock_t form.</item>
    /// </list>
    /// The one pair kept that no kernel shipped is bitlock with 64 bytes: the seed's word with its own
    /// lock, padded to a line as a false-sharing control. The 24- and 32-byte generations run on the
    /// seed's paths with their spinlock_t (spinlock): their own kernels' allocators are not modelled,
    /// only their size and their free-list order.
    /// </remarks>
    public static IReadOnlyDictionary<SwapLockMode, IReadOnlyList<int>> LayoutsByMode { get; } = new Dictionary<SwapLockMode, IReadOnlyList<int>>
    {
        [SwapLockMode.Device] = [4],
        [SwapLockMode.BitLock] = [8, 64],
        [SwapLockMode.SpinLock] = [8, 24, 32],
        [SwapLockMode.Merged411] = [8],
    };

    /// <summary>The free-list orders a mode and layout can run: the orders their kernels used, and the seed's sequential control at 8 and 64 bytes.</summary>
    /// <remarks>
    /// 4.10 and before built the free list in cluster order: the 4-byte form runs sequential only.
    /// The seed added the column order; its 8-byte forms (and the 64-byte control) run both, the
    /// sequential order being the comparison its column claim needs. Merged 4.11 and the 24-byte
    /// form of 6.12 to 6.17 always filled the free list in columns (mm/swapfile.c,
    /// setup_swap_map_and_extents and then setup_clusters); the swap-table kernels of the 32-byte
    /// form dropped the columns ("mm, swap: remove contention workaround for swap cache", 2025),
    /// so 32 bytes runs sequential only.
    /// </remarks>
    public static IReadOnlyList<FreeClusterOrder> OrdersFor(SwapLockMode mode, int layoutBytes) => (mode, layoutBytes) switch
    {
        (_, 4) or (_, 32) => [FreeClusterOrder.Sequential],
        (SwapLockMode.Merged411, _) or (_, 24) => [FreeClusterOrder.Columns],
        _ => [FreeClusterOrder.Sequential, FreeClusterOrder.Columns],
    };

    /// <summary>
    /// How SWAP_CLUSTER_COLS is derived: the seed's rule for the seed's forms (or the rule asked
    /// for, to compare), the merged rule (max of the line's entries and one swap address space in
    /// clusters) for merged 4.11 and the 24-byte generation, whose kernels used it.
    /// </summary>
    public static ClusterColumnRule ColumnRuleFor(SwapLockMode mode, int layoutBytes, ClusterColumnRule asked)
        => mode == SwapLockMode.Merged411 || layoutBytes == 24 ? ClusterColumnRule.Merged : asked;

    /// <summary>The generation a mode runs at a size: at 8 bytes the seed's word for the bit lock, the merged form for the spinlock.</summary>
    public static ClusterLayout LayoutFor(SwapLockMode mode, int layoutBytes) => (mode, layoutBytes) switch
    {
        (_, 4) => ClusterLayout.Bitfield4,
        (SwapLockMode.SpinLock or SwapLockMode.Merged411, 8) => ClusterLayout.Spinlock8,
        (_, 8) => ClusterLayout.Seed8,
        (_, 24) => ClusterLayout.List24,
        (_, 32) => ClusterLayout.Table32,
        (_, 64) => ClusterLayout.Padded64,
        _ => throw new SwapDeviceConfigurationException($"There is no {layoutBytes}-byte swap_cluster_info; the generations are 4, 8, 24, 32 and 64 bytes."),
    };

    /// <summary>A device in <paramref name="options"/>' order, with the column rule its generation's kernel used (see <see cref="ColumnRuleFor"/>).</summary>
    /// <exception cref="SwapDeviceConfigurationException">A combination no kernel had, or options no device can be built with.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while the device's pages were faulted in.</exception>
    public static ISwapDevice Create(SwapLockMode mode, int layoutBytes, SwapDeviceOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        EnsureSupported(mode, layoutBytes, options.Order);
        options = options with { ColumnRule = ColumnRuleFor(mode, layoutBytes, options.ColumnRule) };
        return options.Spinlock == SpinlockForm.Queued
            ? Create<ClusterQueuedSpinLock>(mode, LayoutFor(mode, layoutBytes), options, cancellation)
            : Create<ClusterTicketLock>(mode, LayoutFor(mode, layoutBytes), options, cancellation);
    }

    /// <exception cref="SwapDeviceConfigurationException">The pair, or the pair in that order, is not one any kernel had.</exception>
    public static void EnsureSupported(SwapLockMode mode, int layoutBytes, FreeClusterOrder? order = null)
    {
        LayoutFor(mode, layoutBytes); // an unknown size
        if (!LayoutsByMode[mode].Contains(layoutBytes))
        {
            string why = (mode, layoutBytes) switch
            {
                (_, 4) => "the 4-byte form of 4.10 and before has no cluster lock; it runs only with --modes device",
                (SwapLockMode.Device, _) => $"the {layoutBytes}-byte form has a cluster lock every kernel with it took; device runs only on the 4-byte layout",
                (SwapLockMode.BitLock, _) => $"the {layoutBytes}-byte form has a spinlock_t, not a lock bit; bitlock runs on the 8- and 64-byte layouts",
                (SwapLockMode.Merged411, _) => "4.11's swap_cluster_info is the 8-byte spinlock_t form; merged-4.11 runs only on the 8-byte layout",
                _ => $"the {layoutBytes}-byte form's lock is the seed's bit, not a spinlock_t; spinlock runs on the 8-, 24- and 32-byte layouts",
            };
            throw new SwapDeviceConfigurationException($"{Name(mode)} locking with the {layoutBytes}-byte layout is not supported: {why}.");
        }
        if (order is { } o && !OrdersFor(mode, layoutBytes).Contains(o))
        {
            string why = (mode, layoutBytes) switch
            {
                (_, 4) => "4.10 and before built the free list in cluster order",
                (_, 32) => "the swap-table kernels of the 32-byte form dropped the column order",
                (SwapLockMode.Merged411, _) => "merged 4.11 always filled the free list in columns",
                _ => "6.12 to 6.17 always filled the free list in columns",
            };
            throw new SwapDeviceConfigurationException($"{Name(mode)} with the {layoutBytes}-byte layout does not run in {(o == FreeClusterOrder.Columns ? "column" : "sequential")} order: {why}.");
        }
    }

    public static string Name(SwapLockMode mode) => mode switch
    {
        SwapLockMode.BitLock => "bitlock",
        SwapLockMode.SpinLock => "spinlock",
        SwapLockMode.Merged411 => "merged-4.11",
        _ => "device",
    };

    public static string OrderName(FreeClusterOrder order) => order == FreeClusterOrder.Columns ? "columns" : "sequential";

    public static SwapLockMode ParseMode(string name) => name switch
    {
        "device" => SwapLockMode.Device,
        "bitlock" => SwapLockMode.BitLock,
        "spinlock" => SwapLockMode.SpinLock,
        "merged-4.11" => SwapLockMode.Merged411,
        _ => throw new SwapDeviceConfigurationException($"There is no lock mode {name}; the modes are device, bitlock, spinlock and merged-4.11."),
    };

    public static string Name(SpinlockForm form) => form == SpinlockForm.Queued ? "qspinlock" : "ticket";

    public static SpinlockForm ParseSpinlock(string name) => name switch
    {
        "qspinlock" => SpinlockForm.Queued,
        "ticket" => SpinlockForm.Ticket,
        _ => throw new SwapDeviceConfigurationException($"There is no spinlock form {name}; the forms are qspinlock (x86 since 4.2) and ticket (before)."),
    };

    private static ISwapDevice Create<TSpin>(SwapLockMode mode, ClusterLayout layout, SwapDeviceOptions options, CancellationToken cancellation)
        where TSpin : struct, IClusterLock
    {
        bool merged = mode == SwapLockMode.Merged411;
        return (mode, layout) switch
        {
            (SwapLockMode.Device, ClusterLayout.Bitfield4) => new SwapDevice<swap_cluster_info_bitfield, NoClusterLock, TSpin>(options, false, cancellation),
            (SwapLockMode.BitLock, ClusterLayout.Seed8) => new SwapDevice<swap_cluster_info_seed, ClusterBitLock, TSpin>(options, false, cancellation),
            (SwapLockMode.BitLock, ClusterLayout.Padded64) => new SwapDevice<swap_cluster_info_padded, ClusterBitLock, TSpin>(options, false, cancellation),
            (_, ClusterLayout.Spinlock8) => new SwapDevice<swap_cluster_info_spinlock, TSpin, TSpin>(options, merged, cancellation),
            (_, ClusterLayout.List24) => new SwapDevice<swap_cluster_info_list, TSpin, TSpin>(options, false, cancellation),
            (_, ClusterLayout.Table32) => new SwapDevice<swap_cluster_info_table, TSpin, TSpin>(options, false, cancellation),
            _ => throw new SwapDeviceConfigurationException($"{Name(mode)} locking with the {ClusterLayouts.Get(layout).Size}-byte layout is not supported."),
        };
    }
}
