namespace HwLab.Native.Topology;

/// <summary>
/// How two distinct CPUs are related, closest first: a pair takes the first that holds. The order
/// is the order of the distance a cache line travels between them: within a core, within a shared
/// L2, within a shared L3, across L3s of one NUMA node, across nodes of one package, across packages.
/// </summary>
public enum CpuRelation
{
    /// <summary>SMT siblings: two hardware threads of one core.</summary>
    SmtSibling,

    /// <summary>Two cores sharing an L2 (a cluster of cores with one L2).</summary>
    SameL2,

    /// <summary>Two cores sharing an L3 on one NUMA node: an AMD CCX, an Intel die or SNC cluster.</summary>
    SameL3,

    /// <summary>One package and one NUMA node, different L3s (two CCXs of an EPYC in NPS1).</summary>
    SameNode,

    /// <summary>One package, different NUMA nodes (Intel sub-NUMA clustering, AMD NPS2 and NPS4).</summary>
    SamePackage,

    /// <summary>Different packages (sockets).</summary>
    OtherPackage,
}

/// <summary>The names of <see cref="CpuRelation"/> that reports and point keys use.</summary>
public static class CpuRelationNames
{
    /// <summary>Every relation, closest first.</summary>
    public static IReadOnlyList<CpuRelation> All { get; } = Enum.GetValues<CpuRelation>();

    /// <summary>The kebab-case name: smt-sibling, same-l2, same-l3, same-node, same-package, other-package.</summary>
    public static string Name(this CpuRelation relation) => relation switch
    {
        CpuRelation.SmtSibling => "smt-sibling",
        CpuRelation.SameL2 => "same-l2",
        CpuRelation.SameL3 => "same-l3",
        CpuRelation.SameNode => "same-node",
        CpuRelation.SamePackage => "same-package",
        CpuRelation.OtherPackage => "other-package",
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, null),
    };

    /// <summary>The relation in words, for tables: "SMT siblings", "cores sharing an L2"...</summary>
    public static string Describe(this CpuRelation relation) => relation switch
    {
        CpuRelation.SmtSibling => "SMT siblings of one core",
        CpuRelation.SameL2 => "cores sharing an L2",
        CpuRelation.SameL3 => "cores sharing an L3 on one NUMA node",
        CpuRelation.SameNode => "other L3, same NUMA node",
        CpuRelation.SamePackage => "other NUMA node, same package",
        CpuRelation.OtherPackage => "other package",
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, null),
    };

    /// <summary>The relation whose <see cref="Name"/> is <paramref name="name"/>.</summary>
    public static bool TryParse(string? name, out CpuRelation relation)
    {
        foreach (CpuRelation candidate in All)
        {
            if (candidate.Name() == name)
            {
                relation = candidate;
                return true;
            }
        }
        relation = default;
        return false;
    }
}
