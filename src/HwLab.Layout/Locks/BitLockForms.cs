using System.Runtime.CompilerServices;

namespace HwLab.Layout.Locks;

/// <summary>
/// The forms BitSpinLock's default was chosen from, kept so that `hwlab run locks --kinds` and
/// `hwlab run falseshare --impls` can measure them beside it on the same layout.
/// </summary>
public static class BitLockForms
{
    /// <summary>Acquired with a read and one <c>lock cmpxchg</c> (<see cref="BitSpinLock.LockCompareExchange"/>).</summary>
    public readonly struct CompareExchange : IBitLockForm
    {
        public static string Name => "bitlock-cas";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Lock(ref ulong word, int bit) => BitSpinLock.LockCompareExchange(ref word, bit);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unlock(ref ulong word, int bit) => BitSpinLock.Unlock(ref word, bit);
    }

    /// <summary>
    /// Acquired with <c>lock xadd</c> then <c>lock cmpxchg</c> (<see cref="BitSpinLock.LockFetchFirst"/>):
    /// one ownership request per acquire even when the line is elsewhere.
    /// </summary>
    public readonly struct FetchFirst : IBitLockForm
    {
        public static string Name => "bitlock-xadd";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Lock(ref ulong word, int bit) => BitSpinLock.LockFetchFirst(ref word, bit);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unlock(ref ulong word, int bit) => BitSpinLock.Unlock(ref word, bit);
    }

    /// <summary>The default acquire with exponential backoff while the bit is set (<see cref="BitSpinLock.LockBackoff"/>), which the kernel does not do.</summary>
    public readonly struct Backoff : IBitLockForm
    {
        public static string Name => "bitlock-backoff";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Lock(ref ulong word, int bit) => BitSpinLock.LockBackoff(ref word, bit);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unlock(ref ulong word, int bit) => BitSpinLock.Unlock(ref word, bit);
    }

    /// <summary>
    /// The default acquire, released with <see cref="BitSpinLock.UnlockNonAtomic"/> (__bit_spin_unlock:
    /// a plain release store), valid only while every writer of the word holds the lock.
    /// </summary>
    public readonly struct NonAtomicRelease : IBitLockForm
    {
        public static string Name => "bitlock-store";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Lock(ref ulong word, int bit) => BitSpinLock.Lock(ref word, bit);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unlock(ref ulong word, int bit) => BitSpinLock.UnlockNonAtomic(ref word, bit);
    }
}
