using HwLab.Lab.Results;

namespace HwLab.Lab.Engine;

/// <summary>What the sampler measured, and how its sampling went (null when no claim was given to decide).</summary>
public sealed record SamplingOutcome(IReadOnlyList<PointResult> Points, SamplingSummary? Summary);
