using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout.Locks;

/// <summary>The seed's cluster lock in C#: bit CLUSTER_FLAG_LOCK_BIT of the 8-byte data word, taken with <see cref="BitSpinLock"/>.</summary>
public readonly struct ClusterBitLock : IClusterLock
{
    public static string Name => "bitlock";

    public static int WordSize => sizeof(ulong);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster) => BitSpinLock.Lock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => BitSpinLock.TryLock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => BitSpinLock.Unlock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => BitSpinLock.IsLocked(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
}
