namespace HwLab.PagePool.Swap;

/// <summary>The order the free cluster list is built in when the device is set up.</summary>
public enum FreeClusterOrder
{
    /// <summary>0, 1, 2, ...: neighbours in cluster_info, and so in its cache lines, are handed out one after another.</summary>
    Sequential,

    /// <summary>The seed: column by column (idx = i * SWAP_CLUSTER_COLS + j), so consecutive free clusters sit in different lines.</summary>
    Columns,
}
