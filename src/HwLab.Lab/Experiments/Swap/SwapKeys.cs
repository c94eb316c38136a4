namespace HwLab.Lab.Experiments.Swap;

/// <summary>The names on the swap and churn experiments' points: the measurement writes them, the report and the claims read them.</summary>
internal static class SwapKeys
{
    /// <summary>Lock mode: device, bitlock, spinlock, merged-4.11.</summary>
    public const string Mode = "mode";

    /// <summary>Free-cluster order: sequential, columns.</summary>
    public const string Order = "order";

    /// <summary>swap_cluster_info size in bytes.</summary>
    public const string Layout = "layout";

    /// <summary>Workers swapping together, a whole number.</summary>
    public const string Workers = "workers";

    /// <summary>churn only: <see cref="SwapExperiment.FirstRound"/> or <see cref="SwapExperiment.Churned"/>.</summary>
    public const string Phase = "phase";

    /// <summary>Derived: ops/s over the same device's with one worker.</summary>
    public const string Scaling = "scaling";

    /// <summary>Extra per sample: si->lock acquisitions of the run's workers, all together.</summary>
    public const string SwapInfoLocks = "swapInfoLocks";

    /// <summary>Derived: si->lock acquisitions per swap-out + free operation over every sample.</summary>
    public const string SwapInfoLocksPerOperation = "swapInfoLocksPerOperation";

    /// <summary>Derived: the share of new-cluster picks that landed in a cache line with another worker's current cluster.</summary>
    public const string SameLineShare = "sameLineShare";
}
