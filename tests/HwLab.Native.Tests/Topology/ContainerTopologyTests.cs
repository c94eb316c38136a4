using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The synthesized 4-core SMT machine with CPUs 6-7 offline and the process limited to 1-2,5.</summary>
public sealed class ContainerTopologyTests
{
    private readonly CpuTopology _topology = TopologyFixtures.Parse(TopologyFixtures.Container);

    [Fact]
    public void Allowed_is_a_strict_subset_of_online_which_is_a_strict_subset_of_possible()
    {
        Assert.Equal(CpuSet.Range(0, 5), _topology.Online);
        Assert.Equal(CpuSet.Range(0, 7), _topology.Possible);
        Assert.Equal(CpuSet.Range(0, 7), _topology.Present);
        Assert.Equal(CpuSet.Of(1, 2, 5), _topology.Allowed);
        Assert.Equal(CpuSet.Of(1, 2, 5), _topology.Usable);
    }

    [Fact]
    public void Only_online_cpus_are_described_and_offline_siblings_are_missing()
    {
        Assert.Equal(Enumerable.Range(0, 6), _topology.Cpus.Select(cpu => cpu.Id));
        Assert.Equal(new LogicalCpu(2, 2, 0, 0, 0, CpuSet.Of(2)), _topology.Cpus[2]);
        Assert.Equal(new LogicalCpu(5, 1, 0, 0, 0, CpuSet.Of(1, 5)), _topology.Cpus[5]);
        Assert.Equal([CpuSet.Of(0, 4), CpuSet.Of(1, 5)], _topology.SmtSiblingGroups);
        Assert.Equal(1, _topology.Packages);
        Assert.Equal(4, _topology.Cores);
        Assert.Equal(2, _topology.ThreadsPerCore);
    }

    [Fact]
    public void Caches_follow_the_online_cpus()
    {
        Assert.Equal(
            [CpuSet.Of(0, 4), CpuSet.Of(1, 5), CpuSet.Of(2), CpuSet.Of(3)],
            _topology.Caches.Where(c => c is { Level: 2 }).Select(c => c.SharedCpus));
        Assert.All(_topology.Caches.Where(c => c.Level == 2), c => Assert.Equal(256 * 1024, c.SizeBytes));
        Assert.Equal(
            [new CacheInfo(3, CacheType.Unified, 8192 * 1024, 64, 16, 8192, CpuSet.Range(0, 5))],
            _topology.Caches.Where(c => c.Level == 3));
        Assert.Equal(13, _topology.Caches.Count);
        Assert.Equal(64, _topology.LineSize);
    }

    [Fact]
    public void Missing_numa_and_cpuid_are_noted_not_fatal()
    {
        Assert.Null(_topology.CpuId);
        Assert.Equal([new NumaNode(0, CpuSet.Range(0, 5))], _topology.NumaNodes);
        Assert.Equal(2, _topology.Notes.Count);
        Assert.Contains(_topology.Notes, note => note.Contains("/sys/devices/system/node", StringComparison.Ordinal) && note.Contains("node 0", StringComparison.Ordinal));
        Assert.Contains(_topology.Notes, note => note.Contains("CPUID leaves were not recorded", StringComparison.Ordinal));
        Assert.Empty(_topology.Discrepancies);
    }

    [Fact]
    public void Identity_comes_from_procfs_alone()
    {
        Assert.Equal(HypervisorInfo.None, _topology.Hypervisor);
        Assert.Equal("5.15.0-91-generic", _topology.KernelRelease);
        Assert.Equal("Intel(R) Core(TM) i7-7700 CPU @ 3.60GHz", _topology.CpuModel);
    }
}
