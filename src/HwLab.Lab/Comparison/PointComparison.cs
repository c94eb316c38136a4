namespace HwLab.Lab.Comparison;

/// <summary>One point measured on both sides: B over A, its 95% interval, and what that interval decides.</summary>
/// <param name="Id">The point's id, the same on both sides.</param>
/// <param name="Ratio">B's median over A's; null when A's median is zero or missing, or the quotient is beyond the range of a number.</param>
/// <param name="CiLower">The low end of B/A's interval: B's interval low over A's high; null when the point is not decided or not comparable.</param>
/// <param name="CiUpper">The high end: B's high over A's low.</param>
/// <param name="State">One of <see cref="Changed"/>, <see cref="MachineStateDiffered"/>, <see cref="WithinNoise"/>, <see cref="Unchanged"/>, <see cref="NotDecided"/>, <see cref="NotComparable"/>.</param>
/// <param name="Why">What the state rests on, in words, with the interval and the band.</param>
public sealed record PointComparison(
    string Id,
    string Metric,
    string Unit,
    SideFigures A,
    SideFigures B,
    double? Ratio,
    double? CiLower,
    double? CiUpper,
    string State,
    string Why)
{
    /// <summary>For <see cref="MachineStateDiffered"/>, the states the two sides ran in ("placement ~25 ns vs placement ~290 ns", "memory 300 vs 620 ns per page"); null otherwise.</summary>
    public string? MachineState { get; init; }

    /// <summary>The whole interval lies outside the no-change band, on one machine state.</summary>
    public const string Changed = "changed";

    /// <summary>The whole interval lies outside the band, and the placement probes put the two sides in different machine states.</summary>
    public const string MachineStateDiffered = "machine state differed";

    /// <summary>The interval straddles an edge of the band: this pair of runs does not tell.</summary>
    public const string WithinNoise = "within noise";

    /// <summary>The whole interval lies inside the band.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Fewer than <see cref="Decisions.Decider.MinimumRounds"/> samples on a side: no interval, never flagged.</summary>
    public const string NotDecided = "not decided";

    /// <summary>Units differ, or B over A cannot be a finite, non-negative number.</summary>
    public const string NotComparable = "not comparable";

    /// <summary>B differs from A beyond the noise and the threshold, with no change of machine state to put it down to.</summary>
    public bool Flagged => State == Changed;

    /// <summary>An interval decided the state (every state but <see cref="NotDecided"/> and <see cref="NotComparable"/>).</summary>
    public bool Judged => State is not (NotDecided or NotComparable);
}
