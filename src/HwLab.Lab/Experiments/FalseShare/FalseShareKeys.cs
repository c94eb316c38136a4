namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>The names on falseshare's points: the measurement writes them, the report and the claims read them.</summary>
internal static class FalseShareKeys
{
    /// <summary>Bytes between neighbouring workers' clusters, a whole number.</summary>
    public const string Distance = "distance";

    /// <summary>Which lock: managed, managed-xadd, native.</summary>
    public const string Impl = "impl";

    /// <summary>Derived: the point's median over the widest distance's of the same lock.</summary>
    public const string Penalty = "penalty";
}
