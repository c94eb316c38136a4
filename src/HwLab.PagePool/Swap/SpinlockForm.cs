namespace HwLab.PagePool.Swap;

/// <summary>How x86 takes a spinlock_t: the device's si->lock, its swap_avail_lock and slot-cache locks, and the spinlock_t in the cluster.</summary>
public enum SpinlockForm
{
    /// <summary>The queued spinlock (kernel/locking/qspinlock.c), x86's spinlock_t since 4.2, so of every kernel the device models.</summary>
    Queued,

    /// <summary>The ticket lock, x86's spinlock_t before 4.2: kept as a comparison, no modelled kernel took it.</summary>
    Ticket,
}
