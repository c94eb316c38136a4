using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The synthesized 2-socket, 32-core, 2-thread Xeon with Intel numbering (sibling of N is N+64).</summary>
public sealed class XeonTopologyTests
{
    private readonly CpuTopology _topology = TopologyFixtures.Parse(TopologyFixtures.Xeon);

    [Fact]
    public void All_128_cpus_are_online_and_allowed()
    {
        CpuSet all = CpuSet.Range(0, 127);
        Assert.Equal(all, _topology.Online);
        Assert.Equal(all, _topology.Possible);
        Assert.Equal(all, _topology.Allowed);
        Assert.Equal(all, _topology.Usable);
        Assert.Equal(128, _topology.Cpus.Count);
        Assert.Equal(Enumerable.Range(0, 128), _topology.Cpus.Select(cpu => cpu.Id));
    }

    [Fact]
    public void Two_packages_of_32_cores_with_two_threads_each()
    {
        Assert.Equal(2, _topology.Packages);
        Assert.Equal(64, _topology.Cores);
        Assert.Equal(2, _topology.ThreadsPerCore);
    }

    [Fact]
    public void Smt_sibling_of_cpu_n_is_n_plus_64()
    {
        Assert.Equal(64, _topology.SmtSiblingGroups.Count);
        Assert.Equal(CpuSet.Of(0, 64), _topology.SmtSiblingGroups[0]);
        Assert.Equal(CpuSet.Of(63, 127), _topology.SmtSiblingGroups[^1]);
        Assert.All(_topology.SmtSiblingGroups, group => Assert.Equal(group[0] + 64, group[1]));

        Assert.Equal(new LogicalCpu(64, 0, 0, 0, 0, CpuSet.Of(0, 64)), _topology.Cpus[64]);
        Assert.Equal(new LogicalCpu(100, 4, 1, 0, 1, CpuSet.Of(36, 100)), _topology.Cpus[100]);
        Assert.Equal(new LogicalCpu(31, 31, 0, 0, 0, CpuSet.Of(31, 95)), _topology.Cpus[31]);
        Assert.Equal(new LogicalCpu(32, 0, 1, 0, 1, CpuSet.Of(32, 96)), _topology.Cpus[32]);
    }

    [Fact]
    public void Numa_nodes_are_the_sockets()
    {
        CpuSet socket0 = CpuSet.Range(0, 31).Union(CpuSet.Range(64, 95));
        CpuSet socket1 = CpuSet.Range(32, 63).Union(CpuSet.Range(96, 127));
        Assert.Equal(
            [
                new NumaNode(0, socket0) { Distances = new Dictionary<int, int> { [0] = 10, [1] = 21 } },
                new NumaNode(1, socket1) { Distances = new Dictionary<int, int> { [0] = 21, [1] = 10 } },
            ],
            _topology.NumaNodes);
        Assert.All(_topology.Cpus, cpu => Assert.Equal(cpu.PackageId, cpu.NumaNode));
    }

    [Fact]
    public void Caches_are_listed_once_per_core_or_socket()
    {
        Assert.Equal(64 + 64 + 64 + 2, _topology.Caches.Count);
        Assert.Equal(new CacheInfo(1, CacheType.Data, 48 * 1024, 64, 12, 64, CpuSet.Of(0, 64)), _topology.Caches[0]);
        Assert.Equal(64, _topology.Caches.Count(c => c is { Level: 1, Type: CacheType.Data, SizeBytes: 48 * 1024 }));
        Assert.Equal(64, _topology.Caches.Count(c => c is { Level: 1, Type: CacheType.Instruction, SizeBytes: 32 * 1024 }));
        Assert.Equal(64, _topology.Caches.Count(c => c is { Level: 2, Type: CacheType.Unified, SizeBytes: 2048 * 1024, SharedCpus.Count: 2 }));
        Assert.Equal(
            [
                new CacheInfo(3, CacheType.Unified, 61440L * 1024, 64, 15, 65536, CpuSet.Range(0, 31).Union(CpuSet.Range(64, 95))),
                new CacheInfo(3, CacheType.Unified, 61440L * 1024, 64, 15, 65536, CpuSet.Range(32, 63).Union(CpuSet.Range(96, 127))),
            ],
            _topology.Caches.Where(c => c.Level == 3));
        Assert.Equal(64, _topology.LineSize);
    }

    [Fact]
    public void Bare_metal_intel_with_agreeing_cpuid()
    {
        Assert.Equal(HypervisorInfo.None, _topology.Hypervisor);
        Assert.Equal("6.8.0-49-generic", _topology.KernelRelease);
        Assert.Equal("Intel(R) Xeon(R) Platinum 8462Y+", _topology.CpuModel);
        Assert.NotNull(_topology.CpuId);
        Assert.Equal(4, _topology.CpuId.Caches.Count);
        Assert.Empty(_topology.Discrepancies);
        Assert.Empty(_topology.Notes);
    }
}
