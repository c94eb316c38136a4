using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.Locks;

/// <summary>locks in the reports: each lock kind's cost alone and contended, how fairly the contending workers shared it, and its throughput against workers with the scalability fit.</summary>
internal sealed class LocksReport : IExperimentReport
{
    public KeySchema PointKeys { get; } = new((LocksKeys.Kind, KeyForm.Text), (LocksKeys.Contention, KeyForm.Text), (LocksKeys.Workers, KeyForm.WholeNumber));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        IReadOnlyList<PointResult> points = result.Points;
        if (points.Count == 0)
        {
            yield break;
        }
        string[] kinds = [.. points.Select(p => p.Key(LocksKeys.Kind)).Distinct()];
        string[] contentions = [.. points.Select(Contention).Distinct()];
        var chart = new BarChart("locks-ns", "Lock kinds, alone and contended", "lock kind", "time per lock/unlock pair (ns)", kinds);
        foreach (string contention in contentions)
        {
            chart.Add(contention, [.. kinds.Select(k => points.FirstOrDefault(p => p.Key(LocksKeys.Kind) == k && Contention(p) == contention)?.Stats.Median)]);
        }
        yield return new ReportFigure(chart.Render(), "Median ns per lock/unlock pair: one worker alone, and all workers on one lock (wall time per pair of all of them).");

        PointResult[] contended = [.. points.Where(p => p.Derived.ContainsKey(LocksKeys.FairnessMinOverMax))];
        if (contended.Length > 0)
        {
            string[] fairKinds = [.. contended.Select(p => p.Key(LocksKeys.Kind)).Distinct()];
            var fairness = new BarChart("locks-fairness", "Fairness under contention", "lock kind", "least- over best-served pairs (ratio)", fairKinds);
            foreach (IGrouping<string, PointResult> series in contended.GroupBy(Contention))
            {
                fairness.Add(series.Key, [.. fairKinds.Select(k => series.FirstOrDefault(p => p.Key(LocksKeys.Kind) == k)?.Derived[LocksKeys.FairnessMinOverMax])]);
            }
            fairness.Level("perfectly fair", 1);
            yield return new ReportFigure(fairness.Render(), "How evenly the contending workers shared each lock, at each contended worker count: 1 means every worker got as many pairs as every other.");
        }

        // Documents written before fits hold no curves: their points are drawn alone.
        IReadOnlyList<ScalingCurve> curves = result.Scaling.Count > 0 ? result.Scaling : LocksCurves.Unfitted(points, ScalingChart.WrittenBeforeFits);
        yield return ScalingChart.Figure(
            "locks-scaling", "Lock throughput against workers", curves, c => c.Keys.GetValueOrDefault(LocksKeys.Kind) ?? c.Id,
            "Lock/unlock pairs per second of all workers on one lock together, per lock kind (10^9 over the median ns per pair; 1 worker is the uncontended run).");
    }

    // "contended (2 workers)": the series a point belongs to.
    private static string Contention(PointResult p)
        => $"{p.Key(LocksKeys.Contention)} ({p.Key(LocksKeys.Workers)} worker{(p.Key(LocksKeys.Workers) == "1" ? "" : "s")})";
}
