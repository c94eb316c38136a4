namespace HwLab.Lab.Engine;

/// <summary>How many samples every variant gets, and how warm-up decides it is done.</summary>
/// <param name="Samples">Measured samples per variant; at least 5.</param>
/// <param name="MinWarmup">Warm-up runs before anything counts; the first one compiles every hot loop.</param>
/// <param name="MaxWarmup">Warm-up stops here even if figures still move.</param>
/// <param name="WarmupTolerance">Warm-up is done once a run without JIT activity lands within this fraction of the previous one.</param>
public sealed record SamplingPlan(int Samples, int MinWarmup = SamplingPlan.DefaultMinWarmup, int MaxWarmup = 6, double WarmupTolerance = 0.05)
{
    public const int MinimumSamples = 5;

    public const int DefaultMinWarmup = 2;

    public void Validate()
    {
        if (Samples < MinimumSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, $"At least {MinimumSamples} samples per point.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWarmup, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWarmup, MinWarmup);
    }
}
