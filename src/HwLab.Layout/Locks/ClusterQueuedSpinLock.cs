using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;

namespace HwLab.Layout.Locks;

/// <summary>
/// The 4.11 cluster lock as x86 takes it: the 4-byte spinlock_t at the cluster's start (the
/// spinlock, list and table generations), taken as a <see cref="QueuedSpinLock"/>. A thread must be
/// attached to the <see cref="QueuedSpinLockNodes"/> table every thread taking these clusters' locks shares.
/// </summary>
public readonly struct ClusterQueuedSpinLock : IClusterLock
{
    public static string Name => "qspinlock";

    public static int WordSize => sizeof(uint);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster) => QueuedSpinLock.Lock(ref *(qspinlock*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => QueuedSpinLock.TryLock(ref *(qspinlock*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => QueuedSpinLock.Unlock(ref *(qspinlock*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => QueuedSpinLock.IsLocked(ref *(qspinlock*)cluster);
}
