namespace HwLab.Native;

/// <summary>
/// The kernel's queued spinlock in libhwlab_native (native-layout/src/qspinlock.c), on a 4-byte
/// lock word: <c>lock cmpxchg</c> of 0 to locked, the pending bit set with <c>lock bts</c>, an MCS
/// queue on the caller's node table, release as a byte store of 0.
/// </summary>
public static unsafe class NativeQueuedSpinLock
{
    /// <summary>
    /// Takes the lock at <paramref name="lockWord"/>, queueing if it must as CPU <paramref name="cpu"/>
    /// of the node table at <paramref name="cpus"/> (struct qspinlock_cpu, <paramref name="stride"/>
    /// bytes apart). The calling thread must own that CPU's nodes alone, and every thread taking
    /// this lock must use the same table.
    /// </summary>
    public static void Lock(uint* lockWord, void* cpus, int stride, int cpu) => Interop.HwLabNative.QueuedSpinLock(lockWord, cpus, stride, cpu);

    /// <summary>Takes the lock only if its word is 0; never waits.</summary>
    public static bool TryLock(uint* lockWord) => Interop.HwLabNative.QueuedSpinTrylock(lockWord) != 0;

    public static void Unlock(uint* lockWord) => Interop.HwLabNative.QueuedSpinUnlock(lockWord);
}
