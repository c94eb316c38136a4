using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// (a) include/linux/swap.h up to 4.10: <c>unsigned int data:24; unsigned int flags:8;</c>,
/// 4 bytes, 16 to a 64-byte line. Protected by swap_info_struct.lock: it has no lock of its own.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_info_bitfield : IClusterInfo<swap_cluster_info_bitfield>
{
    // 31 ........ 24 | 23 ............................ 0
    //      flags     | data: count, or next free cluster
    public const int DATA_SHIFT = 0;
    public const int DATA_BITS = 24;
    public const int FLAGS_SHIFT = 24;
    public const int FLAGS_BITS = 8;
    private const uint DataMask = (1u << DATA_BITS) - 1;

    /// <summary>The bitfield's storage unit: data in bits 0-23, flags in 24-31 (GCC on x86_64).</summary>
    [FieldOffset(0)]
    public uint bits;

    public static ClusterLayout Layout => ClusterLayout.Bitfield4;

    public static ClusterLockKind LockKind => ClusterLockKind.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_count(ref swap_cluster_info_bitfield info) => info.bits & DataMask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count(ref swap_cluster_info_bitfield info, uint c) => info.bits = (info.bits & ~DataMask) | (c & DataMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_flags(ref swap_cluster_info_bitfield info) => info.bits >> FLAGS_SHIFT;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_flag(ref swap_cluster_info_bitfield info, uint flag) => info.bits = (info.bits & DataMask) | (flag << FLAGS_SHIFT);

    // 4.10: info->flags = f; info->data = c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count_flag(ref swap_cluster_info_bitfield info, uint c, uint f) => info.bits = (c & DataMask) | (f << FLAGS_SHIFT);
}
