using System.Runtime.CompilerServices;
using HwLab.Native.Threading;

namespace HwLab.Layout.Locks;

/// <summary>
/// A 4-byte ticket spinlock, x86's spinlock_t before 4.2: arch_spinlock_t was exactly this, head
/// and tail tickets in the two 16-bit halves of one word, and it is fair (FIFO), which the bit lock
/// is not. Since 4.2 x86 takes the same 4-byte word as a queued spinlock (<see cref="QueuedSpinLock"/>),
/// so the merged 4.11 cluster lock ran as that; this form stays as the pre-4.2 comparison.
/// </summary>
/// <remarks>
/// <code>
/// 31 ........... 16 | 15 ............ 0
///   tail: next ticket | head: now serving
/// </code>
/// Lock takes a ticket with one atomic add of 1 to the tail (<c>lock xadd</c>) and spins with
/// cpu_relax() until head reaches it. Unlock is a plain release store of head + 1 to the low
/// half: only the holder writes head, and a 16-bit store cannot carry into the tail.
/// <para>
/// What the JIT emits (x64, .NET 10, checked by JitCodegenTests): Lock is <c>lock xadd</c> and a
/// compare, the wait kept out of line; Unlock is a single <c>inc word ptr [rdi]</c> without a lock
/// prefix, the same unlocked 16-bit add x86 kernels used to release a ticket lock. It is safe
/// because a waiter's <c>lock xadd</c> is atomic and writes back the head it read unchanged.
/// </para>
/// </remarks>
public static class TicketLock
{
    private const uint TailOne = 1u << 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(ref uint word)
    {
        uint old = Interlocked.Add(ref word, TailOne) - TailOne;
        ushort ticket = (ushort)(old >> 16);
        if ((ushort)old != ticket)
        {
            WaitForTurn(ref word, ticket);
        }
    }

    /// <summary>Takes the lock only if nobody holds or waits for it; never waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLock(ref uint word)
    {
        uint old = Volatile.Read(ref word);
        return (ushort)old == (ushort)(old >> 16) && Interlocked.CompareExchange(ref word, old + TailOne, old) == old;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(ref uint word)
    {
        ref ushort head = ref Unsafe.As<uint, ushort>(ref word); // the low half on little-endian machines
        Volatile.Write(ref head, (ushort)(head + 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLocked(ref uint word)
    {
        uint value = Volatile.Read(ref word);
        return (ushort)value != (ushort)(value >> 16);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WaitForTurn(ref uint word, ushort ticket)
    {
        ref ushort head = ref Unsafe.As<uint, ushort>(ref word);
        while (Volatile.Read(ref head) != ticket)
        {
            CpuRelax.Relax();
        }
    }
}
