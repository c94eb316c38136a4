namespace HwLab.Lab.Comparison;

/// <summary>
/// The ratios B/A that count as no change for a threshold of t percent: 1/(1+t) to 1+t. The band
/// is symmetric in ratio, so that comparing A with B and B with A flag the same points: B more
/// than t% above A, or A more than t% above B.
/// </summary>
public readonly record struct NoChangeBand(double Low, double High)
{
    public static NoChangeBand FromPercent(double thresholdPercent)
    {
        if (!(thresholdPercent >= 0) || double.IsInfinity(thresholdPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent, "The threshold is a percentage, 0 or more.");
        }
        double high = 1 + (thresholdPercent / 100);
        return new NoChangeBand(1 / high, high);
    }

    /// <summary>"0.952 to 1.050".</summary>
    public override string ToString() => RatioText.Interval(Low, High);
}
