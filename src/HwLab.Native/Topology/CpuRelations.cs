using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// The <see cref="CpuRelation"/> of any two online CPUs of a topology, the NUMA distance between
/// them, and the L3 domain each belongs to. Built once per topology: the core, L2, L3 domain,
/// node and package of each CPU are numbered up front, so a pair is classified by comparing a few
/// integers, and the 130 816 pairs of 512 CPUs take milliseconds.
/// </summary>
public sealed class CpuRelations
{
    private const int None = -1;

    private readonly CpuTopology _topology;
    private readonly Dictionary<int, int> _slot = [];
    private readonly int[] _core;
    private readonly int[] _l2;
    private readonly int[] _l3;
    private readonly int[] _domain;
    private readonly int[] _node;
    private readonly int[] _package;
    private readonly List<CpuSet> _domains;
    private readonly Dictionary<int, NumaNode> _nodes;

    public CpuRelations(CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        _topology = topology;
        int count = topology.Cpus.Count;
        _core = new int[count];
        _l2 = new int[count];
        _l3 = new int[count];
        _domain = new int[count];
        _node = new int[count];
        _package = new int[count];
        _nodes = topology.NumaNodes.ToDictionary(n => n.Id);

        // A CPU in no node's cpulist (-1) counts as on its package's node: the node of the
        // package's first CPU that has one, else a node of the package's own that no real id uses.
        var packageNode = new Dictionary<int, int>();
        foreach (LogicalCpu cpu in topology.Cpus.Where(c => c.NumaNode >= 0))
        {
            packageNode.TryAdd(cpu.PackageId, cpu.NumaNode);
        }

        Dictionary<int, int> l2 = CacheNumbers(topology, 2);
        Dictionary<int, int> l3 = CacheNumbers(topology, 3);
        for (int i = 0; i < count; i++)
        {
            LogicalCpu cpu = topology.Cpus[i];
            _slot[cpu.Id] = i;
            _core[i] = cpu.ThreadSiblings.IsEmpty ? cpu.Id : cpu.ThreadSiblings[0];
            _l2[i] = l2.GetValueOrDefault(cpu.Id, None);
            _l3[i] = l3.GetValueOrDefault(cpu.Id, None);
            _package[i] = cpu.PackageId;
            _node[i] = cpu.NumaNode >= 0 ? cpu.NumaNode
                : packageNode.TryGetValue(cpu.PackageId, out int node) ? node
                : int.MinValue + cpu.PackageId;
        }

        // An L3 domain is the CPUs that share one L3 on one NUMA node. Under Intel sub-NUMA
        // clustering the L3 that CPUID (and so /sys) describes spans the package's nodes, but each
        // node caches its own memory in its own slices; the kernel then treats CPUs of different
        // nodes as not sharing the LLC (arch/x86/kernel/smpboot.c, match_llc() and the comment on
        // intel_cod_cpu[], Linux 6.10), and so does this. A CPU for which /sys describes no L3
        // stands in the domain of its package's node, as an L3 of its own would hide nothing here.
        var domains = new Dictionary<(int L3, int Node, int Package), List<int>>();
        for (int i = 0; i < count; i++)
        {
            var key = (_l3[i], _node[i], _package[i]);
            if (!domains.TryGetValue(key, out List<int>? members))
            {
                domains[key] = members = [];
            }
            members.Add(topology.Cpus[i].Id);
        }
        // Ordered by package, then node, then first CPU: the order a heat map reads best in.
        _domains = [.. domains
            .OrderBy(d => d.Key.Package).ThenBy(d => d.Key.Node).ThenBy(d => d.Value.Min())
            .Select(d => CpuSet.Of(d.Value))];
        var domainOf = new Dictionary<int, int>();
        for (int d = 0; d < _domains.Count; d++)
        {
            foreach (int cpu in _domains[d])
            {
                domainOf[cpu] = d;
            }
        }
        for (int i = 0; i < count; i++)
        {
            _domain[i] = domainOf[topology.Cpus[i].Id];
        }
    }

    /// <summary>The L3 domains (the CPUs sharing one L3 on one NUMA node), by package, node and first CPU.</summary>
    public IReadOnlyList<CpuSet> L3Domains => _domains;

