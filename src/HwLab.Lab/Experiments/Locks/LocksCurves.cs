using System.Globalization;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.Locks;

/// <summary>
/// Each lock kind's scaling curve: pairs per second of all workers together against the workers
/// on the lock, the lone worker's uncontended run as the curve's first point, since it is the
/// same lock taken by one worker.
/// </summary>
internal static class LocksCurves
{
    /// <summary>Lock/unlock pairs per second, all workers together.</summary>
    public const string Unit = "pairs/s";

    public static int Workers(PointResult point) => int.Parse(point.Key(LocksKeys.Workers), CultureInfo.InvariantCulture);

    /// <summary>Each kind's curve, fitted.</summary>
    public static IReadOnlyList<ScalingCurve> Of(IReadOnlyList<PointResult> points)
        => ScalingCurve.Through(points, LocksKeys.Workers, [LocksKeys.Kind], Unit, PairsPerSecond);

    /// <summary>Each kind's points as a curve with no fit, for <paramref name="why"/>.</summary>
    public static IReadOnlyList<ScalingCurve> Unfitted(IReadOnlyList<PointResult> points, string why)
        => ScalingCurve.Through(points, LocksKeys.Workers, [LocksKeys.Kind], Unit, PairsPerSecond, why);

    // ns per pair of all workers together, turned into their pairs per second; not defined for a median of 0.
    private static double PairsPerSecond(PointResult point) => point.Stats.Median > 0 ? 1e9 / point.Stats.Median : double.NaN;
}
