using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>The free cluster list: the index of its head and tail, linked through each cluster's next (protected by swap_info_struct.lock).</summary>
[StructLayout(LayoutKind.Explicit)]
public struct swap_cluster_list
{
    [FieldOffset(0)]
    public swap_cluster_info_seed head;

    [FieldOffset(8)]
    public swap_cluster_info_seed tail;
}
