using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native;
using HwLab.Native.Threading;

namespace HwLab.Lab.Workloads;

/// <summary>A lock on the word at a pointer, with the bit a bit lock uses (ignored by the others).</summary>
internal unsafe interface IWordLock
{
    static abstract void Lock(byte* word, int bit);

    static abstract void Unlock(byte* word, int bit);

    static abstract bool IsLocked(byte* word, int bit);
}

/// <summary>The kernel's bit_spin_lock on an 8-byte word in managed code (<see cref="BitSpinLock"/>).</summary>
internal readonly unsafe struct ManagedBitLock64 : IWordLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(byte* word, int bit) => BitSpinLock.Lock(ref *(ulong*)word, bit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(byte* word, int bit) => BitSpinLock.Unlock(ref *(ulong*)word, bit);

    public static bool IsLocked(byte* word, int bit) => BitSpinLock.IsLocked(ref *(ulong*)word, bit);
}

/// <summary>
/// The same test-and-test-and-set bit lock on a 4-byte word: Interlocked.Or/And on the word's 4
/// bytes only, so a lock in a 4-byte struct never writes its neighbour's bytes.
/// </summary>
internal readonly unsafe struct ManagedBitLock32 : IWordLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(byte* word, int bit)
    {
        uint mask = 1u << bit;
        while ((Interlocked.Or(ref *(uint*)word, mask) & mask) != 0)
        {
            while ((Volatile.Read(ref *(uint*)word) & mask) != 0)
            {
                CpuRelax.Relax();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(byte* word, int bit) => Interlocked.And(ref *(uint*)word, ~(1u << bit));

    public static bool IsLocked(byte* word, int bit) => (Volatile.Read(ref *(uint*)word) & (1u << bit)) != 0;
}

/// <summary>The kernel's bit_spin_lock compiled from C (lock bts, pause, lock and) in libhwlab_native, on an 8-byte word.</summary>
internal readonly unsafe struct NativeBitLock64 : IWordLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(byte* word, int bit) => NativeBitSpinLockExports.Lock((ulong*)word, bit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(byte* word, int bit) => NativeBitSpinLockExports.Unlock((ulong*)word, bit);

    public static bool IsLocked(byte* word, int bit) => BitSpinLock.IsLocked(ref *(ulong*)word, bit);
}

/// <summary>x86's spinlock_t since 4.2, the queued spinlock, in managed code; the thread must be attached to a node table.</summary>
internal readonly unsafe struct ManagedQueuedLock : IWordLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(byte* word, int bit) => ClusterQueuedSpinLock.Lock(word);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(byte* word, int bit) => ClusterQueuedSpinLock.Unlock(word);

    public static bool IsLocked(byte* word, int bit) => ClusterQueuedSpinLock.IsLocked(word);
}

/// <summary>The queued spinlock of libhwlab_native (qspinlock.c); the thread must be attached to a node table.</summary>
internal readonly unsafe struct NativeQueuedLock : IWordLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(byte* word, int bit) => NativeClusterQueuedSpinLock.Lock(word);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(byte* word, int bit) => NativeClusterQueuedSpinLock.Unlock(word);

    public static bool IsLocked(byte* word, int bit) => QueuedSpinLock.IsLocked(ref *(qspinlock*)word);
}

/// <summary>x86's spinlock_t before 4.2, the ticket lock (<see cref="TicketLock"/>).</summary>
internal readonly unsafe struct TicketWordLock : IWordLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(byte* word, int bit) => TicketLock.Lock(ref *(uint*)word);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(byte* word, int bit) => TicketLock.Unlock(ref *(uint*)word);

    public static bool IsLocked(byte* word, int bit) => TicketLock.IsLocked(ref *(uint*)word);
}
