using System.Runtime.InteropServices;

namespace HwLab.Layout.Kernel;

/// <summary>
/// struct mcs_spinlock (kernel/locking/mcs_spinlock.h): a waiter's place in a queued spinlock's
/// queue. Its owner spins on <see cref="locked"/>, which only the waiter ahead writes, so waiters
/// do not bounce the lock word between them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct mcs_spinlock
{
    /// <summary>The waiter queued behind this one; written by that waiter when it joins.</summary>
    public mcs_spinlock* next;

    /// <summary>1 once this waiter heads the queue; written by the waiter ahead when it takes the lock.</summary>
    public int locked;

    /// <summary>Node 0 of a CPU only: how many of the CPU's nodes are in use (the nesting depth).</summary>
    public int count;
}
