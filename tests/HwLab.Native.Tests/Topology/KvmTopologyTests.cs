using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The capture of a real 2-vCPU Firecracker/KVM guest on AMD EPYC (Zen 5).</summary>
public sealed class KvmTopologyTests
{
    private readonly CpuTopology _topology = TopologyFixtures.Parse(TopologyFixtures.Kvm);

    [Fact]
    public void Cpu_sets_are_both_vcpus()
    {
        CpuSet both = CpuSet.Range(0, 1);
        Assert.Equal(both, _topology.Online);
        Assert.Equal(both, _topology.Possible);
        Assert.Equal(both, _topology.Present);
        Assert.Equal(both, _topology.Allowed);
        Assert.Equal(both, _topology.Usable);
    }

    [Fact]
    public void Each_vcpu_is_a_core_of_one_package_without_smt()
    {
        Assert.Equal(
            [
                new LogicalCpu(0, 0, 0, 0, 0, CpuSet.Of(0)),
                new LogicalCpu(1, 1, 0, 0, 0, CpuSet.Of(1)),
            ],
            _topology.Cpus);
        Assert.Equal(1, _topology.Packages);
        Assert.Equal(2, _topology.Cores);
        Assert.Equal(1, _topology.ThreadsPerCore);
        Assert.Empty(_topology.SmtSiblingGroups);
    }

    [Fact]
    public void Private_l1_and_l2_and_a_shared_l3()
    {
        Assert.Equal(
            [
                new CacheInfo(1, CacheType.Data, 48 * 1024, 64, 12, 64, CpuSet.Of(0)),
                new CacheInfo(1, CacheType.Data, 48 * 1024, 64, 12, 64, CpuSet.Of(1)),
                new CacheInfo(1, CacheType.Instruction, 32 * 1024, 64, 8, 64, CpuSet.Of(0)),
                new CacheInfo(1, CacheType.Instruction, 32 * 1024, 64, 8, 64, CpuSet.Of(1)),
                new CacheInfo(2, CacheType.Unified, 1024 * 1024, 64, 16, 1024, CpuSet.Of(0)),
                new CacheInfo(2, CacheType.Unified, 1024 * 1024, 64, 16, 1024, CpuSet.Of(1)),
                new CacheInfo(3, CacheType.Unified, 32L * 1024 * 1024, 64, 16, 32768, CpuSet.Range(0, 1)),
            ],
            _topology.Caches);
        Assert.Equal(64, _topology.LineSize);
    }

    [Fact]
    public void Machine_identity_is_a_kvm_guest_on_amd_epyc()
    {
        Assert.Equal(new HypervisorInfo(true, "KVMKVMKVM"), _topology.Hypervisor);
        Assert.Equal("6.18.44-fc-v595", _topology.KernelRelease);
        Assert.Equal("AMD EPYC", _topology.CpuModel);
        Assert.Equal([new NumaNode(0, CpuSet.Range(0, 1))], _topology.NumaNodes);
        Assert.NotNull(_topology.CpuId);
        Assert.Equal("AuthenticAMD", _topology.CpuId.Vendor);
    }

    [Fact]
    public void Nothing_was_assumed_or_contradicted()
    {
        Assert.Empty(_topology.Notes);
        Assert.Empty(_topology.Discrepancies);
    }
}
