using HwLab.Native.Threading;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>How settings read in results.json and in notes, the same for every experiment.</summary>
public static class SettingsText
{
    /// <summary>CPUs as the kernel's cpulist: "0-3,8", whatever order the workers were given them in.</summary>
    public static string Cpus(IReadOnlyList<int> cpus) => CpuSet.Of(cpus).ToString();
}
