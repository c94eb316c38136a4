using HwLab.Lab.Scaling;

namespace HwLab.Lab.Results;

/// <summary>
/// One throughput-against-workers curve of an experiment (one lock kind, one swap device), with
/// its Universal Scalability Law fit or why there is none. Fitted once, when the experiment
/// completes, and stored, so every report and script reads the same λ, σ and κ.
/// </summary>
/// <param name="Id">The keys joined, as a point's id is: <c>mode=bitlock order=columns layout=8</c>; unique within the experiment.</param>
/// <param name="Keys">What the curve is of: the keys its points share, less the worker count.</param>
/// <param name="Unit">The throughput's unit: ops/s, pairs/s.</param>
/// <param name="Points">Workers and the median throughput of all of them together, by workers.</param>
/// <param name="Fit">The fit; null when <paramref name="NoFitReason"/> says why there is none.</param>
public sealed record ScalingCurve(string Id, IReadOnlyDictionary<string, string> Keys, string Unit, IReadOnlyList<ScalingPoint> Points, UslFit? Fit, string? NoFitReason)
{
    /// <summary>
    /// One curve per distinct value of <paramref name="curveKeys"/> among <paramref name="points"/>,
    /// each point placed at its <paramref name="workersKey"/> with the throughput
    /// <paramref name="throughput"/> reads from it; fitted, or, given
    /// <paramref name="unfittedBecause"/>, left without a fit for that reason (a report drawing
    /// the points of a document written before fits).
    /// </summary>
    public static IReadOnlyList<ScalingCurve> Through(
        IEnumerable<PointResult> points, string workersKey, IReadOnlyList<string> curveKeys, string unit, Func<PointResult, double> throughput, string? unfittedBecause = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(curveKeys);
        ArgumentNullException.ThrowIfNull(throughput);
        return [.. points.GroupBy(p => PointResult.IdOf(curveKeys.ToDictionary(k => k, p.Key))).Select(curve =>
        {
            Dictionary<string, string> keys = curveKeys.ToDictionary(k => k, curve.First().Key);
            ScalingPoint[] measured = [.. curve.Select(p => new ScalingPoint(int.Parse(p.Key(workersKey), System.Globalization.CultureInfo.InvariantCulture), throughput(p))).OrderBy(p => p.Workers)];
            return unfittedBecause is null ? Fitted(keys, unit, measured) : new ScalingCurve(PointResult.IdOf(keys), keys, unit, measured, null, unfittedBecause);
        })];
    }

    /// <summary>The curve through <paramref name="points"/>, fitted.</summary>
    public static ScalingCurve Fitted(IReadOnlyDictionary<string, string> keys, string unit, IEnumerable<ScalingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ScalingPoint[] ordered = [.. points.OrderBy(p => p.Workers)];
        UslOutcome outcome = UniversalScalabilityLaw.Fit(ordered);
        return new ScalingCurve(PointResult.IdOf(keys), keys, unit, ordered, outcome.Fit, outcome.NotPossible);
    }
}
