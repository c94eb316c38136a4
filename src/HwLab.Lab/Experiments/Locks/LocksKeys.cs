namespace HwLab.Lab.Experiments.Locks;

/// <summary>The names on the locks experiment's points: the measurement writes them, the report and the claims read them.</summary>
internal static class LocksKeys
{
    /// <summary>Which lock (<see cref="LocksSettings.KnownKinds"/>).</summary>
    public const string Kind = "kind";

    /// <summary><see cref="LocksExperiment.Uncontended"/> or <see cref="LocksExperiment.Contended"/>.</summary>
    public const string Contention = "contention";

    /// <summary>Workers on the lock, a whole number.</summary>
    public const string Workers = "workers";

    /// <summary>Derived, contended points only: the median over samples of the workers' pair counts' coefficient of variation.</summary>
    public const string FairnessCv = "fairnessCv";

    /// <summary>Derived, contended points only: the median over samples of the least-served worker's pairs over the best-served one's.</summary>
    public const string FairnessMinOverMax = "fairnessMinOverMax";
}
