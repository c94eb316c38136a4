using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Planning;

/// <summary>The topology captures of HwLab.Native.Tests (real and synthesized machines), parsed.</summary>
internal static class CapturedMachines
{
    public const string Epyc = "epyc-2s-128c-smt.capture";

    public static IEnumerable<string> All => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "topology"), "*.capture").Select(Path.GetFileName).OfType<string>().Order();

    public static CpuTopology Parse(string name)
        => TopologyParser.Parse(SysfsSnapshot.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "topology", name))));
}
