using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// spinlock_t without lock debugging on x86_64: one 32-bit word (a qspinlock since 4.2, a ticket
/// lock before). HwLab takes it with <see cref="Locks.TicketLock"/>, the pre-4.2 x86 form.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct spinlock_t
{
    [FieldOffset(0)]
    public uint val;
}
