namespace HwLab.Native.Topology;

/// <summary>
/// Reads the topology of the machine this process runs on. On Linux it is the full topology from
/// sysfs and procfs; elsewhere a minimal one from the processor count and CPUID, with a note.
/// </summary>
public static partial class TopologyReader
{
    public static CpuTopology Read()
    {
        if (OperatingSystem.IsLinux())
        {
            return ReadLinux();
        }
        if (OperatingSystem.IsWindows())
        {
            return ReadWindows();
        }
        return ReadMinimal($"Detailed topology comes from Linux sysfs; on {Environment.OSVersion.Platform} only the processor count and CPUID are read.");
    }

    // CPUs 0 to ProcessorCount - 1 as one core each, plus whatever CPUID says about caches, line
    // size and hypervisor. Enough to pad to the right line size; not enough to place threads.
    private static CpuTopology ReadMinimal(string why)
    {
        var snapshot = new SysfsSnapshot([], CpuIdReader.Read());
        return TopologyParser.Parse(snapshot, Environment.ProcessorCount, [why]);
    }
}
