using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// spinlock_t without lock debugging on x86_64: one 32-bit word (a qspinlock since 4.2, a ticket
/// lock before). HwLab takes it either way: <see cref="Locks.TicketLock"/>, the pre-4.2 x86 form,
/// or <see cref="Locks.QueuedSpinLock"/> on the same word viewed as a <see cref="qspinlock"/>.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct spinlock_t
{
    [FieldOffset(0)]
    public uint val;
}
