namespace HwLab.Lab.Experiments.C2c;

/// <summary>The keys of c2c's points: the measurement writes them, the report and the claims read them.</summary>
internal static class C2cKeys
{
    /// <summary>"0-1": the two CPUs.</summary>
    public const string Pair = "pair";

    /// <summary>How the two CPUs are related (<see cref="CpuPair.Relation"/>).</summary>
    public const string Relation = "relation";

    /// <summary><see cref="C2cExperiment.Managed"/> or <see cref="C2cExperiment.Native"/>.</summary>
    public const string Impl = "impl";
}
