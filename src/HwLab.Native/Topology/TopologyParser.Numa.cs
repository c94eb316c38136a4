using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

// NUMA nodes: each nodeN/ directory gives the node's CPUs (cpulist) and its distance to every
// node (distance). The kernel writes one number per online node, in node order
// (drivers/base/node.c, node_read_distance(), Linux 6.x: for_each_online_node), and the nodeN
// directories are the online nodes, so the k-th number is the distance to the k-th node by id.
public static partial class TopologyParser
{
    private static List<NumaNode> ReadNumaNodes(SysfsSnapshot snapshot, CpuSet online, List<string> notes)
    {
        var nodes = new List<NumaNode>();
        foreach (string path in snapshot.PathsUnder(SysfsPaths.NodeRoot))
        {
            // /sys/devices/system/node/nodeN/cpulist
            string[] parts = path[(SysfsPaths.NodeRoot.Length + 1)..].Split('/');
            int node = SysfsPaths.NumberedName(parts[0], "node");
            if (node >= 0 && parts.Length == 2 && parts[1] == SysfsPaths.NodeCpuListFile && snapshot.TryGet(path, out string? text))
            {
                if (node > SysfsText.MaxNodeNumber)
                {
                    throw new FormatException(Invariant($"{path}: node{node} is beyond the highest node number a kernel has, {SysfsText.MaxNodeNumber}."));
                }
                nodes.Add(new NumaNode(node, SysfsText.ParseCpuList(path, text)));
            }
        }
        if (nodes.Count == 0)
        {
            notes.Add($"No NUMA node is described under {SysfsPaths.NodeRoot}; the online CPUs are taken to be node 0.");
            nodes.Add(new NumaNode(0, online));
        }
        nodes.Sort((a, b) => a.Id.CompareTo(b.Id));
        return ReadDistances(snapshot, nodes, notes);
    }

    private static List<NumaNode> ReadDistances(SysfsSnapshot snapshot, List<NumaNode> nodes, List<string> notes)
    {
        var withDistances = new List<NumaNode>(nodes.Count);
        var missing = new List<int>();
        foreach (NumaNode node in nodes)
        {
            string path = SysfsPaths.NodeDistance(node.Id);
            if (!snapshot.TryGet(path, out string? text))
            {
                missing.Add(node.Id);
                withDistances.Add(node);
                continue;
            }
            int[] row = SysfsText.ParseNumberRow(path, text);
            if (row.Length != nodes.Count)
            {
                throw new FormatException(Invariant($"{path}: {row.Length} distances, but {nodes.Count} nodes are described; the file gives one per node."));
            }
            withDistances.Add(node with { Distances = nodes.Select((other, k) => KeyValuePair.Create(other.Id, row[k])).ToDictionary() });
        }
        // Captures taken before distances were read have none. One node's distance to itself says
        // nothing, so only a machine of several nodes gets the note.
        if (missing.Count > 0 && nodes.Count > 1)
        {
            notes.Add(missing.Count == nodes.Count
                ? $"No {SysfsPaths.NodeRoot}/nodeN/{SysfsPaths.NodeDistanceFile} is recorded; the distances between nodes are unknown."
                : $"{SysfsPaths.NodeRoot}/nodeN/{SysfsPaths.NodeDistanceFile} is not recorded for node{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(id => id.ToString(CultureInfo.InvariantCulture)))}; the distances from {(missing.Count > 1 ? "them" : "it")} are unknown.");
        }
        return withDistances;
    }
}
