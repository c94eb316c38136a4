namespace HwLab.PagePool.Swap;

/// <summary>What protects a cluster's part of swap_map and its swap_cluster_info.</summary>
public enum SwapLockMode
{
    /// <summary>The device lock (si->lock) for everything, as before the seed patch.</summary>
    Device,

    /// <summary>The seed: bit 2 of the 8-byte swap_cluster_info word, a bit spinlock; si->lock only where a slot is really freed.</summary>
    BitLock,

    /// <summary>Merged 4.11: a spinlock_t inside swap_cluster_info.</summary>
    SpinLock,
}
