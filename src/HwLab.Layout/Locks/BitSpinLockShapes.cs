using System.Runtime.CompilerServices;
using HwLab.Native.Threading;

namespace HwLab.Layout.Locks;

/// <summary>
/// The ways C# can take and release one bit of a 64-bit word as a spinlock, each written once
/// over <typeparamref name="TAtomics"/>: <see cref="BitSpinLock"/> runs them over
/// <see cref="InterlockedWord"/>; the tests run the same shapes over plain reads and writes to
/// prove the validate test catches each one broken.
/// </summary>
/// <remarks>
/// The reference is include/linux/bit_spinlock.h (v4.10, the seed's base): bit_spin_lock() tries
/// test_and_set_bit_lock() (x86: <c>lock bts</c>); while the bit was set it spins on test_bit()
/// with cpu_relax() until the bit clears, then tries the atomic again; bit_spin_unlock() is
/// clear_bit_unlock() (x86: <c>lock andb</c>); __bit_spin_unlock() is the non-atomic release "if
/// the bit lock itself is protecting the rest of the flags in the word". The JIT's code for each
/// shape is asserted by JitCodegenTests; docs/performance.md has each measured.
/// </remarks>
internal static class BitSpinLockShapes<TAtomics>
    where TAtomics : struct, IWordAtomics
{
    /// <summary>Exponential backoff's ceiling, in pauses between two looks at the word.</summary>
    internal const int BackoffCeiling = 256;

    /// <summary>
    /// The kernel's shape with <see cref="Interlocked.Or(ref ulong, ulong)"/> as test_and_set_bit:
    /// the JIT has no fetch-or, so it is a load and a <c>lock cmpxchg</c> loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockOr(ref ulong word, ulong mask)
    {
        while ((TAtomics.Or(ref word, mask) & mask) != 0)
        {
            WaitUntilClear(ref word, mask);
        }
    }

    /// <summary>
    /// The kernel's shape with one compare-and-swap as test_and_set_bit: read the word, then swap
    /// in the word with the bit set against the word with the bit clear. Like <c>lock bts</c> on a
    /// held lock, the swap is tried (and fails) before the read-only spin; on success it is one
    /// locked instruction with no retry loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockCompareExchange(ref ulong word, ulong mask)
    {
        while (true)
        {
            ulong free = Volatile.Read(ref word) & ~mask;
            ulong seen = TAtomics.CompareExchange(ref word, free | mask, free);
            if (seen == free)
            {
                return;
            }
            if ((seen & mask) != 0)
            {
                WaitUntilClear(ref word, mask);
            }
            // Otherwise another bit changed between the read and the swap: try again at once.
        }
    }

    /// <summary>
    /// Asks for the line once, for writing: <c>lock xadd</c> of 0 fetches the word with the line
    /// exclusive, then <c>lock cmpxchg</c> sets the bit on the line now held locally. Uncontended
    /// it is one more locked instruction than <see cref="LockCompareExchange"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockFetchFirst(ref ulong word, ulong mask)
    {
        while (true)
        {
            ulong value = TAtomics.FetchForWrite(ref word);
            if ((value & mask) == 0 && TAtomics.CompareExchange(ref word, value | mask, value) == value)
            {
                return;
            }
            WaitUntilClear(ref word, mask);
        }
    }

    /// <summary>
    /// <see cref="LockOr"/> with exponential backoff while the bit is set, as concurrencykit's
    /// ck_backoff_eb does: 1, 2, 4, ... pauses between looks at the word, up to
    /// <see cref="BackoffCeiling"/>. Not the kernel's shape, which relaxes once per look.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LockBackoff(ref ulong word, ulong mask)
    {
        while ((TAtomics.Or(ref word, mask) & mask) != 0)
        {
            WaitWithBackoff(ref word, mask);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLock(ref ulong word, ulong mask) => (TAtomics.Or(ref word, mask) & mask) == 0;

    /// <summary>bit_spin_unlock(): the atomic clear, <c>lock and</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(ref ulong word, ulong mask) => TAtomics.And(ref word, ~mask);

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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WaitWithBackoff(ref ulong word, ulong mask)
    {
        int pauses = 1;
        do
        {
            for (int i = 0; i < pauses; i++)
            {
                CpuRelax.Relax();
            }
            pauses = Math.Min(pauses * 2, BackoffCeiling);
        }
        while ((Volatile.Read(ref word) & mask) != 0);
    }
}
