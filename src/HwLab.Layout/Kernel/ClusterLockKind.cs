namespace HwLab.Layout.Kernel;

/// <summary>Which lock a swap_cluster_info generation carries inside itself.</summary>
public enum ClusterLockKind
{
    /// <summary>None: everything is under the device lock (swap_info_struct.lock), as up to 4.10.</summary>
    None,

    /// <summary>Bit <see cref="SwapCluster.CLUSTER_FLAG_LOCK_BIT"/> of the 8-byte data word at offset 0 (the seed patch).</summary>
    BitLock,

    /// <summary>A 4-byte spinlock_t at offset 0 (merged 4.11 and later).</summary>
    SpinLock,
}
