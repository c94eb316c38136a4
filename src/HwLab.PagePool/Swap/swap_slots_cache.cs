using System.Runtime.InteropServices;
using HwLab.Layout.Kernel;

namespace HwLab.PagePool.Swap;

/// <summary>
/// A CPU's swap slot cache (include/linux/swap_slots.h, 4.11): slots taken from the device in a
/// batch and handed out one at a time, and slots given back, returned to the device in a batch.
/// </summary>
/// <remarks>
/// The kernel allocates the two arrays apart (vzalloc) and its alloc_lock is a mutex; the model
/// keeps the arrays inline and takes alloc_lock as the device's spinlock_t form, which, uncontended
/// as it nearly always is, costs the one atomic a mutex's fast path costs. Each CPU's cache is
/// padded to whole lines (the kernel's is a per-CPU variable).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct swap_slots_cache
{
    /// <summary>SWAP_SLOTS_CACHE_SIZE = SWAP_BATCH = 64.</summary>
    public const int SWAP_SLOTS_CACHE_SIZE = 64;

    /// <summary>Protects slots, nr, cur.</summary>
    public spinlock_t alloc_lock;

    /// <summary>Slots left in <see cref="slots"/>, from <see cref="cur"/> on.</summary>
    public int nr;

    public int cur;

    /// <summary>Protects slots_ret, n_ret.</summary>
    public spinlock_t free_lock;

    public int n_ret;

    /// <summary>Slots taken from the device, each SWAP_HAS_CACHE in swap_map, not yet handed out.</summary>
    public fixed long slots[SWAP_SLOTS_CACHE_SIZE];

    /// <summary>Slots freed (SWAP_HAS_CACHE still set in swap_map), waiting to go back to the device together.</summary>
    public fixed long slots_ret[SWAP_SLOTS_CACHE_SIZE];
}
