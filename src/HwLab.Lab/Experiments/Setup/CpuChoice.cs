using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>Which CPUs workers get when the user did not name them.</summary>
public static class CpuChoice
{
    /// <summary>
    /// <paramref name="count"/> CPUs of <paramref name="from"/>, one per physical core before any
    /// SMT sibling: two hyperthreads of one core share its L1, so they would measure the core's
    /// own cache, not the cross-core traffic the experiments are about.
    /// </summary>
    public static IReadOnlyList<int> SpreadAcrossCores(CpuTopology topology, CpuSet from, int count)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(from);
        Dictionary<int, CpuSet> siblings = topology.Cpus.ToDictionary(c => c.Id, c => c.ThreadSiblings);
        int RankInCore(int cpu) => siblings.TryGetValue(cpu, out CpuSet? set) ? set.Count(s => s < cpu) : 0;
        return [.. from.OrderBy(RankInCore).ThenBy(cpu => cpu).Take(count)];
    }
}
