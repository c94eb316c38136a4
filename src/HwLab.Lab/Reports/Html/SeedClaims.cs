using HwLab.Lab.Results;

namespace HwLab.Lab.Reports.Html;

/// <summary>
/// The claims of the seed patch and its review that decide whether growing swap_cluster_info to
/// 8 bytes for a bit lock was right, each with the topics of the verdicts that test it.
/// </summary>
internal static class SeedClaims
{
    public static IReadOnlyList<(string Claim, string Source, string[] Topics)> All { get; } =
    [
        ("\"To use the bin spinlock, the size of swap_cluster_info needs to increase from 4 bytes to 8 bytes on the 64bit system. This will use 4k more memory for every 1G swap space.\"",
            ClaimSources.SeedPatch, [Topics.SeedMemory]),
        ("\"Because the size of swap_cluster_info is much smaller than the size of the cache line (8 vs 64 on x86_64 architecture), there may be false cache line sharing between swap_cluster_info bit spinlocks.\"",
            ClaimSources.SeedPatch, [Topics.SeedFalseSharing, Topics.ManagedFalseSharing, Topics.PaddingOneLine]),
        ("\"To avoid the false sharing in the first round of the swap cluster allocation, the order of the swap clusters in the free clusters list is changed.\"",
            ClaimSources.SeedPatch, [Topics.SeedColumnOrder, Topics.SeedColumnOrderThroughput]),
        ("\"After the first round of allocation, the order of the clusters in free clusters list is expected to be random. So the false sharing should be not noticeable.\"",
            ClaimSources.SeedPatch, [Topics.SeedRandomAfterFirstRound, Topics.SeedNotNoticeableAfterFirstRound]),
        ("\"This reduced locking contention for swap_info_struct->swap_map access greatly.\"",
            ClaimSources.SeedPatch, [Topics.SeedClusterLockScaling]),
        ("\"bit_spin_lock() is a nasty thing. It is slow\"; merged 4.11 replaced the bit lock with a spinlock_t in the cluster.",
            $"{ClaimSources.Review}; {ClaimSources.MergedCommit}", [Topics.ReviewBitLockSlow, Topics.ManagedBitLockCost, Topics.MergedSpinlockFaster, Topics.LocksFairness]),
    ];
}
