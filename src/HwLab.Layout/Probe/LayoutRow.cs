namespace HwLab.Layout.Probe;

/// <summary>One struct as C# and C lay it out, whether they agree, and for a generation what its size means.</summary>
/// <param name="Generation">The swap_cluster_info generation, or null for a lock or helper struct (qspinlock, mcs_spinlock, qspinlock_cpu, percpu_cluster, swap_cluster_list, list_head).</param>
/// <param name="Figures">Per-line and per-GiB figures for a generation; null for a lock or helper struct.</param>
/// <param name="Differences">How C# differs from C; empty when they match.</param>
public sealed record LayoutRow(
    string Name,
    ClusterLayoutInfo? Generation,
    GenerationFigures? Figures,
    StructDescription Managed,
    StructDescription C,
    IReadOnlyList<string> Differences)
{
    public bool Matches => Differences.Count == 0;
}
