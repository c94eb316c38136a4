using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>Two CPUs (the lower first), how they are related, and the L3 domain of each (an index into <see cref="CpuRelations.L3Domains"/>).</summary>
public sealed record CpuPair(int First, int Second, CpuRelation Relation, int FirstDomain, int SecondDomain)
{
    /// <summary>"0-1", the pair's key in results.</summary>
    public override string ToString() => $"{First}-{Second}";

    /// <summary>"2-5": the L3 domains of the two CPUs, in the pair's order, as results key them.</summary>
    public string DomainsText => $"{FirstDomain}-{SecondDomain}";
}
