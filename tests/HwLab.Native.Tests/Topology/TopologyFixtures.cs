using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The captures under Fixtures/topology/, loaded and parsed.</summary>
internal static class TopologyFixtures
{
    public const string Kvm = "kvm-2vcpu.capture";
    public const string Xeon = "xeon-2s-smt-128cpu.capture";
    public const string Container = "container-restricted.capture";
    public const string Mismatch = "mismatch.capture";
    public const string Desktop = "desktop-1s-16c-smt.capture";
    public const string Epyc = "epyc-2s-128c-smt.capture";
    public const string IntelSnc = "intel-2s-snc.capture";
    public const string FourSocket = "4s-448cpu.capture";
    public const string Arm64 = "arm64-128b-lines.capture";
    public const string Restricted512 = "512cpu-offline-restricted.capture";

    /// <summary>The large synthesized machines (see generate-synthetic-captures.py).</summary>
    public static IEnumerable<string> Large { get; } = [Desktop, Epyc, IntelSnc, FourSocket, Arm64, Restricted512];

    public static IEnumerable<string> All { get; } = [Kvm, Xeon, Container, Mismatch, .. Large];

    public static string Text(string name) => File.ReadAllText(RepoPaths.Fixture(Path.Combine("topology", name)));

    public static SysfsSnapshot Load(string name) => SysfsSnapshot.Parse(Text(name));

    public static CpuTopology Parse(string name) => TopologyParser.Parse(Load(name));
}
