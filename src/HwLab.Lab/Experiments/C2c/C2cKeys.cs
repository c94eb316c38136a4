namespace HwLab.Lab.Experiments.C2c;

/// <summary>The keys of c2c's points: the measurement writes them, the report and the claims read them.</summary>
internal static class C2cKeys
{
    /// <summary>"0-1": the two CPUs.</summary>
    public const string Pair = "pair";

    /// <summary>How the two CPUs are related: a <see cref="HwLab.Native.Topology.CpuRelation"/>'s name, smt-sibling to other-package.</summary>
    public const string Relation = "relation";

    /// <summary>"2-5": the L3 domains of the two CPUs (<see cref="CpuPair.DomainsText"/>), numbered by package, node and first CPU.</summary>
    public const string L3 = "l3";

    /// <summary><see cref="C2cExperiment.Managed"/> or <see cref="C2cExperiment.Native"/>.</summary>
    public const string Impl = "impl";
}
