using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.PagePool.Swap;

/// <summary>Builds the device for a lock mode and a layout size, refusing pairs no kernel had.</summary>
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
    /// </list>
    /// The one pair kept that no kernel shipped is bitlock with 64 bytes: the seed's word with its own
    /// lock, padded to a line as a false-sharing control.
    /// </remarks>
    public static IReadOnlyDictionary<SwapLockMode, IReadOnlyList<int>> LayoutsByMode { get; } = new Dictionary<SwapLockMode, IReadOnlyList<int>>
    {
        [SwapLockMode.Device] = [4],
        [SwapLockMode.BitLock] = [8, 64],
        [SwapLockMode.SpinLock] = [8, 24, 32],
    };

    /// <summary>The generation a mode runs at a size: at 8 bytes the seed's word for the bit lock, the merged form for the spinlock.</summary>
    public static ClusterLayout LayoutFor(SwapLockMode mode, int layoutBytes) => (mode, layoutBytes) switch
    {
        (_, 4) => ClusterLayout.Bitfield4,
        (SwapLockMode.SpinLock, 8) => ClusterLayout.Spinlock8,
        (_, 8) => ClusterLayout.Seed8,
        (_, 24) => ClusterLayout.List24,
        (_, 32) => ClusterLayout.Table32,
        (_, 64) => ClusterLayout.Padded64,
        _ => throw new SwapDeviceConfigurationException($"There is no {layoutBytes}-byte swap_cluster_info; the generations are 4, 8, 24, 32 and 64 bytes."),
    };

    /// <exception cref="SwapDeviceConfigurationException">An unsupported mode and layout pair, or options no device can be built with.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while the device's pages were faulted in.</exception>
    public static ISwapDevice Create(SwapLockMode mode, int layoutBytes, SwapDeviceOptions options, CancellationToken cancellation = default)
    {
        EnsureSupported(mode, layoutBytes);
        ClusterLayout layout = LayoutFor(mode, layoutBytes);
        return (mode, layout) switch
        {
            (SwapLockMode.Device, ClusterLayout.Bitfield4) => new SwapDevice<swap_cluster_info_bitfield, NoClusterLock>(options, cancellation),
            (SwapLockMode.BitLock, ClusterLayout.Seed8) => new SwapDevice<swap_cluster_info_seed, ClusterBitLock>(options, cancellation),
            (SwapLockMode.BitLock, ClusterLayout.Padded64) => new SwapDevice<swap_cluster_info_padded, ClusterBitLock>(options, cancellation),
            (SwapLockMode.SpinLock, ClusterLayout.Spinlock8) => new SwapDevice<swap_cluster_info_spinlock, ClusterTicketLock>(options, cancellation),
            (SwapLockMode.SpinLock, ClusterLayout.List24) => new SwapDevice<swap_cluster_info_list, ClusterTicketLock>(options, cancellation),
            (SwapLockMode.SpinLock, ClusterLayout.Table32) => new SwapDevice<swap_cluster_info_table, ClusterTicketLock>(options, cancellation),
            _ => throw new SwapDeviceConfigurationException($"{mode} locking with the {layoutBytes}-byte layout is not supported."),
        };
    }

    /// <exception cref="SwapDeviceConfigurationException">The pair is not one any kernel had.</exception>
    public static void EnsureSupported(SwapLockMode mode, int layoutBytes)
    {
        LayoutFor(mode, layoutBytes); // an unknown size
        if (!LayoutsByMode[mode].Contains(layoutBytes))
        {
            string why = (mode, layoutBytes) switch
            {
                (_, 4) => "the 4-byte form of 4.10 and before has no cluster lock; it runs only with --modes device",
                (SwapLockMode.Device, _) => $"the {layoutBytes}-byte form has a cluster lock every kernel with it took; device runs only on the 4-byte layout",
                (SwapLockMode.BitLock, _) => $"the {layoutBytes}-byte form has a spinlock_t, not a lock bit; bitlock runs on the 8- and 64-byte layouts",
                _ => $"the {layoutBytes}-byte form's lock is the seed's bit, not a spinlock_t; spinlock runs on the 8-, 24- and 32-byte layouts",
            };
            throw new SwapDeviceConfigurationException($"{Name(mode)} locking with the {layoutBytes}-byte layout is not supported: {why}.");
        }
    }

    public static string Name(SwapLockMode mode) => mode switch
    {
        SwapLockMode.BitLock => "bitlock",
        SwapLockMode.SpinLock => "spinlock",
        _ => "device",
    };

    public static SwapLockMode ParseMode(string name) => name switch
    {
        "device" => SwapLockMode.Device,
        "bitlock" => SwapLockMode.BitLock,
        "spinlock" => SwapLockMode.SpinLock,
        _ => throw new SwapDeviceConfigurationException($"There is no lock mode {name}; the modes are device, bitlock and spinlock."),
    };
}
