using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// (d) 6.12, "swap cluster switch to double link list":
/// <c>spinlock_t lock; u16 count; u8 flags; u8 order; struct list_head list;</c>, 24 bytes,
/// 2.67 to a 64-byte line, so most clusters straddle a line boundary with a neighbour.
/// </summary>
/// <remarks>
/// The kernel strings free clusters on list_heads; HwLab keeps the seed's singly linked free list
/// of indices (so every generation runs the same allocator), storing the next index in
/// <c>list.next</c> where the kernel keeps its link.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_info_list : IClusterInfo<swap_cluster_info_list>
{
    /// <summary>Guards count, flags, order and this cluster's swap_map entries, but not <c>list</c>: list moves under si->lock (include/linux/swap.h, 6.12).</summary>
    [FieldOffset(0)]
    public spinlock_t @lock;

    [FieldOffset(4)]
    public ushort count;

    [FieldOffset(6)]
    public byte flags;

    [FieldOffset(7)]
    public byte order;

    [FieldOffset(8)]
    public list_head list;

    public static ClusterLayout Layout => ClusterLayout.List24;

    public static ClusterLockKind LockKind => ClusterLockKind.SpinLock;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_count(ref swap_cluster_info_list info) => info.count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count(ref swap_cluster_info_list info, uint c) => info.count = (ushort)c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_flags(ref swap_cluster_info_list info) => info.flags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_flag(ref swap_cluster_info_list info, uint flag) => info.flags = (byte)flag;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count_flag(ref swap_cluster_info_list info, uint c, uint f)
    {
        info.count = (ushort)c;
        info.flags = (byte)f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_next(ref swap_cluster_info_list info) => (uint)info.list.next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_next(ref swap_cluster_info_list info, uint n) => info.list.next = (nint)n;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_next_flag(ref swap_cluster_info_list info, uint n, uint f)
    {
        info.list.next = (nint)n;
        info.flags = (byte)f;
    }
}
