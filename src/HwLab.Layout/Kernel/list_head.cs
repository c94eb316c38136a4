using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>include/linux/types.h: the kernel's doubly linked list node.</summary>
[StructLayout(LayoutKind.Explicit)]
public struct list_head
{
    [FieldOffset(0)]
    public nint next;

    [FieldOffset(8)]
    public nint prev;
}
