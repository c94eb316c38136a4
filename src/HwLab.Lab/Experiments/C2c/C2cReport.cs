using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>c2c in the reports: per implementation, the one-way latency of every CPU pair as a heat map, and as a matrix in text while the CPUs are few enough to print one.</summary>
internal sealed class C2cReport : IExperimentReport
{
    private const int MaxTextCpus = 16;

    public KeySchema PointKeys { get; } = new((C2cKeys.Pair, KeyForm.CpuPair), (C2cKeys.Impl, KeyForm.Text));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        foreach (string impl in new[] { C2cExperiment.Native, C2cExperiment.Managed })
        {
            Dictionary<(int, int), double> latency = [];
            foreach (PointResult point in result.Points.Where(p => p.Key(C2cKeys.Impl) == impl))
            {
                string[] pair = point.Key(C2cKeys.Pair).Split('-');
                int a = int.Parse(pair[0], CultureInfo.InvariantCulture);
                int b = int.Parse(pair[1], CultureInfo.InvariantCulture);
                latency[(a, b)] = point.Stats.Median;
                latency[(b, a)] = point.Stats.Median;
            }
            int[] cpus = [.. latency.Keys.Select(k => k.Item1).Distinct().Order()];
            if (cpus.Length == 0)
            {
                continue;
            }
            string[] labels = [.. cpus.Select(c => c.ToString(CultureInfo.InvariantCulture))];
            double?[,] matrix = new double?[cpus.Length, cpus.Length];
            for (int row = 0; row < cpus.Length; row++)
            {
                for (int col = 0; col < cpus.Length; col++)
                {
                    matrix[row, col] = latency.TryGetValue((cpus[row], cpus[col]), out double ns) ? ns : null;
                }
            }
            string svg = new HeatMap($"c2c-{impl}", $"Core-to-core one-way latency, {impl}", "CPU", "one-way latency (ns)", labels, matrix).Render();
            yield return new ReportFigure(svg, $"Core-to-core one-way latency in ns, {impl} compare-and-swap ping-pong (median per pair; grey where the pair was not sampled).")
            {
                Table = Matrix(impl, labels, matrix),
            };
        }
    }

    private static ReportTable Matrix(string impl, string[] labels, double?[,] matrix)
    {
        string caption = $"One-way latency in ns, {impl} (median per pair; blank where the pair was not sampled):";
        if (labels.Length > MaxTextCpus)
        {
            return ReportTable.CaptionOnly($"{caption} {labels.Length} CPUs are too many for a matrix here; every pair is in the table of points and in results.json.");
        }
        return new ReportTable(
            caption,
            ["CPU", .. labels],
            [.. labels.Select((label, row) => (IReadOnlyList<string>)[label, .. labels.Select((_, col) => row == col ? "-" : matrix[row, col] is double ns ? Numbers.Format(ns) : "")])],
            [false, .. labels.Select(_ => true)]);
    }
}
