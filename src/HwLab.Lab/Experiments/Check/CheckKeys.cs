namespace HwLab.Lab.Experiments.Check;

/// <summary>The names on check's points: the measurement writes them, the report and the claims read them.</summary>
internal static class CheckKeys
{
    /// <summary>The layout variant: declared, padded-line, padded-2-lines, column.</summary>
    public const string Variant = "variant";

    /// <summary>managed or native.</summary>
    public const string Impl = "impl";

    /// <summary>k, the workers each locking their own object.</summary>
    public const string Sharers = "sharers";

    /// <summary>Where the k workers sit (same-l3, other-l3, other-package).</summary>
    public const string Placement = "placement";

    /// <summary>The farthest relation between two of the point's workers.</summary>
    public const string Relation = Setup.WorkerRelation.Key;

    /// <summary>Derived: the point's median over the padded-to-one-line variant's, same k, placement and lock.</summary>
    public const string Penalty = "penalty";

    /// <summary>Derived: bytes a million objects take in this variant.</summary>
    public const string BytesPerMillion = "bytesPerMillion";
}
