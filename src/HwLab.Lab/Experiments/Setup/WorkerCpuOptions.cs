using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>--cpus and --threads of an experiment that pins one worker per CPU, and which CPUs the two give together.</summary>
public sealed class WorkerCpuOptions
{
    /// <param name="cpus">What --cpus sets, with its default.</param>
    /// <param name="threads">What --threads sets.</param>
    /// <param name="mostByDefault">The most workers the experiment takes by default.</param>
    public WorkerCpuOptions(string cpus, string threads, int mostByDefault)
        : this(cpus, threads, mostByDefault.ToString(System.Globalization.CultureInfo.InvariantCulture))
    {
    }

    /// <param name="mostByDefault">The most workers by default, in words where the profile sets it: "32 (8 with --quick, 128 with --full)".</param>
    public WorkerCpuOptions(string cpus, string threads, string mostByDefault)
    {
        Cpus = SettingOption.Cpus("--cpus", cpus);
        Threads = SettingOption.WholeNumber("--threads", $"{threads} {ProfileDefaults.With($"usable CPUs, at most {mostByDefault}", ExperimentLimits.Workers)}", "N", ExperimentLimits.Workers);
    }

    public SettingOption<CpuSet> Cpus { get; }

    public SettingOption<int> Threads { get; }

    /// <summary>
    /// The first --threads of the CPUs --cpus names (or, without --cpus, of the usable ones spread
    /// across cores first); <paramref name="defaults"/> when neither is given.
    /// </summary>
    /// <exception cref="ExperimentSettingsException">CPUs this process may not use, or more threads than CPUs.</exception>
    public IReadOnlyList<int> Choose(CpuTopology topology, ISettingValues given, IReadOnlyList<int> defaults)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(given);
        bool named = given.TryGet(Cpus, out CpuSet? chosen);
        bool counted = given.TryGet(Threads, out int count);
        if (!named && !counted)
        {
            return defaults;
        }
        CpuSet pool = chosen ?? topology.Usable;
        if (chosen is not null)
        {
            SettingChecks.EnsureUsableCpus(topology, chosen, 1, Cpus.Name);
        }
        count = counted ? count : pool.Count;
        if (count > pool.Count)
        {
            string source = chosen is null ? $"this process may use ({pool})" : $"{Cpus.Name} names ({pool})";
            throw new ExperimentSettingsException($"{Threads.Name} {count} is more than the {pool.Count} CPU{(pool.Count == 1 ? "" : "s")} {source}; HwLab runs one pinned worker per CPU");
        }
        return chosen is null ? CpuChoice.SpreadAcrossCores(topology, pool, count) : [.. pool.Take(count)];
    }
}
