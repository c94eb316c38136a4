using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Layout.Tests.Locks;

/// <summary>How a broken twin takes the lock: one of <see cref="BitSpinLockShapes{TAtomics}"/>'s acquires over <see cref="PlainWord"/>.</summary>
internal interface IBrokenAcquire
{
    static abstract void Lock(ref ulong word, ulong mask);
}

/// <summary>
/// A shape of <see cref="BitSpinLock"/> built on <see cref="PlainWord"/> instead of atomics: the
/// same spin and the same release, but no atomic test-and-set. The validate test must catch every
/// one of them, or it proves nothing about the shape it passes.
/// </summary>
internal readonly struct BrokenBitLock<TAcquire> : IClusterLock
    where TAcquire : struct, IBrokenAcquire
{
    private const ulong Mask = 1UL << SwapCluster.CLUSTER_FLAG_LOCK_BIT;

    public static string Name => "broken-bitlock";

    public static int WordSize => sizeof(ulong);

    public static unsafe void Lock(void* cluster) => TAcquire.Lock(ref *(ulong*)cluster, Mask);

    public static unsafe bool TryLock(void* cluster) => BitSpinLockShapes<PlainWord>.TryLock(ref *(ulong*)cluster, Mask);

    public static unsafe void Unlock(void* cluster) => BitSpinLockShapes<PlainWord>.Unlock(ref *(ulong*)cluster, Mask);

    public static unsafe bool IsLocked(void* cluster) => (Volatile.Read(ref *(ulong*)cluster) & Mask) != 0;
}

/// <summary>The broken twins' acquires, one per shape.</summary>
internal static class BrokenAcquires
{
    /// <summary>The default's shape (test-and-set by fetch-or, read-only spin).</summary>
    internal readonly struct Or : IBrokenAcquire
    {
        public static void Lock(ref ulong word, ulong mask) => BitSpinLockShapes<PlainWord>.LockOr(ref word, mask);
    }

    internal readonly struct CompareExchange : IBrokenAcquire
    {
        public static void Lock(ref ulong word, ulong mask) => BitSpinLockShapes<PlainWord>.LockCompareExchange(ref word, mask);
    }

    internal readonly struct FetchFirst : IBrokenAcquire
    {
        public static void Lock(ref ulong word, ulong mask) => BitSpinLockShapes<PlainWord>.LockFetchFirst(ref word, mask);
    }

    internal readonly struct Backoff : IBrokenAcquire
    {
        public static void Lock(ref ulong word, ulong mask) => BitSpinLockShapes<PlainWord>.LockBackoff(ref word, mask);
    }
}
