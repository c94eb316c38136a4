using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;
using HwLab.Native;

namespace HwLab.Layout.Locks;

/// <summary>
/// The seed's cluster lock as the kernel compiles it: the native <c>lock bts</c> bit spinlock of
/// libhwlab_native, called through a function pointer on the same bit of the same word as
/// <see cref="ClusterBitLock"/>, so the two can be compared on one array.
/// </summary>
public readonly struct NativeClusterBitLock : IClusterLock
{
    public static string Name => "native-bitlock";

    public static int WordSize => sizeof(ulong);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster) => NativeBitSpinLockExports.Lock((ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => NativeBitSpinLockExports.TryLock((ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => NativeBitSpinLockExports.Unlock((ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => BitSpinLock.IsLocked(ref *(ulong*)cluster, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
}
