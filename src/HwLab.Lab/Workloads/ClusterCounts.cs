using HwLab.Lab.Engine;
using HwLab.Layout.Kernel;

namespace HwLab.Lab.Workloads;

/// <summary>The lock workloads' invariant: every update inside a lock is in some cluster's count, and no lock is left held.</summary>
/// <remarks>
/// A count is as wide as its layout's field, 24 bits in the kernel's bitfield forms, and a run of
/// more updates than that wraps it as the kernel's would (a contended ticket lock passes 2^24
/// updates in half a second). Counts and updates are therefore compared modulo the field's width:
/// a wrap is no lost update, and a real loss goes unseen only if it is an exact multiple of 2^24.
/// </remarks>
internal static class ClusterCounts
{
    /// <summary>The largest count <typeparamref name="TCluster"/> holds, all ones: what a count is taken modulo, less one.</summary>
    public static ulong Mask<TCluster>()
        where TCluster : unmanaged, IClusterInfo<TCluster>
    {
        TCluster probe = default;
        TCluster.cluster_set_count(ref probe, uint.MaxValue);
        return TCluster.cluster_count(ref probe);
    }

    public static void Verify(TeamRun run, long clusters, ulong countMask, Func<long, ulong> countOf, Func<long, bool> isLocked)
    {
        ulong total = 0;
        for (long i = 0; i < clusters; i++)
        {
            total += countOf(i);
            if (isLocked(i))
            {
                throw new InvalidOperationException($"Cluster {i}'s lock is still held after every worker finished.");
            }
        }
        ulong made = (ulong)run.TotalOperations;
        if ((total & countMask) != (made & countMask))
        {
            throw new InvalidOperationException(
                $"The clusters' counts add up to {total}, but the workers made {made} updates under the lock (counts wrap at {countMask + 1}): the lock lost {(made - total) & countMask}.");
        }
    }
}
