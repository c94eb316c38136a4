using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.Swap;

/// <summary>
/// swap and churn in the reports. swap: throughput against workers per device, and the same-line
/// share of cluster picks per order. churn: the churned device against the first round, for
/// throughput and for that share.
/// </summary>
internal sealed class SwapReport(bool churn) : IExperimentReport
{
    public KeySchema PointKeys { get; } = churn
        ? new((SwapKeys.Mode, KeyForm.Text), (SwapKeys.Order, KeyForm.Text), (SwapKeys.Phase, KeyForm.Text), (SwapKeys.Workers, KeyForm.WholeNumber))
        : new((SwapKeys.Mode, KeyForm.Text), (SwapKeys.Order, KeyForm.Text), (SwapKeys.Layout, KeyForm.Text), (SwapKeys.Workers, KeyForm.WholeNumber));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
        => result.Points.Count == 0 ? [] : churn ? Churn(result.Points) : Swap(result);

    private static IEnumerable<ReportFigure> Swap(ExperimentResult result)
    {
        IReadOnlyList<PointResult> points = result.Points;
        // Documents written before fits hold no curves: their points are drawn alone.
        IReadOnlyList<ScalingCurve> curves = result.Scaling.Count > 0 ? result.Scaling : SwapExperiment.Curves(points, ScalingChart.WrittenBeforeFits);
        yield return ScalingChart.Figure(
            "swap-scaling", "Swap throughput against workers", curves, c => $"{c.Keys.GetValueOrDefault(SwapKeys.Mode)}, {c.Keys.GetValueOrDefault(SwapKeys.Order)}, {c.Keys.GetValueOrDefault(SwapKeys.Layout)} B",
            "Median operations per second of all workers together, per lock mode, free-cluster order and layout.");

        PointResult[] most = AtMostWorkers(points);
        static string ModeAndLayout(PointResult p) => $"{p.Key(SwapKeys.Mode)}, {p.Key(SwapKeys.Layout)} B";
        string[] categories = [.. most.Select(ModeAndLayout).Distinct()];
        var picks = new BarChart("swap-same-line", "Same-line cluster picks", "lock mode, layout", "same-line picks (%)", categories);
        foreach (string order in most.Select(p => p.Key(SwapKeys.Order)).Distinct())
        {
            picks.Add(order, [.. categories.Select(c => SameLinePercent(most.FirstOrDefault(p => ModeAndLayout(p) == c && p.Key(SwapKeys.Order) == order)))]);
        }
        yield return new ReportFigure(picks.Render(), "Share of first-round new-cluster picks whose swap_cluster_info shared a cache line with another worker's current cluster, at the most workers.");

        var locks = new BarChart("swap-si-lock", "si->lock per operation", "lock mode, layout", "si->lock acquisitions (per op)", categories);
        foreach (string order in most.Select(p => p.Key(SwapKeys.Order)).Distinct())
        {
            locks.Add(order, [.. categories.Select(c => most.FirstOrDefault(p => ModeAndLayout(p) == c && p.Key(SwapKeys.Order) == order)?.Derived.GetValueOrDefault(SwapKeys.SwapInfoLocksPerOperation))]);
        }
        yield return new ReportFigure(locks.Render(), "How often the workers took the device lock per swap-out + free operation, at the most workers: merged 4.11's slot cache takes it once per batch.");
    }

    private static IEnumerable<ReportFigure> Churn(IReadOnlyList<PointResult> points)
    {
        PointResult[] most = AtMostWorkers(points);
        static string ModeAndOrder(PointResult p) => $"{p.Key(SwapKeys.Mode)}, {p.Key(SwapKeys.Order)}";
        string[] combos = [.. most.Select(ModeAndOrder).Distinct()];
        var throughput = new BarChart("churn-throughput", "Churned against first round", "lock mode, free-cluster order", "throughput, all workers (ops/s)", combos);
        var picks = new BarChart("churn-same-line", "Same-line picks, churned against first round", "lock mode, free-cluster order", "same-line picks (%)", combos);
        foreach (string phase in most.Select(p => p.Key(SwapKeys.Phase)).Distinct())
        {
            PointResult?[] ofPhase = [.. combos.Select(c => most.FirstOrDefault(p => ModeAndOrder(p) == c && p.Key(SwapKeys.Phase) == phase))];
            throughput.Add(phase, [.. ofPhase.Select(p => p?.Stats.Median)]);
            picks.Add(phase, [.. ofPhase.Select(SameLinePercent)]);
        }
        yield return new ReportFigure(throughput.Render(), $"Median operations per second with {Workers(most[0])} workers, on a device fresh from swapon (first round) and after a random alloc/free phase (churned).");
        yield return new ReportFigure(picks.Render(), "Share of new-cluster picks sharing a cache line with another worker's cluster: the column order's effect, and what is left of it after the churn.");
    }

    private static int Workers(PointResult p) => int.Parse(p.Key(SwapKeys.Workers), CultureInfo.InvariantCulture);

    private static PointResult[] AtMostWorkers(IReadOnlyList<PointResult> points)
    {
        int most = points.Max(Workers);
        return [.. points.Where(p => Workers(p) == most)];
    }

    private static double? SameLinePercent(PointResult? point) => point?.Derived.GetValueOrDefault(SwapKeys.SameLineShare) * 100;
}
