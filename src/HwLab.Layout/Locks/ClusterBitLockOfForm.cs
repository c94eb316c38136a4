using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout.Locks;

/// <summary>The seed's cluster lock, bit CLUSTER_FLAG_LOCK_BIT of the 8-byte data word, taken and released in form <typeparamref name="TForm"/>.</summary>
public readonly struct ClusterBitLock<TForm> : IClusterLock
    where TForm : struct, IBitLockForm
{
    public static string Name => TForm.Name;

    public static int WordSize => sizeof(ulong);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster) => TForm.Lock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => BitSpinLock.TryLock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => TForm.Unlock(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => BitSpinLock.IsLocked(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
}
