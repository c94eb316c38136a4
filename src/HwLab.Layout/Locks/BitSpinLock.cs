using System.Runtime.CompilerServices;
using HwLab.Native.Threading;

namespace HwLab.Layout.Locks;

/// <summary>
/// The kernel's bit_spin_lock() in C#: one bit of a 64-bit word in native memory is the lock, the
/// other bits stay data its holder may change with plain stores (as the seed patch's setters do,
/// always masking the lock bit back in).
/// </summary>
/// <remarks>
/// Acquire is test-and-test-and-set, as include/linux/bit_spinlock.h does it: an atomic OR of the
/// bit; if it was already set, spin on a plain (volatile) read with cpu_relax() until it clears,
/// then try the atomic again, so waiters share the line read-only instead of bouncing it with
/// writes. Release is an atomic AND that clears the bit.
/// <para>
/// What the JIT emits (x64, .NET 10, checked by JitCodegenTests): <see cref="Interlocked.Or(ref ulong, ulong)"/>
/// whose result is used has no single x86 instruction (there is no fetch-or; the kernel's
/// <c>lock bts</c> returns one bit in CF, which the JIT does not pattern-match), so it becomes a
/// <c>mov</c> + <c>lock cmpxchg</c> retry loop. <see cref="Interlocked.And(ref ulong, ulong)"/>
/// whose result is unused becomes a single <c>lock and</c>. The spin is a <c>mov</c>, a <c>test</c>
/// and a <c>pause</c>. The native <c>lock bts</c> form is in <see cref="NativeClusterBitLock"/>.
/// </para>
/// </remarks>
public static class BitSpinLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(ref ulong word, int bit)
    {
        ulong mask = 1UL << bit;
        while ((Interlocked.Or(ref word, mask) & mask) != 0)
        {
            WaitUntilClear(ref word, mask);
        }
    }

    /// <summary>
    /// The same lock, acquired so that a line owned by another core crosses once, not twice: the
    /// word is fetched with <c>lock xadd</c> of 0 (which takes the line exclusive and returns its
    /// value), then the bit is set with <c>lock cmpxchg</c> on the line now held locally.
    /// </summary>
    /// <remarks>
    /// <see cref="Lock"/>'s <c>Interlocked.Or</c> compiles to a plain load (the line arrives shared)
    /// followed by <c>lock cmpxchg</c> (a second request, for ownership); the kernel's <c>lock bts</c>
    /// asks for ownership once. When neighbours write the same line (false sharing) that second
    /// request is paid on every acquire, and this form avoids it; uncontended it costs one more
    /// locked instruction. docs/performance.md has both measured.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockFetchFirst(ref ulong word, int bit)
    {
        ulong mask = 1UL << bit;
        while (true)
        {
            ulong value = Interlocked.Add(ref word, 0);
            if ((value & mask) == 0 && Interlocked.CompareExchange(ref word, value | mask, value) == value)
            {
                return;
            }
            WaitUntilClear(ref word, mask);
        }
    }

    /// <summary>Takes the lock if it is free; never waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLock(ref ulong word, int bit)
    {
        ulong mask = 1UL << bit;
        return (Interlocked.Or(ref word, mask) & mask) == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(ref ulong word, int bit) => Interlocked.And(ref word, ~(1UL << bit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLocked(ref ulong word, int bit) => (Volatile.Read(ref word) & (1UL << bit)) != 0;

    // Kept out of line: the uncontended path stays a handful of instructions where it is inlined.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WaitUntilClear(ref ulong word, ulong mask)
    {
        do
        {
            CpuRelax.Relax();
        }
        while ((Volatile.Read(ref word) & mask) != 0);
    }
}
