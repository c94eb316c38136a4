namespace HwLab.Lab.Results;

/// <summary>One experiment's outcome: its settings, every point, and verdicts on the claims it tests.</summary>
/// <param name="Error">Why it failed or stopped; null when it completed.</param>
/// <param name="Parameters">Its settings as name/value text, exactly as run.</param>
public sealed record ExperimentResult(
    string Name,
    string Title,
    ExperimentStatus Status,
    string? Error,
    DateTimeOffset StartedUtc,
    double DurationSeconds,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<PointResult> Points,
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyList<string> Notes)
{
    /// <summary>Quantities over time from representative runs (the reserve experiment's free pages); empty for most experiments.</summary>
    public IReadOnlyList<Timeline> Timelines { get; init; } = [];

    /// <summary>Rounds taken and why sampling stopped; null for experiments that are not sampled in rounds, and in version-1 documents.</summary>
    public SamplingSummary? Sampling { get; init; }

    /// <summary>Throughput against workers with each curve's scalability fit (locks, swap); empty for the other experiments and in documents written before fits.</summary>
    public IReadOnlyList<ScalingCurve> Scaling { get; init; } = [];

    /// <summary>An experiment this machine cannot run (too few CPUs), with why.</summary>
    public static ExperimentResult SkippedFor(Experiments.IExperiment experiment, string why)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return new ExperimentResult(experiment.Name, experiment.Title, ExperimentStatus.Skipped, why, DateTimeOffset.UtcNow, 0, new Dictionary<string, string>(), [], [], []);
    }

    public PointResult Point(string id) => Points.FirstOrDefault(p => p.Id == id) ?? throw new KeyNotFoundException($"{Name} has no point {id}.");
}