    /// <summary>Whether <paramref name="cpu"/> is an online CPU of the topology.</summary>
    public bool Contains(int cpu) => _slot.ContainsKey(cpu);

    /// <summary>The index in <see cref="L3Domains"/> of the domain of <paramref name="cpu"/>.</summary>
    public int L3DomainOf(int cpu) => _domain[Slot(cpu)];

    /// <summary>The package (physical_package_id) of <paramref name="cpu"/>.</summary>
    public int PackageOf(int cpu) => _package[Slot(cpu)];

    /// <summary>The relation of two distinct online CPUs.</summary>
    public CpuRelation Of(int a, int b)
    {
        if (a == b)
        {
            throw new ArgumentException($"CPU {a} is paired with itself; a relation is between two CPUs.", nameof(b));
        }
        return OfSlots(Slot(a), Slot(b));
    }

    /// <summary>The firmware's NUMA distance between the nodes of two CPUs, or null where it is not known.</summary>
    public int? Distance(int a, int b)
    {
        int nodeA = _node[Slot(a)];
        int nodeB = _node[Slot(b)];
        return _nodes.TryGetValue(nodeA, out NumaNode? node) && node.Distances.TryGetValue(nodeB, out int distance) ? distance : null;
    }

    /// <summary>The number of pairs of CPUs of <paramref name="cpus"/> in each relation, indexed by <see cref="CpuRelation"/>; CPUs that are not online are left out.</summary>
    public long[] Count(CpuSet cpus)
    {
        long[] counts = new long[CpuRelationNames.All.Count];
        int[] slots = Slots(cpus);
        for (int i = 0; i < slots.Length; i++)
        {
            for (int j = i + 1; j < slots.Length; j++)
            {
                counts[(int)OfSlots(slots[i], slots[j])]++;
            }
        }
        return counts;
    }

    /// <summary>The pairs (lower CPU first, in order) of CPUs of <paramref name="cpus"/> whose relation is <paramref name="relation"/>; CPUs that are not online are left out.</summary>
    public IEnumerable<(int First, int Second)> Pairs(CpuSet cpus, CpuRelation relation)
    {
        int[] slots = Slots(cpus);
        for (int i = 0; i < slots.Length; i++)
        {
            for (int j = i + 1; j < slots.Length; j++)
            {
                if (OfSlots(slots[i], slots[j]) == relation)
                {
                    yield return (_topology.Cpus[slots[i]].Id, _topology.Cpus[slots[j]].Id);
                }
            }
        }
    }

    private CpuRelation OfSlots(int i, int j)
    {
        if (_core[i] == _core[j])
        {
            return CpuRelation.SmtSibling;
        }
        if (_l2[i] != None && _l2[i] == _l2[j])
        {
            return CpuRelation.SameL2;
        }
        if (_l3[i] != None && _domain[i] == _domain[j])
        {
            return CpuRelation.SameL3;
        }
        if (_package[i] != _package[j])
        {
            return CpuRelation.OtherPackage;
        }
        return _node[i] == _node[j] ? CpuRelation.SameNode : CpuRelation.SamePackage;
    }

    private int Slot(int cpu)
        => _slot.TryGetValue(cpu, out int slot) ? slot : throw new ArgumentException($"CPU {cpu} is not an online CPU of this topology.", nameof(cpu));

    private int[] Slots(CpuSet cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        return [.. cpus.Where(_slot.ContainsKey).Select(cpu => _slot[cpu])];
    }

    // Each CPU's cache of the level, numbered in the topology's cache order (data and unified
    // caches; an instruction cache shares nothing a line of data travels through).
    private static Dictionary<int, int> CacheNumbers(CpuTopology topology, int level)
    {
        var numbers = new Dictionary<int, int>();
        int number = 0;
        foreach (CacheInfo cache in topology.Caches.Where(c => c.Level == level && c.Type != CacheType.Instruction))
        {
            foreach (int cpu in cache.SharedCpus)
            {
                numbers.TryAdd(cpu, number);
            }
            number++;
        }
        return numbers;
    }
}
