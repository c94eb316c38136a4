using System.Globalization;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments;

/// <summary>
/// Where a ratio of two medians can lie given each median's noise: each side's 95% confidence
/// interval of the median (its sample range below three samples), divided end against end. A
/// verdict is decided by where this interval falls against the claim's threshold, never by the
/// ratio of medians alone, so a noisy run says "inconclusive" rather than the opposite of a quiet one.
/// </summary>
public readonly record struct RatioInterval(double Low, double High)
{
    /// <summary>a over b: [a's low / b's high, a's high / b's low]; unbounded above when b's interval reaches 0.</summary>
    public static RatioInterval Of(Statistics a, Statistics b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        (double aLow, double aHigh) = Ends(a);
        (double bLow, double bHigh) = Ends(b);
        return new RatioInterval(bHigh > 0 ? aLow / bHigh : 0, bLow > 0 ? aHigh / bLow : double.PositiveInfinity);
    }

    /// <summary>This interval over another (a ratio of two ratios): [low / other's high, high / other's low].</summary>
    public RatioInterval Over(RatioInterval other)
        => new(other.High > 0 ? Low / other.High : 0, other.Low > 0 ? High / other.Low : double.PositiveInfinity);

    /// <summary>
    /// The interval of the median of several ratios, each within its own interval: the median is
    /// non-decreasing in every argument, so it lies between the median of the lows and the median of the highs.
    /// </summary>
    public static RatioInterval MedianOf(IReadOnlyList<RatioInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (intervals.Count == 0)
        {
            throw new ArgumentException("The median of no interval.", nameof(intervals));
        }
        double[] lows = [.. intervals.Select(i => i.Low).Order()];
        double[] highs = [.. intervals.Select(i => i.High).Order()];
        return new RatioInterval(lows[lows.Length / 2], highs[highs.Length / 2]);
    }

    /// <summary>The claim "the ratio is above <paramref name="threshold"/>".</summary>
    public string DecideAbove(double threshold) => Low > threshold ? Verdict.Confirmed : High <= threshold ? Verdict.Refuted : Verdict.Inconclusive;

    /// <summary>The claim "the ratio is at most <paramref name="threshold"/>".</summary>
    public string DecideAtMost(double threshold) => High <= threshold ? Verdict.Confirmed : Low > threshold ? Verdict.Refuted : Verdict.Inconclusive;

    /// <summary>The claim "the ratio is within [<paramref name="low"/>, <paramref name="high"/>]".</summary>
    public string DecideWithin(double low, double high)
        => Low >= low && High <= high ? Verdict.Confirmed : High < low || Low > high ? Verdict.Refuted : Verdict.Inconclusive;

    /// <summary>"0.93 to 1.08".</summary>
    public override string ToString()
        => double.IsPositiveInfinity(High)
            ? string.Create(CultureInfo.InvariantCulture, $"{Low:0.00} to unbounded")
            : string.Create(CultureInfo.InvariantCulture, $"{Low:0.00} to {High:0.00}");

    /// <summary>Why an outcome came out as it did, for the verdict's text.</summary>
    public string Explain(string outcome, string threshold)
        => outcome == Verdict.Inconclusive
            ? $"The interval {this} straddles {threshold}: this run does not decide it; more samples (--samples) or a quieter machine would."
            : $"The whole interval {this} lies {(outcome == Verdict.Confirmed ? "on the claimed side of" : "beyond")} {threshold}.";

    private static (double Low, double High) Ends(Statistics s)
        => s.MedianCiLower is double low && s.MedianCiUpper is double high && low <= high ? (low, high) : (s.Min, s.Max);
}
