using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout.Locks;

/// <summary>
/// The seed's cluster bit lock acquired with <see cref="BitSpinLock.LockFetchFirst"/> (<c>lock xadd</c>
/// then <c>lock cmpxchg</c>): one ownership request per acquire even when the line is elsewhere.
/// </summary>
public readonly struct ClusterBitLockFetchFirst : IClusterLock
{
    public static string Name => "bitlock-xadd";

    public static int WordSize => sizeof(ulong);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster) => BitSpinLock.LockFetchFirst(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => BitSpinLock.TryLock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => BitSpinLock.Unlock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => BitSpinLock.IsLocked(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
}
