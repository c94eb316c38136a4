using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// Each shape of <see cref="BitSpinLock"/> built on <see cref="PlainWord"/> instead of atomics:
/// the same spin and the same release, but no atomic test-and-set. The validate test must catch
/// every one of them, or it proves nothing about the shape it passes.
/// </summary>
internal static class BrokenBitLocks
{
    private const ulong Mask = 1UL << SwapCluster.CLUSTER_FLAG_LOCK_BIT;

    private static unsafe ref ulong Word(void* cluster) => ref *(ulong*)cluster;

    private static unsafe bool IsHeld(void* cluster) => (Volatile.Read(ref Word(cluster)) & Mask) != 0;

    /// <summary>The default's shape (test-and-set by fetch-or, read-only spin) made non-atomic.</summary>
    internal readonly struct Or : IClusterLock
    {
        public static string Name => "broken-bitlock";

        public static int WordSize => sizeof(ulong);

        public static unsafe void Lock(void* cluster) => BitSpinLockShapes<PlainWord>.LockOr(ref Word(cluster), Mask);

        public static unsafe bool TryLock(void* cluster) => BitSpinLockShapes<PlainWord>.TryLock(ref Word(cluster), Mask);

        public static unsafe void Unlock(void* cluster) => BitSpinLockShapes<PlainWord>.Unlock(ref Word(cluster), Mask);

        public static unsafe bool IsLocked(void* cluster) => IsHeld(cluster);
    }

    /// <summary>The compare-and-swap shape made non-atomic.</summary>
    internal readonly struct CompareExchange : IClusterLock
    {
        public static string Name => "broken-bitlock-cas";

        public static int WordSize => sizeof(ulong);

        public static unsafe void Lock(void* cluster) => BitSpinLockShapes<PlainWord>.LockCompareExchange(ref Word(cluster), Mask);

        public static unsafe bool TryLock(void* cluster) => BitSpinLockShapes<PlainWord>.TryLock(ref Word(cluster), Mask);

        public static unsafe void Unlock(void* cluster) => BitSpinLockShapes<PlainWord>.Unlock(ref Word(cluster), Mask);

        public static unsafe bool IsLocked(void* cluster) => IsHeld(cluster);
    }

    /// <summary>The fetch-first shape made non-atomic.</summary>
    internal readonly struct FetchFirst : IClusterLock
    {
        public static string Name => "broken-bitlock-xadd";

        public static int WordSize => sizeof(ulong);

        public static unsafe void Lock(void* cluster) => BitSpinLockShapes<PlainWord>.LockFetchFirst(ref Word(cluster), Mask);

        public static unsafe bool TryLock(void* cluster) => BitSpinLockShapes<PlainWord>.TryLock(ref Word(cluster), Mask);

        public static unsafe void Unlock(void* cluster) => BitSpinLockShapes<PlainWord>.Unlock(ref Word(cluster), Mask);

        public static unsafe bool IsLocked(void* cluster) => IsHeld(cluster);
    }

    /// <summary>The backoff shape made non-atomic.</summary>
    internal readonly struct Backoff : IClusterLock
    {
        public static string Name => "broken-bitlock-backoff";

        public static int WordSize => sizeof(ulong);

        public static unsafe void Lock(void* cluster) => BitSpinLockShapes<PlainWord>.LockBackoff(ref Word(cluster), Mask);

        public static unsafe bool TryLock(void* cluster) => BitSpinLockShapes<PlainWord>.TryLock(ref Word(cluster), Mask);

        public static unsafe void Unlock(void* cluster) => BitSpinLockShapes<PlainWord>.Unlock(ref Word(cluster), Mask);

        public static unsafe bool IsLocked(void* cluster) => IsHeld(cluster);
    }
}
