namespace HwLab.PagePool.Swap;

/// <summary>
/// How often a CPU took a new cluster from the free list, and how often that cluster's
/// swap_cluster_info shared a cache line with another CPU's current cluster: the false sharing
/// the column order exists to avoid.
/// </summary>
public readonly record struct ClusterPicks(long Picks, long SameLine)
{
    public double SameLineShare => Picks == 0 ? 0 : (double)SameLine / Picks;

    public static ClusterPicks operator +(ClusterPicks a, ClusterPicks b) => new(a.Picks + b.Picks, a.SameLine + b.SameLine);
}

/// <summary>
/// A CPU's new-cluster picks, split by where the cluster came from: never used since the device
/// was set up (the first round, in the order the free list was built), or recycled (freed back
/// onto the list, in whatever order the frees came).
/// </summary>
public readonly record struct SwapPicks(ClusterPicks FirstRound, ClusterPicks Recycled)
{
    public ClusterPicks All => FirstRound + Recycled;

    public static SwapPicks operator +(SwapPicks a, SwapPicks b) => new(a.FirstRound + b.FirstRound, a.Recycled + b.Recycled);
}
