using HwLab.Lab.Engine;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>The ranges of the settings several experiments share.</summary>
public static class ExperimentLimits
{
    /// <summary>
    /// Samples per point: at least 5, or a figure has no noise to show; at most 10 000, past which
    /// a median and its interval no longer move while the run time and the results keep growing.
    /// </summary>
    public static ValueRange Samples { get; } = new(SamplingPlan.MinimumSamples, 10_000);

    /// <summary>
    /// Workers of a run (--threads, each of --workers): one pinned thread per CPU, and the kernel's
    /// NR_CPUS tops out at 8192, so no machine has more CPUs to pin to. The CPUs actually usable
    /// narrow it further.
    /// </summary>
    public static ValueRange Workers { get; } = new(1, 8192);

    /// <summary>A seed: any 32-bit whole number gives a run that can be repeated.</summary>
    public static ValueRange Seed { get; } = new(int.MinValue, int.MaxValue);
}
