namespace HwLab.Lab.Workloads;

/// <summary>The forms of the seed's cluster bit lock the cache-line experiments can run side by side.</summary>
internal enum BitLockForm
{
    /// <summary>BitSpinLock's default: acquired with Interlocked.Or (a load and a lock cmpxchg loop), released with lock and.</summary>
    Managed,

    /// <summary>Acquired with a read and one compare-and-swap.</summary>
    ManagedCompareExchange,

    /// <summary>Acquired with lock xadd 0, then lock cmpxchg.</summary>
    ManagedFetchFirst,

    /// <summary>The default acquire with exponential backoff while the bit is set.</summary>
    ManagedBackoff,

    /// <summary>The default acquire, released with a plain store (__bit_spin_unlock).</summary>
    ManagedNonAtomicRelease,

    /// <summary>The kernel's bit_spin_lock from C, full-word lock btsq and lock andq.</summary>
    Native,

    /// <summary>The kernel's bit_spin_lock from C at v4.10's widths, lock btsl and lock andb.</summary>
    NativeV4_10,
}
