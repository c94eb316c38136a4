using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>Absent files give a fallback and a note, never an exception.</summary>
public sealed class FallbackTests
{
    private const string Cpu = "/sys/devices/system/cpu";

    private readonly SysfsSnapshot _kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
    private readonly SysfsSnapshot _xeon = TopologyFixtures.Load(TopologyFixtures.Xeon);

    [Fact]
    public void Online_falls_back_to_cpuinfo_then_to_topology_directories()
    {
        CpuTopology fromCpuInfo = TopologyParser.Parse(_kvm.Without($"{Cpu}/online"));
        CpuTopology fromDirectories = TopologyParser.Parse(_kvm.Without($"{Cpu}/online").Without("/proc/cpuinfo"));

        Assert.Equal(CpuSet.Range(0, 1), fromCpuInfo.Online);
        Assert.Contains(fromCpuInfo.Notes, n => n.StartsWith($"{Cpu}/online is absent; the online CPUs are the processors /proc/cpuinfo lists", StringComparison.Ordinal));
        Assert.Equal(CpuSet.Range(0, 1), fromDirectories.Online);
        Assert.Contains(fromDirectories.Notes, n => n.Contains("topology directory", StringComparison.Ordinal));
        // Without cpuinfo the model is CPUID's brand string and the hypervisor is CPUID's bit.
        Assert.Equal("AMD EPYC", fromDirectories.CpuModel);
        Assert.Equal(new HypervisorInfo(true, "KVMKVMKVM"), fromDirectories.Hypervisor);
    }

    [Fact]
    public void An_online_list_alone_gives_its_cpus_and_assumed_values()
    {
        CpuTopology topology = TopologyParser.Parse(SysfsSnapshot.Empty.With($"{Cpu}/online", "0"));

        Assert.Equal(CpuSet.Of(0), topology.Online);
        Assert.Equal(CpuSet.Of(0), topology.Allowed);
        Assert.Equal([new LogicalCpu(0, 0, 0, 0, 0, CpuSet.Of(0))], topology.Cpus);
        Assert.Equal(64, topology.LineSize);
        Assert.Contains("The cache line size is assumed to be 64 bytes: neither /sys nor CPUID reports it.", topology.Notes);
        Assert.Equal(HypervisorInfo.None, topology.Hypervisor);
        Assert.Null(topology.KernelRelease);
        Assert.Null(topology.CpuModel);
        Assert.Null(topology.CpuId);
        Assert.Empty(topology.Caches);
        Assert.Empty(topology.Discrepancies);
    }

    [Fact]
    public void Processor_count_is_the_last_resort_for_online_cpus()
    {
        CpuTopology topology = TopologyParser.Parse(SysfsSnapshot.Empty.WithCpuIdLeaves(_kvm.CpuIdLeaves), 4, ["the caller's reason"]);

        Assert.Equal(CpuSet.Range(0, 3), topology.Online);
        Assert.Equal("the caller's reason", topology.Notes[0]);
        Assert.Equal(4, topology.Cores);
        // The line size and hypervisor still come from CPUID.
        Assert.Equal(64, topology.LineSize);
        Assert.Contains(topology.Notes, n => n.Contains("comes from CPUID leaf 0x8000001d", StringComparison.Ordinal));
        Assert.Equal(new HypervisorInfo(true, "KVMKVMKVM"), topology.Hypervisor);
    }

    [Fact]
    public void Missing_die_id_is_one_note_for_all_cpus()
    {
        CpuTopology topology = TopologyParser.Parse(_kvm.Without($"{Cpu}/cpu0/topology/die_id").Without($"{Cpu}/cpu1/topology/die_id"));

        Assert.All(topology.Cpus, cpu => Assert.Equal(0, cpu.DieId));
        Assert.Equal(["topology/die_id is absent for CPUs 0-1; the die is taken to be 0."], topology.Notes);
    }

    [Fact]
    public void Smt_siblings_fall_back_to_core_cpus_list_then_to_matching_core_ids()
    {
        SysfsSnapshot noThreadSiblings = _xeon.Without(path => path.EndsWith("/topology/thread_siblings_list", StringComparison.Ordinal));
        SysfsSnapshot noSiblingsAtAll = noThreadSiblings.Without(path => path.EndsWith("/topology/core_cpus_list", StringComparison.Ordinal));

        CpuTopology fromCoreCpus = TopologyParser.Parse(noThreadSiblings);
        CpuTopology fromCoreIds = TopologyParser.Parse(noSiblingsAtAll);

        Assert.Equal(CpuSet.Of(0, 64), fromCoreCpus.Cpus[64].ThreadSiblings);
        Assert.Equal(["topology/thread_siblings_list is absent for CPUs 0-127; the SMT siblings are topology/core_cpus_list."], fromCoreCpus.Notes);
        Assert.Equal(CpuSet.Of(36, 100), fromCoreIds.Cpus[100].ThreadSiblings);
        Assert.Equal(64, fromCoreIds.SmtSiblingGroups.Count);
        Assert.Equal(2, fromCoreIds.ThreadsPerCore);
        Assert.Contains(fromCoreIds.Notes, n => n.EndsWith("the SMT siblings are the online CPUs with the same package, die and core id.", StringComparison.Ordinal));
    }

