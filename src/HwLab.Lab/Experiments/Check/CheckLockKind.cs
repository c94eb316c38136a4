namespace HwLab.Lab.Experiments.Check;

/// <summary>The lock a checked struct's word holds.</summary>
public enum CheckLockKind
{
    /// <summary>One bit of a 4- or 8-byte word: the kernel's bit_spin_lock (managed: Interlocked.Or/And; native: lock bts).</summary>
    Bit,

    /// <summary>A 4-byte queued spinlock, x86's spinlock_t since 4.2 (managed QueuedSpinLock; native qspinlock.c).</summary>
    SpinLock,

    /// <summary>A 4-byte ticket lock, x86's spinlock_t before 4.2 (managed only).</summary>
    Ticket,
}
