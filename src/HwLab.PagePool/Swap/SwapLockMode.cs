namespace HwLab.PagePool.Swap;

/// <summary>What protects a cluster's part of swap_map and its swap_cluster_info, and which kernel's paths the device follows.</summary>
public enum SwapLockMode
{
    /// <summary>The device lock (si->lock) for everything, as in 4.10 and before.</summary>
    Device,

    /// <summary>The seed: bit 2 of the 8-byte swap_cluster_info word, a bit spinlock; si->lock only where a slot is really freed.</summary>
    BitLock,

    /// <summary>The seed's v5 paths with a spinlock_t inside swap_cluster_info in place of the bit: the lock form merged 4.11 took, on the seed's allocation and free paths.</summary>
    SpinLock,

    /// <summary>
    /// Merged 4.11 as it shipped: the spinlock_t cluster lock, SWAP_CLUSTER_COLS of 64 (one swap
    /// address space in clusters), __swap_entry_free with batched swapcache_free_entries, and the
    /// per-CPU swap slots cache that takes si->lock once per batch of up to 64 slots.
    /// </summary>
    Merged411,
}
