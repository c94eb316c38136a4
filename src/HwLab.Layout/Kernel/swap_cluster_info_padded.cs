using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// (f) The control no kernel shipped: the seed's 8-byte word alone in a 64-byte line, so no two
/// clusters can falsely share one. Same accessors and bit lock as <see cref="swap_cluster_info_seed"/>.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_info_padded : IClusterInfo<swap_cluster_info_padded>
{
    // Same bits as the seed's data word; see swap_cluster_info_seed.
    [FieldOffset(0)]
    public ulong data;

    [FieldOffset(8)]
    public Pad56 pad;

    public static ClusterLayout Layout => ClusterLayout.Padded64;

    public static ClusterLockKind LockKind => ClusterLockKind.BitLock;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_count(ref swap_cluster_info_padded info) => swap_cluster_info_seed.cluster_count(ref Seed(ref info));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count(ref swap_cluster_info_padded info, uint c) => swap_cluster_info_seed.cluster_set_count(ref Seed(ref info), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint cluster_flags(ref swap_cluster_info_padded info) => swap_cluster_info_seed.cluster_flags(ref Seed(ref info));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_flag(ref swap_cluster_info_padded info, uint flag) => swap_cluster_info_seed.cluster_set_flag(ref Seed(ref info), flag);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void cluster_set_count_flag(ref swap_cluster_info_padded info, uint c, uint f)
        => swap_cluster_info_seed.cluster_set_count_flag(ref Seed(ref info), c, f);

    // The data word is the struct's first field, so the padded cluster is a seed cluster with a tail.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref swap_cluster_info_seed Seed(ref swap_cluster_info_padded info) => ref Unsafe.As<swap_cluster_info_padded, swap_cluster_info_seed>(ref info);

    /// <summary>unsigned char pad[64 - sizeof(unsigned long)].</summary>
    [InlineArray(56)]
    public struct Pad56
    {
        private byte _element0;
    }
}
