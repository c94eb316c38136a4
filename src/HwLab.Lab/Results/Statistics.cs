using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace HwLab.Lab.Results;

/// <summary>
/// A point's figure with its noise: median, range, coefficient of variation and a 95% confidence
/// interval of the median (Harrell-Davis, via Perfolizer), over the clean samples when at least
/// half are clean, else over all of them (and <see cref="Basis"/> says so).
/// </summary>
public sealed record Statistics(
    int N,
    int Clean,
    string Basis,
    double Median,
    double Min,
    double Max,
    double Mean,
    double StandardDeviation,
    double CoefficientOfVariation,
    double? MedianCiLower,
    double? MedianCiUpper)
{
    public const string CleanBasis = "clean samples";
    public const string AllBasis = "all samples (too few were clean)";

    public static Statistics From(IReadOnlyList<SampleRecord> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A point needs at least one sample.", nameof(samples));
        }
        SampleRecord[] clean = [.. samples.Where(s => s.IsClean)];
        bool useClean = clean.Length * 2 >= samples.Count && clean.Length > 0;
        double[] values = [.. (useClean ? clean : samples).Select(s => s.Value)];

        var sample = new Sample(values);
        Moments moments = Moments.Create(sample);
        double median = SimpleQuantileEstimator.Instance.Median(sample).NominalValue;
        double? lower = null;
        double? upper = null;
        if (values.Length >= 3 && values.Min() == values.Max())
        {
            // No spread, no noise: the interval is the value (Harrell-Davis divides by a zero spread and gives NaN).
            lower = upper = values[0];
        }
        else if (values.Length >= 3)
        {
            ConfidenceInterval ci = HarrellDavisQuantileEstimator.Instance
                .QuantileConfidenceIntervalEstimator(sample, Probability.Median)
                .ConfidenceInterval(ConfidenceLevel.L95);
            lower = double.IsFinite(ci.Lower) ? ci.Lower : null;
            upper = double.IsFinite(ci.Upper) ? ci.Upper : null;
        }
        double sd = values.Length > 1 ? moments.StandardDeviation : 0;
        return new Statistics(
            samples.Count,
            clean.Length,
            useClean ? CleanBasis : AllBasis,
            median,
            values.Min(),
            values.Max(),
            moments.Mean,
            sd,
            moments.Mean == 0 ? 0 : sd / moments.Mean,
            lower,
            upper);
    }
}
