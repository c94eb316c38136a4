using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>--cpus and --threads together: which CPUs the workers get.</summary>
internal static class WorkerCpus
{
    /// <summary>
    /// The first <paramref name="threads"/> of the CPUs named (or, without --cpus, of the usable
    /// ones spread across cores first); the defaults when neither option is given.
    /// </summary>
    public static IReadOnlyList<int> Choose(CpuTopology topology, CpuSet? cpus, int? threads, IReadOnlyList<int> defaults)
    {
        if (cpus is null && threads is null)
        {
            return defaults;
        }
        CpuSet pool = cpus ?? topology.Usable;
        if (cpus is not null)
        {
            SettingChecks.EnsureUsableCpus(topology, cpus, 1, "--cpus");
        }
        int count = threads ?? pool.Count;
        if (count > pool.Count)
        {
            string source = cpus is null ? $"this process may use ({pool})" : $"--cpus names ({pool})";
            throw new UsageException($"--threads {count} is more than the {pool.Count} CPU{(pool.Count == 1 ? "" : "s")} {source}; HwLab runs one pinned worker per CPU");
        }
        return cpus is null ? CpuChoice.SpreadAcrossCores(topology, pool, count) : [.. pool.Take(count)];
    }
}
