using HwLab.Lab.Results;
using HwLab.Lab.Scaling;

namespace HwLab.Lab.Reports;

/// <summary>
/// An experiment's scalability fits as the console, report.md and report.html print them, read
/// from its results: a row per fitted curve, and for the curves without a fit a sentence saying
/// why, one per reason.
/// </summary>
public static class ScalingTable
{
    public const string Caption =
        "Throughput against workers fitted by the Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)): λ is one worker's throughput, σ (contention) the share of the work that serializes, κ (coherency) the cost of every pair of workers keeping shared data coherent; the curve peaks at N* = sqrt((1−σ)/κ) when κ is above 0.";

    public static IReadOnlyList<string> Headers { get; } = ["curve", "workers", "λ", "σ, contention", "κ, coherency", "predicted peak", "R²", "largest residual"];

    /// <summary>Columns holding numbers, to be right-aligned.</summary>
    public static IReadOnlySet<int> NumericColumns { get; } = new HashSet<int> { 2, 3, 4, 6, 7 };

    public static IReadOnlyList<bool> RightAligned { get; } = [.. Headers.Select((_, i) => NumericColumns.Contains(i))];

    /// <summary>A row per curve that has a fit.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<ScalingCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        foreach (ScalingCurve curve in curves)
        {
            if (curve.Fit is not UslFit fit)
            {
                continue;
            }
            yield return
            [
                curve.Id,
                string.Join(", ", curve.Points.Select(p => p.Workers).Distinct()),
                $"{Numbers.Format(fit.Lambda)} {curve.Unit}",
                Numbers.Format(fit.Sigma),
                Numbers.Format(fit.Kappa),
                Peak(curve, fit),
                fit.RSquared is double r2 ? Numbers.Precise(r2) : "-",
                Numbers.Percent(fit.MaxRelativeResidual),
            ];
        }
    }

    /// <summary>"No fit for kind=bitlock, kind=ticket: why." per reason; "No curve is fitted: why." when every curve shares one.</summary>
    public static IEnumerable<string> Unfitted(IReadOnlyList<ScalingCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        IGrouping<string, ScalingCurve>[] reasons = [.. curves.Where(c => c.Fit is null).GroupBy(c => c.NoFitReason ?? "no reason was recorded")];
        if (reasons.Length == 1 && reasons[0].Count() == curves.Count)
        {
            return [$"No curve is fitted: {reasons[0].Key}."];
        }
        return reasons.Select(r => $"No fit for {string.Join(", ", r.Select(c => c.Id))}: {r.Key}.");
    }

    // Where the fitted curve peaks, and whether that lies beyond the workers measured.
    private static string Peak(ScalingCurve curve, UslFit fit)
    {
        if (fit.PeakWorkers is not double workers || fit.PeakThroughput is not double throughput)
        {
            return "none: keeps rising (κ = 0)";
        }
        if (workers <= 1)
        {
            return $"1 worker, {Numbers.Format(throughput)} {curve.Unit}: no gain from more";
        }
        int most = curve.Points.Max(p => p.Workers);
        return $"{Numbers.Format(workers)} workers, {Numbers.Format(throughput)} {curve.Unit}{(workers > most ? $" (beyond the {most} measured)" : "")}";
    }
}
