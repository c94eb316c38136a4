using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// struct qspinlock (include/asm-generic/qspinlock_types.h), x86's arch_spinlock_t since 4.2: one
/// 32-bit word and the byte and half-word views the lock reads and writes it through, overlapping
/// as the kernel's union lays them out on a little-endian machine. <see cref="QspinlockTypes"/>
/// draws the bits; <see cref="Locks.QueuedSpinLock"/> takes it.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
#pragma warning disable CS8981 // The kernel's name, all lower case, as every mirrored struct keeps its C name.
public struct qspinlock
#pragma warning restore CS8981
{
    /// <summary>The whole word: what cmpxchg, fetch-or and the waits read.</summary>
    [FieldOffset(0)]
    public uint val;

    /// <summary>1 while held; the holder releases with a store of 0.</summary>
    [FieldOffset(0)]
    public byte locked;

    /// <summary>1 while one waiter spins on the word itself instead of queueing.</summary>
    [FieldOffset(1)]
    public byte pending;

    /// <summary>Both bytes above, so that a pending waiter takes over (pending 0, locked 1) with one store.</summary>
    [FieldOffset(0)]
    public ushort locked_pending;

    /// <summary>The last queued waiter's node as (CPU + 1) &lt;&lt; 2 | index; 0 when nobody is queued.</summary>
    [FieldOffset(2)]
    public ushort tail;
}
