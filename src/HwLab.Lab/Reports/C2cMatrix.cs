using System.Globalization;
using System.Text;
using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>The c2c experiment's one-way latencies as a CPU-by-CPU matrix, managed and native, when the CPUs are few enough to print.</summary>
internal static class C2cMatrix
{
    private const int MaxCpus = 16;

    public static void Write(StringBuilder text, ExperimentResult experiment)
    {
        foreach (string impl in new[] { "native", "managed" })
        {
            Dictionary<(int, int), double> latency = [];
            foreach (PointResult point in experiment.Points.Where(p => p.Key("impl") == impl))
            {
                string[] pair = point.Key("pair").Split('-');
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
            text.AppendLine(CultureInfo.InvariantCulture, $"One-way latency in ns, {impl} (median per pair; blank where the pair was not sampled):").AppendLine();
            if (cpus.Length > MaxCpus)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"({cpus.Length} CPUs: too many for a matrix here; every pair is in the table of points and in results.json.)").AppendLine();
                continue;
            }
            MarkdownTable.Write(
                text,
                ["CPU", .. cpus.Select(c => c.ToString(CultureInfo.InvariantCulture))],
                cpus.Select(row => (IReadOnlyList<string>)[row.ToString(CultureInfo.InvariantCulture), .. cpus.Select(col => row == col ? "-" : latency.TryGetValue((row, col), out double ns) ? Numbers.Format(ns) : "")]),
                [false, .. cpus.Select(_ => true)]);
        }
    }
}
