namespace HwLab.Lab.Engine;

/// <summary>How many rounds every variant gets at least, how long more rounds may take, and how warm-up decides it is done.</summary>
/// <param name="Samples">Rounds taken whatever the verdicts say (--samples); at least 5.</param>
/// <param name="MinWarmup">Warm-up runs before anything counts; the first one compiles every hot loop.</param>
/// <param name="MaxWarmup">Warm-up stops here even if figures still move.</param>
/// <param name="WarmupTolerance">Warm-up is done once a run without JIT activity lands within this fraction of the previous one.</param>
public sealed record SamplingPlan(int Samples, int MinWarmup = SamplingPlan.DefaultMinWarmup, int MaxWarmup = 6, double WarmupTolerance = 0.05)
{
    public const int MinimumSamples = 5;

    public const int DefaultMinWarmup = 2;

    /// <summary>Time rounds past <see cref="Samples"/> may take while a claim is undecided; zero takes none.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.Zero;

    /// <summary>Rounds never go past this, whatever the budget.</summary>
    public int MaxRounds { get; init; } = 10_000;

    public void Validate()
    {
        if (Samples < MinimumSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, $"At least {MinimumSamples} samples per point.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWarmup, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWarmup, MinWarmup);
        ArgumentOutOfRangeException.ThrowIfLessThan(Budget, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRounds, Samples);
    }
}
