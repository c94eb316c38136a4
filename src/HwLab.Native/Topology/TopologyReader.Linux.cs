using System.Runtime.Versioning;

namespace HwLab.Native.Topology;

public static partial class TopologyReader
{
    [SupportedOSPlatform("linux")]
    private static CpuTopology ReadLinux() => TopologyParser.Parse(SysfsSnapshot.ReadLive());
}
