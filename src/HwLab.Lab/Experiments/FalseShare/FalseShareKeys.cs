namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>The names on falseshare's points: the measurement writes them, the report and the claims read them.</summary>
internal static class FalseShareKeys
{
    /// <summary>Bytes between neighbouring workers' clusters, a whole number.</summary>
    public const string Distance = "distance";

    /// <summary>Which lock: managed, managed-xadd, native.</summary>
    public const string Impl = "impl";

    /// <summary>Sharing grid only: k, the workers whose clusters share one line at 8 bytes apart.</summary>
    public const string Sharers = "sharers";

    /// <summary>Sharing grid only: where those workers sit (same-l3, other-l3, other-package).</summary>
    public const string Placement = "placement";

    /// <summary>The farthest relation between two of the point's workers (smt-sibling ... other-package).</summary>
    public const string Relation = "relation";

    /// <summary>Derived: the point's median over the widest distance's of the same lock.</summary>
    public const string Penalty = "penalty";
}
