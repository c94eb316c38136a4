using System.Runtime.CompilerServices;
using HwLab.Layout.Kernel;
using HwLab.Native.Threading;
using static HwLab.Layout.Kernel.QspinlockTypes;

namespace HwLab.Layout.Locks;

/// <summary>
/// The kernel's queued spinlock (qspinlock), x86's spinlock_t since 4.2, in C#: a 4-byte word
/// (<see cref="qspinlock"/>) holding a locked byte, a pending bit and the tail of an MCS queue,
/// whose waiters each spin on a node of their own CPU instead of on the word. Fair (FIFO) once
/// queued, like <see cref="TicketLock"/>, but only the pending waiter and the queue head read the
/// word, so a release disturbs two waiters' caches, not every waiter's.
/// </summary>
/// <remarks>
/// The model follows kernel/locking/qspinlock.c, queued_spin_lock_slowpath(), as it reads in the
/// torvalds/linux tree at commit 0200fbdd4315 (whose Makefile says 4.19.0), with x86's
/// <see cref="_Q_PENDING_LOOPS"/> (arch/x86/include/asm/qspinlock.h); the fast path is
/// queued_spin_lock() and the release x86's native_queued_spin_unlock(). In 4.2, the first x86
/// kernel with it (as copies of that era's file show it), the lock-or-pending step was a cmpxchg
/// retry loop and the wait for a take-over in flight had no bound; the MCS queue is the same.
/// <para>
/// Lock: one <c>lock cmpxchg</c> of 0 to locked. When that fails: wait a bounded while for a
/// pending take-over in flight; if only the locked byte is set, become the pending waiter (spin
/// on the word until the owner leaves, then clear pending and set locked in one 16-bit store);
/// otherwise queue: take this CPU's next node, exchange it into the tail, spin on the node until
/// the waiter ahead hands over, then as queue head wait for locked and pending to clear, take the
/// lock and hand the head to the next node. Unlock: a release store of 0 to the locked byte.
/// </para>
/// <para>
/// A thread must be attached to a <see cref="QueuedSpinLockNodes"/> table (its "CPU") before it
/// can queue; the fast path and the pending path need no node. Paravirtual spinlocks and
/// virt_spin_lock() (the test-and-set fallback x86 kernels use on hypervisors without PV
/// spinlocks) are left out: this is the native path, as on bare metal. The byte and half-word
/// stores into the word that others update with 32-bit atomics are what the kernel does on x86;
/// .NET's memory model does not speak of mixed sizes, the x86 and arm64 hardware orders them.
/// </para>
/// </remarks>
public static unsafe class QueuedSpinLock
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lock(ref qspinlock @lock)
    {
        uint val = Interlocked.CompareExchange(ref @lock.val, _Q_LOCKED_VAL, 0);
        if (val != 0)
        {
            SlowPath(ref @lock, val);
        }
    }

    /// <summary>queued_spin_trylock(): takes the lock only if the word is 0 (nobody holds, waits or is pending); never waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLock(ref qspinlock @lock)
        => Volatile.Read(ref @lock.val) == 0 && Interlocked.CompareExchange(ref @lock.val, _Q_LOCKED_VAL, 0) == 0;

    /// <summary>A release store of 0 to the locked byte: pending and tail are other waiters' and stay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlock(ref qspinlock @lock) => Volatile.Write(ref @lock.locked, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLocked(ref qspinlock @lock) => (Volatile.Read(ref @lock.val) & _Q_LOCKED_MASK) != 0;

    /// <summary>queued_fetch_set_pending_acquire(): sets pending, returns the word as it was (x86 uses <c>lock bts</c>; here a <c>lock cmpxchg</c> loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint FetchSetPendingAcquire(ref qspinlock @lock) => Interlocked.Or(ref @lock.val, _Q_PENDING_VAL);

    /// <summary>clear_pending(): *,1,* -> *,0,*.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ClearPending(ref qspinlock @lock) => Volatile.Write(ref @lock.pending, 0);

    /// <summary>clear_pending_set_locked(): *,1,0 -> *,0,1 in one 16-bit store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ClearPendingSetLocked(ref qspinlock @lock) => Volatile.Write(ref @lock.locked_pending, (ushort)_Q_LOCKED_VAL);

    // Kept out of line: the uncontended path stays one cmpxchg where it is inlined.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SlowPath(ref qspinlock @lock, uint val)
    {
        QueuedSpinLockNodes nodes = QueuedSpinLockCpu.CurrentNodes ?? throw QueuedSpinLockCpu.NotAttached();
        int cpu = QueuedSpinLockCpu.CurrentCpu;

        // 0,1,0: a pending waiter is taking the lock over; give it a bounded number of reads.
        for (int spins = _Q_PENDING_LOOPS; val == _Q_PENDING_VAL && spins > 0; spins--)
        {
            CpuRelax.Relax();
            val = Volatile.Read(ref @lock.val);
        }

        // Anything but the locked byte (pending, a queue) means others are ahead: queue.
        if ((val & ~_Q_LOCKED_MASK) == 0)
        {
            val = FetchSetPendingAcquire(ref @lock);
            if ((val & ~_Q_LOCKED_MASK) == 0)
            {
                // Pending: wait for the owner alone, then take over.
                if ((val & _Q_LOCKED_MASK) != 0)
                {
                    WaitUntilClear(ref @lock, _Q_LOCKED_MASK);
                }
                ClearPendingSetLocked(ref @lock);
                nodes.Cpu(cpu)->lock_pending++;
                return;
            }
            // Someone got there first. Clear pending only if this call was the one that set it.
            if ((val & _Q_PENDING_MASK) == 0)
            {
                ClearPending(ref @lock);
            }
        }
        QueueAndLock(ref @lock, nodes, cpu);
    }

    private static void QueueAndLock(ref qspinlock @lock, QueuedSpinLockNodes nodes, int cpu)
    {
        qspinlock_cpu* mine = nodes.Cpu(cpu);
        mine->lock_slowpath++;
        mcs_spinlock* first = (mcs_spinlock*)&mine->qnodes;
        int idx = first->count;
        if (idx >= MAX_NODES)
        {
            // A thread's slow path never nests in user space; a count this high is a corrupted table.
            throw new InvalidOperationException($"CPU {cpu} already has all {MAX_NODES} queue nodes in use.");
        }
        first->count = idx + 1;
        mcs_spinlock* node = first + idx;
        node->locked = 0;
        node->next = null;

        // Touching the node may have taken a while: the lock may be free by now.
        if (!TryLock(ref @lock))
        {
            WaitInQueue(ref @lock, nodes, node, EncodeTailUnchecked(cpu, idx));
        }
        first->count = idx;
    }

    private static void WaitInQueue(ref qspinlock @lock, QueuedSpinLockNodes nodes, mcs_spinlock* node, uint tail)
    {
        // Publish: only the tail half is exchanged, locked and pending stay as they are. The
        // exchange is a full fence, so the node's initialisation is visible before the tail is.
        uint old = (uint)Interlocked.Exchange(ref @lock.tail, (ushort)(tail >> _Q_TAIL_OFFSET)) << _Q_TAIL_OFFSET;
        mcs_spinlock* next = null;
        if ((old & _Q_TAIL_MASK) != 0)
        {
            mcs_spinlock* prev = nodes.Node(old);
            Volatile.Write(ref *(nint*)&prev->next, (nint)node);
            while (Volatile.Read(ref node->locked) == 0)
            {
                CpuRelax.Relax();
            }
            // Whoever queued behind while this node waited is handed the head below.
            next = (mcs_spinlock*)Volatile.Read(ref *(nint*)&node->next);
        }

        // Queue head: the owner and any pending waiter go first.
        uint val = WaitUntilClear(ref @lock, _Q_LOCKED_PENDING_MASK);

        // Alone in the queue: take the lock and empty the queue in one step, unless someone just joined.
        if ((val & _Q_TAIL_MASK) == tail && Interlocked.CompareExchange(ref @lock.val, _Q_LOCKED_VAL, val) == val)
        {
            return;
        }

        // Others are queued (or pending was set and will see the tail): take the lock, hand the head on.
        Volatile.Write(ref @lock.locked, (byte)_Q_LOCKED_VAL);
        while (next == null)
        {
            CpuRelax.Relax();
            next = (mcs_spinlock*)Volatile.Read(ref *(nint*)&node->next);
        }
        Volatile.Write(ref next->locked, 1);
    }

    private static uint WaitUntilClear(ref qspinlock @lock, uint mask)
    {
        uint val;
        while (((val = Volatile.Read(ref @lock.val)) & mask) != 0)
        {
            CpuRelax.Relax();
        }
        return val;
    }
}
