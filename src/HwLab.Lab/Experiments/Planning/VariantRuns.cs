namespace HwLab.Lab.Experiments.Planning;

/// <summary>
/// Variants alike enough to be estimated together: how many, how many workers each runs, and what
/// one run of one is, either a count of operations per worker or a fixed duration.
/// </summary>
/// <param name="What">What they are, for the plan's lines: "pairs", "uncontended", "8 bytes apart".</param>
/// <param name="Sharers">Workers whose clusters share one line, for <see cref="OperationKind.SharedLinePair"/>.</param>
public sealed record VariantRuns(string What, long Variants, int Workers, OperationKind Kind, long OperationsPerWorker, TimeSpan? Duration = null, int Sharers = 1)
{
    /// <summary>Nanoseconds of one run of one variant: its operations or its duration, the worker threads' start and the sample's probes.</summary>
    public double RunNanoseconds(OperationCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        double work = Duration?.TotalNanoseconds ?? OperationsPerWorker * costs.Nanoseconds(Kind, Workers, Sharers);
        return work + (Workers * costs.ThreadStartNs) + costs.SampleOverheadNs;
    }
}
