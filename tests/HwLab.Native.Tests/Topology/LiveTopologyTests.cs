using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The live reader on the machine running the tests, checked against what /proc says directly.</summary>
public sealed class LiveTopologyTests
{
    [Fact]
    public void Live_topology_matches_proc_on_linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The detailed topology is read from Linux sysfs.");

        CpuTopology topology = TopologyReader.Read();

        Assert.True(topology.Online.Contains(0), $"Online is {topology.Online}.");
        // .NET counts the CPUs the process may use, lowered further by a cgroup CPU quota.
        Assert.InRange(Environment.ProcessorCount, 1, topology.Usable.Count);
        Assert.True(topology.Usable.IsSubsetOf(topology.Allowed));
        Assert.Equal(AllowedFromProc(), topology.Allowed);
        if (System.Runtime.Intrinsics.X86.X86Base.IsSupported)
        {
            // Every x86 processor since the Pentium 4 has 64-byte lines.
            Assert.Equal(64, topology.LineSize);
            Assert.NotNull(topology.CpuId);
            Assert.NotEmpty(topology.Caches);
        }
        else
        {
            Assert.Contains(topology.LineSize, (int[])[32, 64, 128, 256]);
        }
        Assert.NotEmpty(topology.Cpus);
        Assert.NotNull(topology.KernelRelease);
        Assert.True(topology.Discrepancies.Count == 0, string.Join(" ", topology.Discrepancies));
    }

    [Fact]
    public void Live_hypervisor_agrees_with_the_cpuinfo_flag()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The detailed topology is read from Linux sysfs.");

        CpuTopology topology = TopologyReader.Read();
        bool flag = File.ReadAllLines("/proc/cpuinfo")
            .Any(line => line.StartsWith("flags", StringComparison.Ordinal) && line.Split(' ').Contains("hypervisor"));

        // The suite's own capture machine is a KVM guest; bare metal must give no hypervisor.
        Assert.Equal(flag, topology.Hypervisor.Present);
        if (flag && System.Runtime.Intrinsics.X86.X86Base.IsSupported)
        {
            Assert.False(string.IsNullOrEmpty(topology.Hypervisor.Vendor));
        }
    }

    [Fact]
    public void Live_snapshot_survives_its_capture_text()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The snapshot reads Linux sysfs.");

        SysfsSnapshot live = SysfsSnapshot.ReadLive();

        Assert.Equal(live, SysfsSnapshot.Parse(live.ToCaptureText()));
        Assert.True(live.Contains("/sys/devices/system/cpu/online"));
        Assert.True(live.Contains("/sys/devices/system/cpu/cpu0/topology/core_id"));
        // Only the affinity lines of /proc/self/status are kept.
        Assert.True(live.TryGet("/proc/self/status", out string? status));
        Assert.All(status.Split('\n'), line => Assert.Matches("^(Cpus|Mems)_allowed", line));
    }

    private static CpuSet AllowedFromProc()
    {
        string line = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return CpuSet.Parse(line["Cpus_allowed_list:".Length..]);
    }
}
