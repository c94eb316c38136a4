using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;
using HwLab.Native;

namespace HwLab.Layout.Locks;

/// <summary>
/// The 4.11 cluster lock as the kernel compiles it on x86: the queued spinlock of libhwlab_native
/// (native-layout/src/qspinlock.c) on the same 4-byte spinlock_t as <see cref="ClusterQueuedSpinLock"/>,
/// queueing on the calling thread's <see cref="QueuedSpinLockNodes"/> table, so the two can be
/// compared on one array.
/// </summary>
public readonly struct NativeClusterQueuedSpinLock : IClusterLock
{
    public static string Name => "native-qspinlock";

    public static int WordSize => sizeof(uint);

    /// <remarks>
    /// The native slow path cannot throw, so the attachment is checked here, on every call, not
    /// only when the lock is contended as <see cref="QueuedSpinLock"/> does.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lock(void* cluster)
    {
        QueuedSpinLockNodes nodes = QueuedSpinLockCpu.CurrentNodes ?? throw QueuedSpinLockCpu.NotAttached();
        NativeQueuedSpinLock.Lock((uint*)cluster, nodes.First, nodes.Stride, QueuedSpinLockCpu.CurrentCpu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool TryLock(void* cluster) => NativeQueuedSpinLock.TryLock((uint*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Unlock(void* cluster) => NativeQueuedSpinLock.Unlock((uint*)cluster);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe bool IsLocked(void* cluster) => QueuedSpinLock.IsLocked(ref *(qspinlock*)cluster);
}
