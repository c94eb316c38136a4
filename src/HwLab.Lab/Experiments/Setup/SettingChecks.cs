using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// The checks every experiment's settings share, in one place so that an option refused while
/// parsing and a setting refused by an experiment's Validate say the same thing: CPUs this process
/// may use, one worker per CPU, and names from a known list.
/// </summary>
public static class SettingChecks
{
    /// <summary>Checks a user's CPU list against what this process may use, and that there are enough of them.</summary>
    /// <exception cref="ExperimentSettingsException">Too few CPUs, or CPUs the process may not run on.</exception>
    public static void EnsureUsableCpus(CpuTopology topology, CpuSet cpus, int needed, string option)
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

    /// <summary>An experiment that pins one worker to each CPU of its list needs every CPU once.</summary>
    /// <exception cref="ExperimentSettingsException">The list repeats a CPU.</exception>
    public static void EnsureOneWorkerPerCpu(IReadOnlyList<int> cpus, string experiment)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        if (cpus.Distinct().Count() != cpus.Count)
        {
            throw new ExperimentSettingsException($"{experiment} runs one worker per CPU; the CPU list repeats a CPU.");
        }
    }

    /// <summary>--workers: at least one count, each from 1 to the CPUs the workers have.</summary>
    /// <exception cref="ExperimentSettingsException">No count, or one the CPUs cannot seat.</exception>
    public static void EnsureWorkerCounts(IReadOnlyList<int> counts, int cpus)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0 || counts.Any(t => t < 1 || t > cpus))
        {
            throw new ExperimentSettingsException($"--workers takes counts from 1 to the {cpus} CPUs given, not {string.Join(',', counts)}.");
        }
    }

    /// <exception cref="ExperimentSettingsException">No name, or one not in <paramref name="known"/>.</exception>
    public static void EnsureKnownNames(IReadOnlyList<string> names, IReadOnlyList<string> known, string option)
    {
        if (UnknownNamesRefusal(names, known, option) is string refusal)
        {
            throw new ExperimentSettingsException(refusal);
        }
    }

    /// <summary>"--kinds takes bitlock, ticket; 'mutex' is not one of them.", or null when every name is known and there is one.</summary>
    public static string? UnknownNamesRefusal(IReadOnlyList<string> names, IReadOnlyList<string> known, string option)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(known);
        string[] unknown = [.. names.Except(known)];
        return names.Count == 0 || unknown.Length > 0
            ? $"{option} takes {string.Join(", ", known)}; '{string.Join(",", unknown.DefaultIfEmpty(string.Join(",", names)))}' is not one of them."
            : null;
    }
}
