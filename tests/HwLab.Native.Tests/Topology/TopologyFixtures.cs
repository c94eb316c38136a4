using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The captures under Fixtures/topology/, loaded and parsed.</summary>
internal static class TopologyFixtures
{
    public const string Kvm = "kvm-2vcpu.capture";
    public const string Xeon = "xeon-2s-smt-128cpu.capture";
    public const string Container = "container-restricted.capture";
    public const string Mismatch = "mismatch.capture";

    public static IEnumerable<string> All { get; } = [Kvm, Xeon, Container, Mismatch];

    public static string Text(string name) => File.ReadAllText(RepoPaths.Fixture(Path.Combine("topology", name)));

    public static SysfsSnapshot Load(string name) => SysfsSnapshot.Parse(Text(name));

    public static CpuTopology Parse(string name) => TopologyParser.Parse(Load(name));
}
