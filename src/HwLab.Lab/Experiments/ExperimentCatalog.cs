using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Locks;

namespace HwLab.Lab.Experiments;

/// <summary>Every experiment, in the order the suite runs them.</summary>
public static class ExperimentCatalog
{
    public static C2cExperiment C2c { get; } = new();

    public static FalseShareExperiment FalseShare { get; } = new();

    public static LocksExperiment Locks { get; } = new();

    public static IReadOnlyList<IExperiment> All { get; } = [C2c, FalseShare, Locks];

    public static IExperiment? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
