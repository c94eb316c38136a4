using System.Runtime.CompilerServices;

namespace HwLab.PagePool.Swap;

/// <summary>
/// The rest of si->lock's 64-byte line after its 4-byte spinlock_t, left empty so that no field
/// the allocator writes while it scans shares the lock's line.
/// </summary>
[InlineArray(LockLineBytes - sizeof(uint))]
internal struct SwapInfoLockLine
{
    /// <summary>x86_64's L1_CACHE_BYTES, the line the kernel's cache-line alignment uses.</summary>
    public const int LockLineBytes = 64;

    private byte _element0;
}
