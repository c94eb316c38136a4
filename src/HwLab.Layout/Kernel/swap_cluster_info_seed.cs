using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static HwLab.Layout.Kernel.SwapCluster;

namespace HwLab.Layout.Kernel;

/// <summary>
/// (b) The seed patch, "[PATCH v5 2/9] mm/swap: Add cluster lock": <c>unsigned long data;</c>,
/// 8 bytes, 8 to a 64-byte line, so that one bit of it can be a bit spinlock.
/// </summary>
/// <remarks>
/// The lock bit protects the other bits of the word and this cluster's part of si->swap_map.
/// Its holder changes the word with plain stores; every setter masks the lock bit back in,
/// exactly as the patch's do, because a waiter's atomic OR may land on the word at any time.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_info_seed : IClusterInfo<swap_cluster_info_seed>
{
    // 63 ................................. 8 | 7 .. 3 | 2 = lock | 1 = next-null | 0 = free
    //      count, or next free cluster        | unused |  CLUSTER_FLAG_LOCK_BIT
    [FieldOffset(0)]
    public ulong data;

    public static ClusterLayout Layout => ClusterLayout.Seed8;

    public static ClusterLockKind LockKind => ClusterLockKind.BitLock;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_count(ref swap_cluster_info_seed info) => (uint)(info.data >> CLUSTER_COUNT_SHIFT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count(ref swap_cluster_info_seed info, uint c)
        => info.data = ((ulong)c << CLUSTER_COUNT_SHIFT) | (info.data & CLUSTER_FLAG_MASK);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_flags(ref swap_cluster_info_seed info) => (uint)(info.data & CLUSTER_FLAG_MASK & ~(ulong)CLUSTER_FLAG_LOCK);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_flag(ref swap_cluster_info_seed info, uint flag)
        => info.data = (info.data & (CLUSTER_COUNT_MASK | CLUSTER_FLAG_LOCK)) | (flag & ~CLUSTER_FLAG_LOCK);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count_flag(ref swap_cluster_info_seed info, uint c, uint f)
        => info.data = (info.data & CLUSTER_FLAG_LOCK) | ((ulong)c << CLUSTER_COUNT_SHIFT) | (f & ~CLUSTER_FLAG_LOCK);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_next(ref swap_cluster_info_seed info) => cluster_count(ref info);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_next(ref swap_cluster_info_seed info, uint n) => cluster_set_count(ref info, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_next_flag(ref swap_cluster_info_seed info, uint n, uint f) => cluster_set_count_flag(ref info, n, f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_null(ref swap_cluster_info_seed info) => cluster_set_next_flag(ref info, 0, CLUSTER_FLAG_NEXT_NULL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool cluster_is_free(ref swap_cluster_info_seed info) => (info.data & CLUSTER_FLAG_FREE) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool cluster_is_null(ref swap_cluster_info_seed info) => (info.data & CLUSTER_FLAG_NEXT_NULL) != 0;
}
