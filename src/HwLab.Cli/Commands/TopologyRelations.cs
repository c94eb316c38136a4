using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>What `hwlab topology` says about pairs of CPUs: how many pairs of usable CPUs each relation has, and the NUMA distances between nodes.</summary>
internal static class TopologyRelations
{
    /// <summary>Every relation, closest first, with its number of pairs of usable CPUs (zero included, so a script finds every name).</summary>
    public static IReadOnlyList<RelationCount> Count(CpuTopology topology)
    {
        long[] counts = new CpuRelations(topology).Count(topology.Usable);
        return [.. CpuRelationNames.All.Select(r => new RelationCount(r.Name(), counts[(int)r], r.Describe()))];
    }

    /// <summary>The distance matrix by node id, or null when fewer than two nodes have their distances recorded.</summary>
    public static DistanceMatrix? DistanceMatrix(CpuTopology topology)
    {
        int[] nodes = [.. topology.NumaNodes.Select(n => n.Id)];
        if (nodes.Length < 2 || topology.NumaNodes.All(n => n.Distances.Count == 0))
        {
            return null;
        }
        return new DistanceMatrix(nodes, [.. topology.NumaNodes.Select(from => (IReadOnlyList<int?>)[.. nodes.Select(to => from.Distances.TryGetValue(to, out int d) ? d : (int?)null)])]);
    }
}

/// <summary>The pairs of usable CPUs in one relation.</summary>
/// <param name="Relation">The relation's name (smt-sibling ... other-package).</param>
internal sealed record RelationCount(string Relation, long Pairs, string Meaning);

/// <summary>Rows[i][j]: the distance from node Nodes[i] to node Nodes[j], null where not recorded.</summary>
internal sealed record DistanceMatrix(IReadOnlyList<int> Nodes, IReadOnlyList<IReadOnlyList<int?>> Rows);
