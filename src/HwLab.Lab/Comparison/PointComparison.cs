namespace HwLab.Lab.Comparison;

/// <summary>One point measured on both sides: B against A, and whether the difference stands out of the noise.</summary>
/// <param name="Id">The point's id, the same on both sides.</param>
/// <param name="Ratio">B's median over A's; null when A's median is zero or the quotient is beyond the range of a number.</param>
/// <param name="Finding">One of <see cref="WithinNoise"/>, <see cref="Higher"/>, <see cref="Lower"/>, <see cref="NoNoiseEstimate"/>, <see cref="NotComparable"/>.</param>
/// <param name="Why">What the finding rests on, in words.</param>
public sealed record PointComparison(
    string Id,
    string Metric,
    string Unit,
    SideFigures A,
    SideFigures B,
    double? Ratio,
    string Finding,
    string Why)
{
    public const string WithinNoise = "within noise";
    public const string Higher = "B higher";
    public const string Lower = "B lower";
    public const string NoNoiseEstimate = "no noise estimate";
    public const string NotComparable = "not comparable";

    /// <summary>B differs from A by more than both the noise and the threshold.</summary>
    public bool Flagged => Finding is Higher or Lower;
}
