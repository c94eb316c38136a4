using HwLab.Lab.Engine;

namespace HwLab.Lab.Workloads;

/// <summary>The lock workloads' invariant: every update inside a lock is in some cluster's count, and no lock is left held.</summary>
internal static class ClusterCounts
{
    public static void Verify(TeamRun run, long clusters, Func<long, ulong> countOf, Func<long, bool> isLocked)
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
        if (total != (ulong)run.TotalOperations)
        {
            throw new InvalidOperationException(
                $"The clusters' counts add up to {total}, but the workers made {run.TotalOperations} updates under the lock: the lock lost {(long)run.TotalOperations - (long)total}.");
        }
    }
}