    [Fact]
    public void Packages_fall_back_to_package_cpu_lists_then_to_cpuinfo()
    {
        SysfsSnapshot noPackageId = _xeon.Without(path => path.EndsWith("/topology/physical_package_id", StringComparison.Ordinal));
        SysfsSnapshot kvmNoPackage = _kvm
            .Without($"{Cpu}/cpu1/topology/physical_package_id").Without($"{Cpu}/cpu1/topology/package_cpus_list");

        CpuTopology fromLists = TopologyParser.Parse(noPackageId);
        CpuTopology fromCpuInfo = TopologyParser.Parse(kvmNoPackage);

        Assert.Equal(2, fromLists.Packages);
        Assert.Equal(1, fromLists.Cpus[100].PackageId);
        Assert.Equal(0, fromLists.Cpus[64].PackageId);
        Assert.Equal(64, fromLists.Cores);
        Assert.Equal(0, fromCpuInfo.Cpus[1].PackageId);
        Assert.Equal(["topology/physical_package_id is absent for CPU 1; the package is /proc/cpuinfo \"physical id\"."], fromCpuInfo.Notes);
        Assert.Contains("topology/physical_package_id is absent for CPUs 0-127; packages are numbered in the order of their topology/package_cpus_list.", fromLists.Notes);
    }

    [Fact]
    public void Core_id_falls_back_to_cpuinfo()
    {
        CpuTopology topology = TopologyParser.Parse(_kvm.Without($"{Cpu}/cpu1/topology/core_id"));

        Assert.Equal(1, topology.Cpus[1].CoreId);
        Assert.Equal(["topology/core_id is absent for CPU 1; the core id is /proc/cpuinfo \"core id\"."], topology.Notes);
    }

    [Fact]
    public void Line_size_falls_back_to_cpuid_caches_then_clflush_then_64()
    {
        SysfsSnapshot noCaches = _kvm.Without(path => path.Contains("/cache/", StringComparison.Ordinal));
        var leavesWithoutCaches = noCaches.CpuIdLeaves.Where(leaf => leaf.Key.Leaf != 0x8000001D).ToDictionary();
        // A CLFLUSH line of 128 bytes tells the second fallback apart from the default.
        CpuIdRegisters leaf1 = leavesWithoutCaches[new CpuIdLeaf(1, 0)];
        leavesWithoutCaches[new CpuIdLeaf(1, 0)] = leaf1 with { Ebx = (leaf1.Ebx & ~0xFF00u) | (16u << 8) };

        CpuTopology fromCpuIdCaches = TopologyParser.Parse(noCaches);
        CpuTopology fromClflush = TopologyParser.Parse(noCaches.WithCpuIdLeaves(leavesWithoutCaches));
        CpuTopology assumed = TopologyParser.Parse(noCaches.WithCpuIdLeaves([]));

        Assert.Empty(fromCpuIdCaches.Caches);
        Assert.Equal(64, fromCpuIdCaches.LineSize);
        Assert.Contains("/sys gives no L1 data cache line size; the line size 64 comes from CPUID leaf 0x8000001d.", fromCpuIdCaches.Notes);
        Assert.Contains(fromCpuIdCaches.Notes, n => n.StartsWith("No cache is described", StringComparison.Ordinal));
        Assert.Equal(128, fromClflush.LineSize);
        Assert.Contains("/sys gives no L1 data cache line size; the line size 128 is CPUID leaf 0x1's CLFLUSH line size.", fromClflush.Notes);
        Assert.Equal(64, assumed.LineSize);
        Assert.Contains("The cache line size is assumed to be 64 bytes: neither /sys nor CPUID reports it.", assumed.Notes);
    }

    [Fact]
    public void Missing_optional_cache_values_are_zero_with_a_note()
    {
        CpuTopology topology = TopologyParser.Parse(_kvm.Without($"{Cpu}/cpu0/cache/index3/number_of_sets").Without($"{Cpu}/cpu1/cache/index3/number_of_sets"));

        CacheInfo l3 = Assert.Single(topology.Caches, c => c.Level == 3);
        Assert.Equal(0, l3.Sets);
        Assert.Equal(32L * 1024 * 1024, l3.SizeBytes);
        Assert.Equal(["cache/index3/number_of_sets is absent for CPUs 0-1; the value is given as 0."], topology.Notes);
    }

    [Fact]
    public void Allowed_falls_back_to_the_mask_then_to_online()
    {
        SysfsSnapshot maskOnly = _kvm.With("/proc/self/status", "Cpus_allowed:\t2");

        Assert.Equal(CpuSet.Of(1), TopologyParser.Parse(maskOnly).Allowed);
        Assert.Equal(CpuSet.Of(1), TopologyParser.Parse(maskOnly).Usable);
        CpuTopology noStatus = TopologyParser.Parse(_kvm.Without("/proc/self/status"));
        Assert.Equal(CpuSet.Range(0, 1), noStatus.Allowed);
        Assert.Equal(["/proc/self/status has no Cpus_allowed_list; the process is taken to be allowed every online CPU."], noStatus.Notes);
    }

    [Fact]
    public void Possible_and_present_fall_back_to_online()
    {
        CpuTopology topology = TopologyParser.Parse(_kvm.Without($"{Cpu}/possible").Without($"{Cpu}/present"));

        Assert.Equal(topology.Online, topology.Possible);
        Assert.Equal(topology.Online, topology.Present);
        Assert.Equal(2, topology.Notes.Count);
    }

    [Fact]
    public void Cpu_in_no_numa_node_gets_node_minus_1()
    {
        CpuTopology topology = TopologyParser.Parse(_kvm.With("/sys/devices/system/node/node0/cpulist", "0"));

        Assert.Equal(-1, topology.Cpus[1].NumaNode);
        Assert.Equal(["CPU 1 is in no NUMA node's cpulist; its node is given as -1."], topology.Notes);
    }
}
