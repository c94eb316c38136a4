using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>The short table of an experiment's points that the console and report.html print: each median with its spread and what was derived from it.</summary>
public static class PointTable
{
    public static IReadOnlyList<string> Headers { get; } = ["point", "median", "min", "max", "CV", "clean/n", "derived"];

    /// <summary>Columns holding numbers, to be right-aligned.</summary>
    public static IReadOnlySet<int> NumericColumns { get; } = new HashSet<int> { 1, 2, 3, 4 };

    public static IReadOnlyList<string> Row(PointResult point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return
        [
            point.Id,
            $"{Numbers.Format(point.Stats.Median)} {point.Unit}",
            Numbers.Format(point.Stats.Min),
            Numbers.Format(point.Stats.Max),
            Numbers.Percent(point.Stats.CoefficientOfVariation),
            $"{point.Stats.Clean}/{point.Stats.N}",
            string.Join(", ", point.Derived.Select(d => $"{d.Key} {Numbers.Format(d.Value)}")),
        ];
    }
}
