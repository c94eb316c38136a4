using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// One side's figure for a point, computed from its samples (not from the stored statistics) so
/// that both sides' medians and intervals come from the same estimator the verdicts use.
/// </summary>
/// <param name="Median">The median of the samples used; null when the point holds no sample.</param>
/// <param name="CiLower">The lower end of the median's 95% confidence interval (the order-statistic interval, <see cref="Decider.Interval"/>); null below <see cref="Decider.MinimumRounds"/> samples used.</param>
/// <param name="CiUpper">The upper end of that interval.</param>
/// <param name="N">Samples taken.</param>
/// <param name="Clean">Samples with no flag (no migration, preemption, collection or compilation).</param>
/// <param name="Used">Samples the median and interval rest on.</param>
/// <param name="Basis"><see cref="Statistics.CleanBasis"/> or <see cref="Statistics.AllBasis"/>, chosen as <see cref="Statistics.From"/> chooses.</param>
/// <param name="Placement">The placement group most of the used samples' rounds fell in (<see cref="PlacementGroup.Label"/>); null without probes, or when no group holds a majority.</param>
public sealed record SideFigures(
    double? Median,
    double? CiLower,
    double? CiUpper,
    int N,
    int Clean,
    int Used,
    string Basis,
    string? Placement)
{
    /// <summary>The median memory probe behind the figure, ns per 4 KiB page copied; null without probes.</summary>
    public double? MemoryNsPerPage { get; init; }

    public static SideFigures From(PointResult point, string? placement)
    {
        ArgumentNullException.ThrowIfNull(point);
        (IReadOnlyList<SampleRecord> used, string basis) = UsedSamples(point.Samples);
        double[] values = [.. used.Select(s => s.Value).Where(double.IsFinite)];
        (double median, double low, double high) = Decider.Interval(values);
        return new SideFigures(
            Finite(median),
            Finite(low),
            Finite(high),
            point.Samples.Count,
            point.Samples.Count(s => s.IsClean),
            values.Length,
            basis,
            placement);
    }

    /// <summary>
    /// The samples a point's figure rests on: the clean ones when at least half are clean (and
    /// there is one), else all of them, the same choice <see cref="Statistics.From"/> makes, so the
    /// median compared is the one the report shows.
    /// </summary>
    public static (IReadOnlyList<SampleRecord> Samples, string Basis) UsedSamples(IReadOnlyList<SampleRecord> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        SampleRecord[] clean = [.. samples.Where(s => s.IsClean)];
        return clean.Length > 0 && clean.Length * 2 >= samples.Count ? (clean, Statistics.CleanBasis) : (samples, Statistics.AllBasis);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
