using System.Runtime.InteropServices;
using HwLab.Layout.Kernel;

namespace HwLab.PagePool.Swap;

/// <summary>
/// The swap globals every allocation touches (mm/swapfile.c, 4.10 and 4.11): nr_swap_pages, the
/// free slots not handed out, and swap_avail_lock, which guards the list of devices with room; and
/// mm/swap_slots.c's swap_slot_cache_active and swap_slots_cache_mutex (4.11).
/// </summary>
/// <remarks>
/// The kernel places these wherever the linker puts them; the model gives each its own 128 bytes
/// (two lines where adjacent-line prefetch pairs them), so that what is measured on them is their
/// own traffic, not a neighbour's.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 4 * Stride)]
internal struct SwapGlobals
{
    private const int Stride = 128;

    /// <summary>swap_avail_lock: protects the list of devices with free slots (one device here: it leaves the list when full).</summary>
    [FieldOffset(0)]
    public spinlock_t swap_avail_lock;

    /// <summary>nr_swap_pages: atomic; free slots neither in use nor taken into a CPU's slot cache.</summary>
    [FieldOffset(Stride)]
    public long nr_swap_pages;

    /// <summary>swap_slots_cache_mutex (a mutex in the kernel): serialises deactivating and reactivating the slot caches.</summary>
    [FieldOffset(2 * Stride)]
    public spinlock_t swap_slots_cache_mutex;

    /// <summary>swap_slot_cache_active: whether get_swap_page and free_swap_slot use the per-CPU caches; written under the mutex.</summary>
    [FieldOffset(3 * Stride)]
    public int swap_slot_cache_active;
}
