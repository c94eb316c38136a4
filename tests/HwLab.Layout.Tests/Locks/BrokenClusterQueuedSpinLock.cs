using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using static HwLab.Layout.Kernel.QspinlockTypes;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// A deliberately broken queued spinlock: a caller that becomes the pending waiter takes the lock
/// at once (clear pending, set locked) instead of first waiting for the owner's locked byte to
/// clear, so it enters while the owner is still inside. Everything else is the real lock. The
/// validate test must catch it, or it cannot see a wrong pending hand-over.
/// </summary>
internal readonly struct BrokenClusterQueuedSpinLock : IClusterLock
{
    public static string Name => "broken-qspinlock";

    public static int WordSize => sizeof(uint);

    public static unsafe void Lock(void* cluster)
    {
        ref qspinlock word = ref *(qspinlock*)cluster;
        if (Interlocked.CompareExchange(ref word.val, _Q_LOCKED_VAL, 0) == 0)
        {
            return;
        }
        uint val = QueuedSpinLock.FetchSetPendingAcquire(ref word);
        if ((val & ~_Q_LOCKED_MASK) == 0)
        {
            QueuedSpinLock.ClearPendingSetLocked(ref word); // the bug: the owner may still hold it
            return;
        }
        if ((val & _Q_PENDING_MASK) == 0)
        {
            QueuedSpinLock.ClearPending(ref word);
        }
        QueuedSpinLock.Lock(ref word);
    }

    public static unsafe bool TryLock(void* cluster) => ClusterQueuedSpinLock.TryLock(cluster);

    public static unsafe void Unlock(void* cluster) => ClusterQueuedSpinLock.Unlock(cluster);

    public static unsafe bool IsLocked(void* cluster) => ClusterQueuedSpinLock.IsLocked(cluster);
}
