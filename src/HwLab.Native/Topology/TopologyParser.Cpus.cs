using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

// Per-CPU topology: core, package, die, SMT siblings and NUMA node of each online CPU.
public static partial class TopologyParser
{
    private static List<LogicalCpu> ReadCpus(SysfsSnapshot snapshot, CpuSet online, ProcCpuInfo? cpuInfo, List<NumaNode> numaNodes, List<string> notes)
    {
        var fallbacks = new FallbackNotes();
        var found = new List<CpuIds>();
        foreach (int cpu in online)
        {
            int? coreId = TopologyInt(snapshot, cpu, SysfsPaths.CoreId);
            if (coreId is null)
            {
                coreId = CpuInfoInt(cpuInfo, cpu, "core id");
                fallbacks.Add("topology/core_id", cpu, coreId is null ? "each such CPU is taken to be a core of its own" : "the core id is /proc/cpuinfo \"core id\"");
                coreId ??= cpu;
            }

            int? packageId = TopologyInt(snapshot, cpu, SysfsPaths.PhysicalPackageId);
            CpuSet? packageCpus = TopologyList(snapshot, cpu, SysfsPaths.PackageCpusList);
            if (packageId is null && packageCpus is null)
            {
                packageId = CpuInfoInt(cpuInfo, cpu, "physical id");
                fallbacks.Add("topology/physical_package_id", cpu, packageId is null ? "the package is taken to be 0" : "the package is /proc/cpuinfo \"physical id\"");
                packageId ??= 0;
            }
            else if (packageId is null)
            {
                fallbacks.Add("topology/physical_package_id", cpu, "packages are numbered in the order of their topology/package_cpus_list");
            }

            int? dieId = TopologyInt(snapshot, cpu, SysfsPaths.DieId);
            if (dieId is null)
            {
                // Kernels before 5.2 have no die_id; one die per package is the truth for most of them.
                fallbacks.Add("topology/die_id", cpu, "the die is taken to be 0");
                dieId = 0;
            }

            CpuSet? siblings = TopologyList(snapshot, cpu, SysfsPaths.ThreadSiblingsList);
            if (siblings is null)
            {
                siblings = TopologyList(snapshot, cpu, SysfsPaths.CoreCpusList);
                fallbacks.Add("topology/thread_siblings_list", cpu, siblings is null
                    ? "the SMT siblings are the online CPUs with the same package, die and core id"
                    : "the SMT siblings are topology/core_cpus_list");
            }

            found.Add(new CpuIds(cpu, coreId.Value, packageId, packageCpus, dieId.Value, siblings));
        }
        fallbacks.WriteTo(notes);

        // Packages known only by their CPU list are numbered by their first CPU.
        var packageNumbers = found
            .Where(ids => ids.PackageId is null)
            .Select(ids => ids.PackageCpus!)
            .Distinct()
            .OrderBy(set => set.IsEmpty ? -1 : set[0])
            .Select((set, number) => (set, number))
            .ToDictionary(pair => pair.set, pair => pair.number);

        int PackageOf(CpuIds ids) => ids.PackageId ?? packageNumbers[ids.PackageCpus!];

        // The CPUs of each (package, die, core), grouped in one pass: a search per CPU would be
        // quadratic, minutes for a capture of thousands of CPUs without sibling lists.
        Dictionary<(int Package, int Die, int Core), CpuSet> coreCpus = found
            .GroupBy(ids => (PackageOf(ids), ids.DieId, ids.CoreId))
            .ToDictionary(group => group.Key, group => CpuSet.Of(group.Select(ids => ids.Cpu)));

        var cpus = new List<LogicalCpu>(found.Count);
        var withoutNode = new List<int>();
        foreach (CpuIds ids in found)
        {
            int packageId = PackageOf(ids);
            CpuSet siblings = ids.Siblings ?? coreCpus[(packageId, ids.DieId, ids.CoreId)];
            int node = numaNodes.FirstOrDefault(n => n.Cpus.Contains(ids.Cpu))?.Id ?? -1;
            if (node < 0)
            {
                withoutNode.Add(ids.Cpu);
            }
            cpus.Add(new LogicalCpu(ids.Cpu, ids.CoreId, packageId, ids.DieId, node, siblings));
        }
        if (withoutNode.Count > 0)
        {
            notes.Add(withoutNode.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"CPU {withoutNode[0]} is in no NUMA node's cpulist; its node is given as -1.")
                : $"CPUs {CpuSet.Of(withoutNode)} are in no NUMA node's cpulist; their node is given as -1.");
        }
        return cpus;
    }

    private static int? TopologyInt(SysfsSnapshot snapshot, int cpu, string file)
    {
        string path = SysfsPaths.Topology(cpu, file);
        return snapshot.TryGet(path, out string? text) ? SysfsText.ParseInt(path, text) : null;
    }

    private static CpuSet? TopologyList(SysfsSnapshot snapshot, int cpu, string file)
    {
        string path = SysfsPaths.Topology(cpu, file);
        return snapshot.TryGet(path, out string? text) ? SysfsText.ParseCpuList(path, text) : null;
    }

    private static int? CpuInfoInt(ProcCpuInfo? cpuInfo, int cpu, string key)
    {
        string? value = cpuInfo?.Get(cpu, key);
        return value is null
            ? null
            : SysfsText.ParseInt(string.Create(CultureInfo.InvariantCulture, $"{SysfsPaths.CpuInfo} processor {cpu} \"{key}\""), value);
    }

    // What was found for one CPU before packages known only by their CPU list are numbered.
    private sealed record CpuIds(int Cpu, int CoreId, int? PackageId, CpuSet? PackageCpus, int DieId, CpuSet? Siblings);
}
