using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// One side's figure for a point, computed from its samples (not from the stored statistics) so
/// that both sides' medians and intervals come from the same estimator the verdicts use.
/// </summary>
/// <param name="Median">The median of the samples used; null when the point holds no sample.</param>
/// <param name="CiLower">The lower end of the median's 95% confidence interval (the order-statistic interval, <see cref="MedianInterval"/>); null below <see cref="Decider.MinimumRounds"/> samples used.</param>
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

    /// <summary>The point's figure as <see cref="Statistics.From"/> computes it from the samples, whatever statistics the file stored.</summary>
    public static SideFigures From(PointResult point, string? placement)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Samples.Count == 0)
        {
            return new SideFigures(null, null, null, 0, 0, 0, Statistics.AllBasis, placement);
        }
        Statistics stats = Statistics.From(point.Samples);
        return new SideFigures(
            Finite(stats.Median),
            stats.MedianCiLower,
            stats.MedianCiUpper,
            stats.N,
            stats.Clean,
            stats.Basis == Statistics.CleanBasis ? stats.Clean : stats.N,
            stats.Basis,
            placement);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
