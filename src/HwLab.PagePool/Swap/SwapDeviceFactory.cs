using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.PagePool.Swap;

/// <summary>Builds the device for a lock mode and a layout size, refusing pairs no kernel had.</summary>
public static class SwapDeviceFactory
{
    /// <summary>Layout sizes in bytes each lock mode can run: the 4-byte form has no lock of its own.</summary>
    public static IReadOnlyDictionary<SwapLockMode, IReadOnlyList<int>> LayoutsByMode { get; } = new Dictionary<SwapLockMode, IReadOnlyList<int>>
    {
        [SwapLockMode.Device] = [4, 8, 24, 32, 64],
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
            (SwapLockMode.Device, ClusterLayout.Seed8) => new SwapDevice<swap_cluster_info_seed, NoClusterLock>(options, cancellation),
            (SwapLockMode.Device, ClusterLayout.List24) => new SwapDevice<swap_cluster_info_list, NoClusterLock>(options, cancellation),
            (SwapLockMode.Device, ClusterLayout.Table32) => new SwapDevice<swap_cluster_info_table, NoClusterLock>(options, cancellation),
            (SwapLockMode.Device, ClusterLayout.Padded64) => new SwapDevice<swap_cluster_info_padded, NoClusterLock>(options, cancellation),
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
            string why = layoutBytes == 4
                ? "the 4-byte form has no room for a lock; it runs only with --modes device"
                : $"{Name(mode)} locking runs on the {string.Join(", ", LayoutsByMode[mode])}-byte layouts";
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
