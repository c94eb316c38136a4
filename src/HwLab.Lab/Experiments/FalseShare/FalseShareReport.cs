using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>falseshare in the reports: the penalty and the cost of a lock/unlock pair by distance, per lock; the table of points holds the same figures in text.</summary>
internal sealed class FalseShareReport : IExperimentReport
{
    public KeySchema PointKeys { get; } = new((FalseShareKeys.Distance, KeyForm.WholeNumber), (FalseShareKeys.Impl, KeyForm.Text));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        IReadOnlyList<PointResult> points = [.. result.Points.Where(p => !FalseShareExperiment.InGrid(p))];
        if (points.Count == 0)
        {
            yield break;
        }
        int[] distances = [.. points.Select(Distance).Distinct().Order()];
        string[] categories = [.. distances.Select(d => d.ToString(CultureInfo.InvariantCulture))];
        string[] impls = [.. points.Select(p => p.Key(FalseShareKeys.Impl)).Distinct()];
        var penalty = new BarChart("falseshare-penalty", "False-sharing penalty by distance", "distance between neighbouring clusters (bytes)", "penalty against the widest distance (x)", categories);
        var cost = new BarChart("falseshare-ns", "Lock/unlock pair cost by distance", "distance between neighbouring clusters (bytes)", "time per lock/unlock pair (ns)", categories);
        foreach (string impl in impls)
        {
            PointResult?[] ofImpl = [.. distances.Select(d => points.FirstOrDefault(p => Distance(p) == d && p.Key(FalseShareKeys.Impl) == impl))];
            penalty.Add(impl, [.. ofImpl.Select(p => p?.Derived.GetValueOrDefault(FalseShareKeys.Penalty))]);
            cost.Add(impl, [.. ofImpl.Select(p => p?.Stats.Median)]);
        }
        penalty.Level("no penalty (1x)", 1);
        yield return new ReportFigure(penalty.Render(), "Each distance's ns per lock/unlock pair over the widest distance's: above 1, neighbours' locks share a cache line.");
        yield return new ReportFigure(cost.Render(), "Median ns per lock/unlock pair of each worker's own cluster bit lock, managed and native.");

        PointResult[] grid = [.. result.Points.Where(p => FalseShareExperiment.InGrid(p) && Distance(p) == sizeof(ulong))];
        if (grid.Length > 0)
        {
            static string Cell(PointResult p) => $"k={p.Key(FalseShareKeys.Sharers)} {p.Key(FalseShareKeys.Placement)}";
            string[] cells = [.. grid.OrderBy(p => int.Parse(p.Key(FalseShareKeys.Sharers), CultureInfo.InvariantCulture)).Select(Cell).Distinct()];
            var sharers = new BarChart("falseshare-sharers", "False-sharing penalty by workers on the line and where they sit", "workers sharing one line, placement", "penalty against padded (x)", cells);
            foreach (string impl in grid.Select(p => p.Key(FalseShareKeys.Impl)).Distinct())
            {
                sharers.Add(impl, [.. cells.Select(c => grid.FirstOrDefault(p => Cell(p) == c && p.Key(FalseShareKeys.Impl) == impl)?.Derived.GetValueOrDefault(FalseShareKeys.Penalty))]);
            }
            sharers.Level("no penalty (1x)", 1);
            yield return new ReportFigure(sharers.Render(), "k workers' ns per lock/unlock pair with their 8-byte clusters in one line over the same workers' padded apart: the seed's case by how many share a line and whether it crosses an L3 or a socket.");
        }
    }

    private static int Distance(PointResult point) => int.Parse(point.Key(FalseShareKeys.Distance), CultureInfo.InvariantCulture);
}
