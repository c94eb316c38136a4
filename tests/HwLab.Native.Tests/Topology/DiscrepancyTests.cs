using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

public sealed class DiscrepancyTests
{
    [Theory]
    [InlineData(TopologyFixtures.Kvm)]
    [InlineData(TopologyFixtures.Xeon)]
    [InlineData(TopologyFixtures.Container)]
    public void Consistent_machines_have_none(string fixture)
    {
        Assert.Empty(TopologyFixtures.Parse(fixture).Discrepancies);
    }

    [Fact]
    public void Mismatch_fixture_names_each_disagreement()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Mismatch);

        Assert.Equal(
            [
                "The L1 data cache line is 64 bytes in /sys but 128 bytes in CPUID leaf 0x4.",
                "The L2 cache is 1280K in /sys but 2048K in CPUID leaf 0x4.",
                "/proc/cpuinfo lists the hypervisor flag but CPUID leaf 0x1 ECX bit 31 is clear.",
                "/proc/cpuinfo names the CPU model \"Intel Xeon Processor (Icelake)\" but the CPUID brand string is \"Intel(R) Xeon(R) Platinum 8480+\".",
            ],
            topology.Discrepancies);
        // /sys wins: padding follows what the kernel uses, and the disagreement is reported.
        Assert.Equal(64, topology.LineSize);
        Assert.Equal(new HypervisorInfo(true, null), topology.Hypervisor);
        Assert.Equal("Intel Xeon Processor (Icelake)", topology.CpuModel);
    }

    [Fact]
    public void Model_name_and_brand_compare_by_words_not_padding()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
        SysfsSnapshot padded = kvm.With("/proc/cpuinfo", CpuInfo(kvm).Replace("model name\t: AMD EPYC", "model name\t:   AMD   EPYC  ", StringComparison.Ordinal));
        SysfsSnapshot renamed = kvm.With("/proc/cpuinfo", CpuInfo(kvm).Replace("model name\t: AMD EPYC", "model name\t: AMD EPYC 9R45", StringComparison.Ordinal));

        Assert.Empty(TopologyParser.Parse(padded).Discrepancies);
        string discrepancy = Assert.Single(TopologyParser.Parse(renamed).Discrepancies);
        Assert.Contains("\"AMD EPYC 9R45\"", discrepancy, StringComparison.Ordinal);
        Assert.Contains("\"AMD EPYC\"", discrepancy, StringComparison.Ordinal);
    }

    [Fact]
    public void L3_size_from_cpuid_is_compared_in_bytes()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
        // Leaf 0x8000001D subleaf 3 with 65536 sets instead of 32768: a 64 MiB L3.
        var leaves = kvm.CpuIdLeaves.ToDictionary();
        CpuIdRegisters l3 = leaves[new CpuIdLeaf(0x8000001D, 3)];
        leaves[new CpuIdLeaf(0x8000001D, 3)] = l3 with { Ecx = 0xFFFF };

        string discrepancy = Assert.Single(TopologyParser.Parse(kvm.WithCpuIdLeaves(leaves)).Discrepancies);

        Assert.Equal("The L3 cache is 32768K in /sys but 65536K in CPUID leaf 0x8000001d.", discrepancy);
    }

    [Fact]
    public void Hybrid_l2_sizes_in_sys_match_cpuid_if_one_of_them_does()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
        const string Cpu1L2 = "/sys/devices/system/cpu/cpu1/cache/index2/size";
        const string Cpu0L2 = "/sys/devices/system/cpu/cpu0/cache/index2/size";

        Assert.Empty(TopologyParser.Parse(kvm.With(Cpu1L2, "2048K")).Discrepancies);
        string discrepancy = Assert.Single(TopologyParser.Parse(kvm.With(Cpu1L2, "2048K").With(Cpu0L2, "4096K")).Discrepancies);
        Assert.Equal("The L2 cache is 2048K or 4096K in /sys but 1024K in CPUID leaf 0x8000001d.", discrepancy);
    }

    [Fact]
    public void Clflush_line_size_is_checked_against_sys()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
        var leaves = kvm.CpuIdLeaves.ToDictionary();
        CpuIdRegisters leaf1 = leaves[new CpuIdLeaf(1, 0)];
        // EBX bits 15:8 = 16: a 128-byte CLFLUSH line.
        leaves[new CpuIdLeaf(1, 0)] = leaf1 with { Ebx = (leaf1.Ebx & ~0xFF00u) | (16u << 8) };

        string discrepancy = Assert.Single(TopologyParser.Parse(kvm.WithCpuIdLeaves(leaves)).Discrepancies);

        Assert.Equal("The L1 data cache line is 64 bytes in /sys but CPUID leaf 0x1 gives a CLFLUSH line size of 128 bytes.", discrepancy);
    }

    [Fact]
    public void Hypervisor_bit_without_the_cpuinfo_flag_is_a_discrepancy()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
        SysfsSnapshot noFlag = kvm.With("/proc/cpuinfo", CpuInfo(kvm).Replace(" hypervisor ", " ", StringComparison.Ordinal));

        CpuTopology topology = TopologyParser.Parse(noFlag);

        Assert.Equal(["CPUID leaf 0x1 ECX bit 31 says a hypervisor is present but /proc/cpuinfo does not list the hypervisor flag."], topology.Discrepancies);
        Assert.Equal(new HypervisorInfo(true, "KVMKVMKVM"), topology.Hypervisor);
    }

    private static string CpuInfo(SysfsSnapshot snapshot)
        => snapshot.TryGet("/proc/cpuinfo", out string? text) ? text : throw new InvalidOperationException("The fixture has no /proc/cpuinfo.");
}
