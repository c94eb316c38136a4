using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// One CPU's share of the queued spinlock (native-layout/include/qspinlock_types.h): the per-CPU
/// qnodes[MAX_NODES] of kernel/locking/qspinlock.c, 64 bytes, then two of the per-CPU counters its
/// CONFIG_QUEUED_LOCK_STAT build keeps (qstat_lock_pending, qstat_lock_slowpath). Only the owning
/// CPU writes the counters.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct qspinlock_cpu
{
    public Qnodes qnodes;

    /// <summary>Lock calls that took the lock through the pending bit.</summary>
    public ulong lock_pending;

    /// <summary>Lock calls that queued (took a node).</summary>
    public ulong lock_slowpath;

    /// <summary>The <see cref="QspinlockTypes.MAX_NODES"/> queue nodes, one per nesting level.</summary>
    [InlineArray(QspinlockTypes.MAX_NODES)]
    public struct Qnodes
    {
        private mcs_spinlock _node0;
    }
}
