using HwLab.Lab.Engine;

namespace HwLab.Lab.Experiments;

/// <summary>Range checks every experiment's settings share, with the option's name in the message.</summary>
internal static class ExperimentLimits
{
    public static void EnsureSamples(int samples)
    {
        if (samples < SamplingPlan.MinimumSamples)
        {
            throw new ExperimentSettingsException($"--samples must be at least {SamplingPlan.MinimumSamples} (every figure needs its noise), not {samples}.");
        }
    }

    public static void EnsureAtLeast(long value, long minimum, string option)
    {
        if (value < minimum)
        {
            throw new ExperimentSettingsException($"{option} must be at least {minimum}, not {value}.");
        }
    }
}
