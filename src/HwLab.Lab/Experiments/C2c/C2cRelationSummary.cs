using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// One-way latency by relation of the CPU pair: per relation and implementation, the median over
/// the pairs of each pair's median, and its spread, min to max over the pairs; a bar chart with
/// whiskers, and the same as a table.
/// </summary>
internal static class C2cRelationSummary
{
    public static ReportFigure Figure(IReadOnlyList<C2cMeasuredPair> pairs)
    {
        IReadOnlyList<string> relations = C2cMeasuredPair.RelationOrder(pairs.Select(p => p.Relation));
        string[] impls = [.. new[] { C2cExperiment.Native, C2cExperiment.Managed }.Where(i => pairs.Any(p => p.Impl == i))];
        var chart = new BarChart("c2c-relations", "One-way latency by relation of the CPU pair", "relation of the CPU pair", "one-way latency (ns)", relations);
        var rows = new List<IReadOnlyList<string>>();
        foreach (string impl in impls)
        {
            Summary?[] summaries = [.. relations.Select(r => Summarize([.. pairs.Where(p => p.Impl == impl && p.Relation == r).Select(p => p.Median)]))];
            chart.Add(impl, [.. summaries.Select(s => s?.Median)]);
            chart.Ranges("min to max over the pairs", [.. summaries.Select(s => s is null ? ((double, double)?)null : (s.Min, s.Max))]);
            for (int r = 0; r < relations.Count; r++)
            {
                if (summaries[r] is Summary s)
                {
                    rows.Add([relations[r], impl, s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Numbers.Format(s.Median), Numbers.Format(s.Min), Numbers.Format(s.Max)]);
                }
            }
        }
        return new ReportFigure(chart.Render(), "One-way latency in ns by relation of the CPU pair (SMT sibling, shared L2, shared L3, same NUMA node, same package, other package): bar = median over the pairs of each pair's median; whisker = min to max over the pairs.")
        {
            Table = new ReportTable(
                "One-way latency in ns by relation of the CPU pair (median over the pairs of each pair's median, and their range):",
                ["relation", "impl", "pairs", "median", "min", "max"],
                rows,
                [false, false, true, true, true, true]),
        };
    }

    private static Summary? Summarize(double[] medians)
        => medians.Length == 0 ? null : new Summary(medians.Length, MedianInterval.Median(medians), medians.Min(), medians.Max());

    private sealed record Summary(int Count, double Median, double Min, double Max);
}
