using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments;

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

    /// <summary>Checks a user's CPU list against what this process may use, and that there are enough of them.</summary>
    /// <exception cref="ExperimentSettingsException">Too few CPUs, or CPUs the process may not run on.</exception>
    public static void EnsureUsable(CpuTopology topology, CpuSet cpus, int needed, string option)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(cpus);
        CpuSet missing = cpus.Except(topology.Usable);
        if (!missing.IsEmpty)
        {
            throw new ExperimentSettingsException(
                $"{option} names CPU{(missing.Count == 1 ? "" : "s")} {missing}, which this process may not use: the usable CPUs are {topology.Usable} (offline CPUs, taskset and container cpusets narrow them).");
        }
        if (cpus.Count < needed)
        {
            // Without --cpus the set is every CPU this process may use; naming the option then
            // would send the user looking for a flag they never gave.
            string source = cpus.Equals(topology.Usable)
                ? $"This process may use {cpus.Count} CPU{(cpus.Count == 1 ? "" : "s")} ({cpus}; taskset, container cpusets and offline CPUs narrow it)"
                : $"{option} gives {cpus.Count} CPU{(cpus.Count == 1 ? "" : "s")} ({cpus})";
            throw new ExperimentSettingsException($"{source}, but this needs {needed}.");
        }
    }
}
