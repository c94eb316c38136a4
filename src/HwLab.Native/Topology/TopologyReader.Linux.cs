using System.Runtime.Versioning;

namespace HwLab.Native.Topology;

public static partial class TopologyReader
{
    // The processor count is the last resort where /sys and /proc name no CPU (a locked-down
    // sandbox): this machine has CPUs, whatever files it hides.
    [SupportedOSPlatform("linux")]
    private static CpuTopology ReadLinux() => TopologyParser.Parse(SysfsSnapshot.ReadLive(), Environment.ProcessorCount, []);
}
