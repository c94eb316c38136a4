using HwLab.Layout.Kernel;
using HwLab.Native.Memory;

namespace HwLab.Layout.Locks;

/// <summary>
/// The queue nodes of queued spinlocks: one <see cref="qspinlock_cpu"/> per "CPU", in a page-aligned
/// <see cref="PageArena"/>, each padded to whole cache lines so no two CPUs' nodes share one, as
/// the kernel's per-CPU aligned qnodes[] array. Every thread that takes a given lock must be
/// attached to the same table: a lock word's tail names a node by its index in it.
/// </summary>
/// <remarks>
/// A "CPU" here is a slot a thread owns while it is attached (<see cref="Attach"/>), not the CPU it
/// runs on. The kernel may use the running CPU's nodes because spin_lock() disables preemption,
/// so nothing else runs there until the slow path is done; a user thread can be preempted in the
/// middle of it, and another thread on the same CPU (two workers on one CPU, or any other thread)
/// would then take the same nodes. With one pinned worker per CPU and slot i for worker i, a tail
/// names a worker's CPU as the kernel's names a CPU.
/// <para>
/// The memory is released exactly once, by the arena's SafeHandle. Disposing the table while a
/// live thread is still attached defers the release to that thread's detach, so a lock call can
/// never touch unmapped nodes; threads that ended attached hold nothing (should the last one end
/// after the table was disposed, the arena's finalizer releases the memory).
/// </para>
/// </remarks>
public sealed unsafe class QueuedSpinLockNodes : IDisposable
{
    private readonly ClusterArray<qspinlock_cpu> _cpus;
    private readonly Thread?[] _attached;
    private readonly Lock _gate = new();
    private int _attachments;
    private bool _disposed;

    private QueuedSpinLockNodes(ClusterArray<qspinlock_cpu> cpus, int lineSize)
    {
        _cpus = cpus;
        _attached = new Thread?[cpus.Count];
        LineSize = lineSize;
    }

    /// <summary>How many CPUs (attachable slots) the table has.</summary>
    public int CpuCount => _attached.Length;

    /// <summary>Bytes from one CPU's nodes to the next: sizeof(qspinlock_cpu) rounded up to whole lines.</summary>
    public int Stride => _cpus.Stride;

    /// <summary>The cache line size the table was padded for.</summary>
    public int LineSize { get; }

    /// <summary>Whether the nodes' memory has been given back (once disposed and no live thread attached).</summary>
    internal bool IsReleased => _cpus.Arena.IsDisposed;

    /// <summary>CPU 0's nodes; CPU c's are <see cref="Stride"/> * c bytes further (what the native lock is given).</summary>
    internal qspinlock_cpu* First => _cpus.ElementPointer(0);

    /// <summary>
    /// A table for <paramref name="cpus"/> CPUs on a machine with lines of <paramref name="lineSize"/>
    /// bytes (take it from the measured topology; 64 on x86).
    /// </summary>
    public static QueuedSpinLockNodes Allocate(int cpus, int lineSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpus);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cpus, QspinlockTypes.MaxTailCpus);
        if (lineSize is < 16 or > 4096 || !int.IsPow2(lineSize))
        {
            throw new ArgumentOutOfRangeException(nameof(lineSize), lineSize, "A cache line size is a power of two from 16 to 4096 bytes.");
        }
        int stride = (sizeof(qspinlock_cpu) + lineSize - 1) / lineSize * lineSize;
        return new QueuedSpinLockNodes(ClusterArray<qspinlock_cpu>.Allocate(cpus, stride), lineSize);
    }

    /// <summary>
    /// Makes the calling thread CPU <paramref name="cpu"/> of this table for queued spinlocks until
    /// the result is disposed, on the same thread, or the thread ends. A thread must be attached
    /// before it takes a queued spinlock that may be contended.
    /// </summary>
    /// <remarks>
    /// A slot whose thread has ended is free again: a thread that is gone cannot be inside a lock
    /// call, so a team whose worker threads end with each run may attach each new one without
    /// detaching the last.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The slot belongs to another live thread, or this thread is already attached.</exception>
    public QueuedSpinLockCpu Attach(int cpu)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpu);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cpu, CpuCount);
        if (QueuedSpinLockCpu.CurrentNodes is not null)
        {
            throw new InvalidOperationException($"This thread is already CPU {QueuedSpinLockCpu.CurrentCpu} of a queued spinlock node table; detach it first.");
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_attached[cpu] is { IsAlive: true } owner)
            {
                throw new InvalidOperationException($"CPU {cpu} of the queued spinlock node table belongs to thread {owner.ManagedThreadId}; a CPU's nodes must have one thread.");
            }
            if (_attached[cpu] is null)
            {
                _attachments++;
            }
            _attached[cpu] = Thread.CurrentThread;
        }
        return QueuedSpinLockCpu.Enter(this, cpu);
    }

    /// <summary>How many lock calls took the pending path and how many queued, over every CPU (qstat's two counters).</summary>
    /// <remarks>Exact only once the threads that locked are done: each CPU's counters are written by its thread alone.</remarks>
    internal (long Pending, long Slowpath) Counts()
    {
        long pending = 0, slowpath = 0;
        for (int c = 0; c < CpuCount; c++)
        {
            pending += (long)Cpu(c)->lock_pending;
            slowpath += (long)Cpu(c)->lock_slowpath;
        }
        return (pending, slowpath);
    }

    /// <summary>Whether every CPU's nodes are free (node 0's count is 0), as they must be when nobody is locking.</summary>
    internal bool AllNodesFree()
    {
        for (int c = 0; c < CpuCount; c++)
        {
            if (Cpu(c)->qnodes[0].count != 0)
            {
                return false;
            }
        }
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            // Threads that ended attached hold nothing any more.
            for (int c = 0; c < _attached.Length; c++)
            {
                if (_attached[c] is { IsAlive: false })
                {
                    _attached[c] = null;
                    _attachments--;
                }
            }
            if (_attachments == 0)
            {
                _cpus.Dispose();
            }
        }
    }

    /// <summary>CPU <paramref name="cpu"/>'s nodes and counters.</summary>
    internal qspinlock_cpu* Cpu(int cpu) => _cpus.ElementPointer(cpu);

    /// <summary>decode_tail(): the node a tail code names.</summary>
    /// <exception cref="InvalidOperationException">The tail names a CPU this table does not have.</exception>
    internal mcs_spinlock* Node(uint tail)
    {
        int cpu = QspinlockTypes.TailCpu(tail);
        if ((uint)cpu >= (uint)CpuCount)
        {
            // The kernel trusts the word; here a word last used as another kind of lock, or by
            // threads of another table, would send the hand-over into memory outside the table.
            throw new InvalidOperationException($"The lock word's tail names CPU {cpu}, but the node table has {CpuCount}: the word was not a queued spinlock of this table's threads.");
        }
        return (mcs_spinlock*)&Cpu(cpu)->qnodes + QspinlockTypes.TailIdx(tail);
    }

    internal void Detach(int cpu)
    {
        lock (_gate)
        {
            _attached[cpu] = null;
            _attachments--;
            if (_disposed && _attachments == 0)
            {
                _cpus.Dispose();
            }
        }
    }
}
