using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// (e) The 2025 swap table: the 6.12 form plus <c>atomic_long_t *table;</c>, 32 bytes, 2 to a
/// 64-byte line. Free clusters link through <c>list.next</c> as in <see cref="swap_cluster_info_list"/>.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_info_table : IClusterInfo<swap_cluster_info_table>
{
    /// <summary>Guards every field here but <c>list</c>, and this cluster's swap_map entries, as in the 6.12 form.</summary>
    [FieldOffset(0)]
    public spinlock_t @lock;

    [FieldOffset(4)]
    public ushort count;

    [FieldOffset(6)]
    public byte flags;

    [FieldOffset(7)]
    public byte order;

    /// <summary>Swap table entries (atomic_long_t *); unused by HwLab's model.</summary>
    [FieldOffset(8)]
    public nint table;

    [FieldOffset(16)]
    public list_head list;

    public static ClusterLayout Layout => ClusterLayout.Table32;

    public static ClusterLockKind LockKind => ClusterLockKind.SpinLock;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_count(ref swap_cluster_info_table info) => info.count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count(ref swap_cluster_info_table info, uint c) => info.count = (ushort)c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_flags(ref swap_cluster_info_table info) => info.flags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_flag(ref swap_cluster_info_table info, uint flag) => info.flags = (byte)flag;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count_flag(ref swap_cluster_info_table info, uint c, uint f)
    {
        info.count = (ushort)c;
        info.flags = (byte)f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_next(ref swap_cluster_info_table info) => (uint)info.list.next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_next(ref swap_cluster_info_table info, uint n) => info.list.next = (nint)n;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_next_flag(ref swap_cluster_info_table info, uint n, uint f)
    {
        info.list.next = (nint)n;
        info.flags = (byte)f;
    }
}
