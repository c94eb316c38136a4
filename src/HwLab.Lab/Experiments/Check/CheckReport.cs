using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.Check;

/// <summary>check in the reports: the penalty of each layout by k and lock, and what each layout costs in memory; the table of points holds the same figures in text.</summary>
internal sealed class CheckReport : IExperimentReport
{
    public KeySchema PointKeys { get; } = new(
        (CheckKeys.Variant, KeyForm.Text), (CheckKeys.Impl, KeyForm.Text), (CheckKeys.Sharers, KeyForm.WholeNumber), (CheckKeys.Placement, KeyForm.Text), (CheckKeys.Relation, KeyForm.Text));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Points.Count == 0)
        {
            yield break;
        }
        string[] variants = [.. CheckVariants.Names.Where(v => result.Points.Any(p => p.Key(CheckKeys.Variant) == v))];
        var penalty = new BarChart("check-penalty", "Penalty by layout, workers and lock", "layout of the objects", "penalty against padded to one line (x)", variants);
        foreach (IGrouping<string, PointResult> series in result.Points
            .OrderBy(p => int.Parse(p.Key(CheckKeys.Sharers), CultureInfo.InvariantCulture))
            .GroupBy(p => $"k={p.Key(CheckKeys.Sharers)} {p.Key(CheckKeys.Placement)} {p.Key(CheckKeys.Impl)}"))
        {
            penalty.Add(series.Key, [.. variants.Select(v => series.FirstOrDefault(p => p.Key(CheckKeys.Variant) == v)?.Derived.GetValueOrDefault(CheckKeys.Penalty))]);
        }
        penalty.Level("no penalty (1x)", 1);
        yield return new ReportFigure(penalty.Render(), "Each layout's ns per lock/unlock pair over the same workers' with every object padded to one line: above 1, the workers' objects share cache lines.");

        var memory = new BarChart("check-memory", "Memory by layout", "layout of the objects", "memory per million objects (MB)", variants);
        memory.Add("memory", [.. variants.Select(v => result.Points.FirstOrDefault(p => p.Key(CheckKeys.Variant) == v)?.Derived.GetValueOrDefault(CheckKeys.BytesPerMillion) / 1e6)]);
        yield return new ReportFigure(memory.Render(), "What a million objects take in each layout: column order keeps the declared size, padding rounds each object up to one or two lines.");
    }
}
