namespace HwLab.Lab.Experiments.Planning;

/// <summary>What one experiment would run on a machine under a profile, and for how long.</summary>
/// <param name="Skipped">Why it would not run (settings this machine cannot run with), or null.</param>
/// <param name="MinimumSeconds">Its minimum rounds, priced with the plan's costs.</param>
/// <param name="SamplingBudgetSeconds">The most it may add in rounds while a claim is undecided.</param>
public sealed record ExperimentPlan(string Name, string? Skipped, RunShape? Shape, double MinimumSeconds, double SamplingBudgetSeconds)
{
    /// <summary>The longest it is expected to take: its minimum rounds and its whole sampling budget.</summary>
    public double MaximumSeconds => MinimumSeconds + SamplingBudgetSeconds;

    public static ExperimentPlan SkippedFor(string name, string why) => new(name, why, null, 0, 0);
}
