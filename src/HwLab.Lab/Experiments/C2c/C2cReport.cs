using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// c2c in the reports, per implementation: a full matrix as a heat map of CPUs ordered by package,
/// L3 domain and core, and as a matrix in text while the CPUs are few enough to print one; a
/// sample as a heat map of L3 domains. Then one-way latency by relation of the pair.
/// </summary>
internal sealed class C2cReport : IExperimentReport
{
    private const int MaxTextRows = 16;

    public KeySchema PointKeys { get; } = new((C2cKeys.Pair, KeyForm.CpuPair), (C2cKeys.Impl, KeyForm.Text));

    public KeySchema TimelineKeys => KeySchema.None;

    public IEnumerable<ReportFigure> Figures(ExperimentResult result)
    {
        IReadOnlyList<C2cMeasuredPair> all = C2cMeasuredPair.Read(result);
        foreach (string impl in new[] { C2cExperiment.Native, C2cExperiment.Managed })
        {
            C2cMeasuredPair[] pairs = [.. all.Where(p => p.Impl == impl)];
            if (pairs.Length == 0)
            {
                continue;
            }
            long cpus = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().Count();
            bool sampled = pairs.Length < cpus * (cpus - 1) / 2;
            // Results written before pairs carried their L3 domains get the map of CPUs they always had.
            yield return sampled && pairs.All(p => p.Domains is not null) ? DomainMap(impl, pairs) : CpuMap(impl, pairs);
        }
        if (all.Count > 0)
        {
            yield return C2cRelationSummary.Figure(all);
        }
    }

    // Rows and columns in the order of the machine: by L3 domain (numbered by package, then node),
    // then core (SMT siblings side by side), then CPU.
    private static ReportFigure CpuMap(string impl, C2cMeasuredPair[] pairs)
    {
        int[] cpus = CpuOrder(pairs);
        Dictionary<int, int> index = cpus.Select((cpu, i) => (cpu, i)).ToDictionary(x => x.cpu, x => x.i);
        double?[,] matrix = new double?[cpus.Length, cpus.Length];
        foreach (C2cMeasuredPair pair in pairs)
        {
            matrix[index[pair.First], index[pair.Second]] = pair.Median;
            matrix[index[pair.Second], index[pair.First]] = pair.Median;
        }
        string[] labels = [.. cpus.Select(c => c.ToString(CultureInfo.InvariantCulture))];
        string svg = new HeatMap($"c2c-{impl}", $"Core-to-core one-way latency, {impl}", "CPU", "one-way latency (ns)", labels, matrix).Render();
        return new ReportFigure(svg, $"Core-to-core one-way latency in ns, {impl} compare-and-swap ping-pong (median per pair; CPUs ordered by package, L3 domain and core; grey where the pair was not measured).")
        {
            Table = Matrix($"One-way latency in ns, {impl} (median per pair; blank where the pair was not measured):", "CPU", labels, matrix),
        };
    }

    // A cell per pair of L3 domains: the median over the pairs measured between them of each pair's
    // median. Within a domain, SMT siblings are left out unless they are all there is: they share a
    // core, not only the L3.
    private static ReportFigure DomainMap(string impl, C2cMeasuredPair[] pairs)
    {
        int[] domains = [.. pairs.SelectMany(p => new[] { p.Domains!.Value.First, p.Domains!.Value.Second }).Distinct().Order()];
        Dictionary<int, int> index = domains.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        double?[,] matrix = new double?[domains.Length, domains.Length];
        foreach (IGrouping<(int, int), C2cMeasuredPair> cell in pairs.GroupBy(p => (Math.Min(p.Domains!.Value.First, p.Domains.Value.Second), Math.Max(p.Domains.Value.First, p.Domains.Value.Second))))
        {
            C2cMeasuredPair[] counted = [.. cell.Where(p => !p.AreSiblings)];
            double median = MedianInterval.Median([.. (counted.Length > 0 ? counted : [.. cell]).Select(p => p.Median)]);
            (int low, int high) = cell.Key;
            matrix[index[low], index[high]] = median;
            matrix[index[high], index[low]] = median;
        }
        string[] labels = [.. domains.Select(d => d.ToString(CultureInfo.InvariantCulture))];
        Dictionary<int, string> members = pairs
            .SelectMany(p => new[] { (Domain: p.Domains!.Value.First, Cpu: p.First), (Domain: p.Domains.Value.Second, Cpu: p.Second) })
            .GroupBy(x => x.Domain)
            .ToDictionary(g => g.Key, g => Native.Threading.CpuSet.Of(g.Select(x => x.Cpu)).ToString());
        string svg = new HeatMap($"c2c-l3-{impl}", $"One-way latency between L3 domains, {impl}", "L3 domain", "one-way latency (ns)", labels, matrix).Render();
        string caption = $"One-way latency in ns between L3 domains, {impl} compare-and-swap ping-pong, from a sample of {pairs.Length} pairs (median over the pairs between two domains of each pair's median; SMT siblings left out within a domain; domains numbered by package, NUMA node and first CPU).";
        return new ReportFigure(svg, caption)
        {
            Table = Matrix($"One-way latency in ns between L3 domains, {impl} (the CPUs measured in each domain in brackets):", "L3 domain", [.. labels.Select((label, i) => $"{label} ({members[domains[i]]})")], matrix, labels),
        };
    }

    private static int[] CpuOrder(C2cMeasuredPair[] pairs)
    {
        var domain = new Dictionary<int, int>();
        var core = new Dictionary<int, int>();
        foreach (C2cMeasuredPair pair in pairs)
        {
            if (pair.Domains is (int a, int b))
            {
                domain[pair.First] = a;
                domain[pair.Second] = b;
            }
            core.TryAdd(pair.First, pair.First);
            core.TryAdd(pair.Second, pair.Second);
        }
        // A core is named by its lowest CPU among the sibling pairs measured.
        foreach (C2cMeasuredPair pair in pairs.Where(p => p.AreSiblings).OrderBy(p => p.First))
        {
            int lowest = Math.Min(core[pair.First], core[pair.Second]);
            core[pair.First] = lowest;
            core[pair.Second] = lowest;
        }
        return [.. core.Keys.OrderBy(cpu => domain.GetValueOrDefault(cpu, int.MaxValue)).ThenBy(cpu => core[cpu]).ThenBy(cpu => cpu)];
    }

    private static ReportTable Matrix(string caption, string rowTitle, string[] rowLabels, double?[,] matrix, string[]? columnLabels = null)
    {
        columnLabels ??= rowLabels;
        if (rowLabels.Length > MaxTextRows)
        {
            return ReportTable.CaptionOnly($"{caption} {rowLabels.Length} rows are too many for a matrix here; every pair is in the table of points and in results.json.");
        }
        return new ReportTable(
            caption,
            [rowTitle, .. columnLabels],
            [.. rowLabels.Select((label, row) => (IReadOnlyList<string>)[label, .. columnLabels.Select((_, col) => row == col && matrix[row, col] is null ? "-" : matrix[row, col] is double ns ? Numbers.Format(ns) : "")])],
            [false, .. columnLabels.Select(_ => true)]);
    }
}
