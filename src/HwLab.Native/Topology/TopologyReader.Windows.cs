using System.Runtime.Versioning;

namespace HwLab.Native.Topology;

public static partial class TopologyReader
{
    // GetLogicalProcessorInformationEx would give cores, groups and caches; until it is read here,
    // Windows gets the minimal topology.
    [SupportedOSPlatform("windows")]
    private static CpuTopology ReadWindows()
        => ReadMinimal("Detailed topology comes from Linux sysfs; on Windows only the processor count and CPUID are read.");
}
