using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments;

/// <summary>What every experiment runs against: the machine, a way to stop, and someone to tell how far it got.</summary>
public sealed class ExperimentContext(CpuTopology topology, CancellationToken cancellation, Action<ExperimentProgress>? progress = null)
{
    public CpuTopology Topology { get; } = topology;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Time each experiment may spend on rounds past its minimum while a claim is undecided; zero adds none.</summary>
    public TimeSpan SamplingBudget { get; init; } = TimeSpan.Zero;

    internal void Report(string experiment, int done, int planned) => progress?.Invoke(new ExperimentProgress(experiment, done, planned));
}
