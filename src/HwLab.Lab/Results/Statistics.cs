using Perfolizer.Mathematics.Common;

namespace HwLab.Lab.Results;

/// <summary>
/// A point's figure with its noise: median, range, coefficient of variation and a 95% confidence
/// interval of the median (<see cref="MedianInterval"/>; null below 6 samples), over the clean
/// samples when at least half are clean, else over all of them (and <see cref="Basis"/> says so).
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
        (IReadOnlyList<SampleRecord> used, string basis) = UsedSamples(samples);
        double[] values = [.. used.Select(s => s.Value)];

        (double mean, double sd, double cv) = Spread(values);
        (double median, double low, double high) = MedianInterval.Of(values);
        return new Statistics(
            samples.Count,
            samples.Count(s => s.IsClean),
            basis,
            median,
            values.Min(),
            values.Max(),
            mean,
            sd,
            cv,
            double.IsFinite(low) ? low : null,
            double.IsFinite(high) ? high : null);
    }

    /// <summary>Standard deviation over mean: 0 for a single value or a mean of 0, where the spread means nothing.</summary>
    public static double CoefficientOfVariationOf(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? 0 : Spread(values).Cv;
    }

    private static (double Mean, double Sd, double Cv) Spread(IReadOnlyList<double> values)
    {
        Moments moments = Moments.Create([.. values]);
        double sd = values.Count > 1 ? moments.StandardDeviation : 0;
        return (moments.Mean, sd, moments.Mean == 0 ? 0 : sd / moments.Mean);
    }

    /// <summary>
    /// The samples a point's figure rests on: the clean ones when at least half are clean (and
    /// there is one), else all of them. Every reader of a point's figure (its statistics, `hwlab
    /// compare`, the probes behind it) takes the same ones.
    /// </summary>
    public static (IReadOnlyList<SampleRecord> Samples, string Basis) UsedSamples(IReadOnlyList<SampleRecord> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        SampleRecord[] clean = [.. samples.Where(s => s.IsClean)];
        return clean.Length > 0 && clean.Length * 2 >= samples.Count ? (clean, CleanBasis) : (samples, AllBasis);
    }
}
