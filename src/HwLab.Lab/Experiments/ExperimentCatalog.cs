using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Lab.Experiments.Swap;

namespace HwLab.Lab.Experiments;

/// <summary>Every experiment, in the order the suite runs them.</summary>
public static class ExperimentCatalog
{
    public static C2cExperiment C2c { get; } = new();

    public static FalseShareExperiment FalseShare { get; } = new();

    public static LocksExperiment Locks { get; } = new();

    public static SwapExperiment Swap { get; } = new(churn: false);

    public static SwapExperiment Churn { get; } = new(churn: true);

    public static ReserveExperiment Reserve { get; } = new();

    public static IReadOnlyList<IExperiment> All { get; } = [C2c, FalseShare, Locks, Swap, Churn, Reserve];

    public static IExperiment? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
