using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>One side's figure for a point, with the noise that decides whether a difference is real.</summary>
/// <param name="Median">The point's median over the samples its statistics used.</param>
/// <param name="Low">The low end of its noise interval: the 95% confidence interval of the median, or the sample range when there were too few samples for one.</param>
/// <param name="High">The high end of that interval.</param>
/// <param name="Interval">Which interval <see cref="Low"/> and <see cref="High"/> are: <see cref="MedianCi"/> or <see cref="Range"/>.</param>
/// <param name="CoefficientOfVariation">Standard deviation over mean of the samples, the run's spread.</param>
/// <param name="N">Samples taken.</param>
/// <param name="Clean">Samples with no flag (no migration, preemption, collection or compilation).</param>
public sealed record SideFigures(
    double Median,
    double Low,
    double High,
    string Interval,
    double CoefficientOfVariation,
    int N,
    int Clean)
{
    public const string MedianCi = "95% CI of the median";
    public const string Range = "sample range";

    public static SideFigures From(Statistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        bool hasCi = stats.MedianCiLower is double lower && stats.MedianCiUpper is double upper && lower <= upper;
        return new SideFigures(
            stats.Median,
            hasCi ? stats.MedianCiLower!.Value : stats.Min,
            hasCi ? stats.MedianCiUpper!.Value : stats.Max,
            hasCi ? MedianCi : Range,
            stats.CoefficientOfVariation,
            stats.N,
            stats.Clean);
    }

    /// <summary>Whether this side's noise interval and the other's share any value.</summary>
    public bool Overlaps(SideFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Low <= other.High && other.Low <= High;
    }
}
