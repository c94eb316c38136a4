namespace HwLab.Native.Scheduling;

/// <summary>How much of some CPUs' time the hypervisor took between two readings of /proc/stat.</summary>
public static class StolenTime
{
    /// <summary>
    /// Steal ticks over all ticks of <paramref name="cpus"/> from <paramref name="before"/> to
    /// <paramref name="after"/>, from 0 to 1; null when the CPUs logged no tick in between (a span
    /// shorter than a tick) or a CPU is missing from a reading (it went offline).
    /// </summary>
    public static double? Share(IReadOnlyDictionary<int, CpuTimes> before, IReadOnlyDictionary<int, CpuTimes> after, IEnumerable<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(cpus);
        long steal = 0;
        long total = 0;
        foreach (int cpu in cpus)
        {
            if (!before.TryGetValue(cpu, out CpuTimes then) || !after.TryGetValue(cpu, out CpuTimes now))
            {
                return null;
            }
            CpuTimes delta = now.Since(then);
            steal += delta.Steal;
            total += delta.Total;
        }
        return total == 0 ? null : (double)steal / total;
    }

    /// <summary>This machine's per-CPU times now; empty where there is no /proc/stat (not Linux, or /proc not mounted).</summary>
    /// <exception cref="FormatException">/proc/stat is there but not in the kernel's format.</exception>
    public static IReadOnlyDictionary<int, CpuTimes> ReadLive()
    {
        const string path = "/proc/stat";
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            return new Dictionary<int, CpuTimes>();
        }
        return ProcStatParser.ParsePerCpu(File.ReadAllText(path));
    }
}
