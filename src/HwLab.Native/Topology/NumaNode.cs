using System.Collections.Immutable;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// A NUMA node, its CPUs (/sys/devices/system/node/nodeN/cpulist; a memory-only node has none)
/// and its distance to each node (nodeN/distance), by node id.
/// </summary>
public sealed record NumaNode(int Id, CpuSet Cpus)
{
    private readonly ImmutableSortedDictionary<int, int> _distances = ImmutableSortedDictionary<int, int>.Empty;

    /// <summary>
    /// The firmware's relative distance (ACPI SLIT; 10 is local) from this node to each node, by
    /// node id; empty where nodeN/distance was not recorded.
    /// </summary>
    public IReadOnlyDictionary<int, int> Distances
    {
        get => _distances;
        init => _distances = ImmutableSortedDictionary.CreateRange(value ?? throw new ArgumentNullException(nameof(value)));
    }

    // The synthesized equality would compare the dictionaries by reference.
    public bool Equals(NumaNode? other)
        => other is not null
            && Id == other.Id
            && Cpus.Equals(other.Cpus)
            && _distances.Count == other._distances.Count
            && _distances.All(d => other._distances.TryGetValue(d.Key, out int distance) && distance == d.Value);

    public override int GetHashCode() => HashCode.Combine(Id, Cpus, _distances.Count);
}
