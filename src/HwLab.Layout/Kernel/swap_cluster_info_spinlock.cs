using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// (c) Merged in 4.11 (commit 235b62176712): <c>spinlock_t lock; unsigned int data:24; unsigned int flags:8;</c>,
/// still 8 bytes on x86_64, with a real spinlock where the seed had a bit.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_info_spinlock : IClusterInfo<swap_cluster_info_spinlock>
{
    /// <summary>Protect swap_cluster_info fields and swap_info_struct->swap_map elements of this cluster.</summary>
    [FieldOffset(0)]
    public spinlock_t @lock;

    // 63 ........ 56 | 55 .......................... 32 | 31 .... 0
    //      flags     | data: count, or next free cluster | lock
    // (bit numbers of the whole struct; in the storage unit at offset 4, data is 0-23, flags 24-31)
    [FieldOffset(4)]
    public swap_cluster_info_bitfield bits;

    public static ClusterLayout Layout => ClusterLayout.Spinlock8;

    public static ClusterLockKind LockKind => ClusterLockKind.SpinLock;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_count(ref swap_cluster_info_spinlock info) => swap_cluster_info_bitfield.cluster_count(ref info.bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count(ref swap_cluster_info_spinlock info, uint c) => swap_cluster_info_bitfield.cluster_set_count(ref info.bits, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_flags(ref swap_cluster_info_spinlock info) => swap_cluster_info_bitfield.cluster_flags(ref info.bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_flag(ref swap_cluster_info_spinlock info, uint flag) => swap_cluster_info_bitfield.cluster_set_flag(ref info.bits, flag);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count_flag(ref swap_cluster_info_spinlock info, uint c, uint f) => swap_cluster_info_bitfield.cluster_set_count_flag(ref info.bits, c, f);
}
