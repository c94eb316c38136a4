using System.Globalization;
using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Reports.Html;

/// <summary>The charts of each experiment: (svg, caption) pairs, built from results.json alone.</summary>
internal static class ReportCharts
{
    public static IEnumerable<(string Svg, string Caption)> For(ExperimentResult experiment)
    {
        return experiment.Name switch
        {
            "reserve" => Reserve(experiment),
            // Every other chart is drawn from points (a failed run may have none).
            _ when experiment.Points.Count == 0 => [],
            "c2c" => CoreToCore(experiment),
            "falseshare" => FalseShare(experiment),
            "locks" => Locks(experiment),
            "swap" => Swap(experiment),
            "churn" => Churn(experiment),
            _ => [],
        };
    }

    private static int Int(PointResult p, string key) => int.Parse(p.Key(key), CultureInfo.InvariantCulture);

    private static IEnumerable<(string, string)> CoreToCore(ExperimentResult e)
    {
        foreach (string impl in new[] { "native", "managed" })
        {
            PointResult[] points = [.. e.Points.Where(p => p.Key("impl") == impl)];
            if (points.Length == 0)
            {
                continue;
            }
            (int A, int B, double Ns)[] pairs = [.. points.Select(p =>
            {
                string[] cpus = p.Key("pair").Split('-');
                return (int.Parse(cpus[0], CultureInfo.InvariantCulture), int.Parse(cpus[1], CultureInfo.InvariantCulture), p.Stats.Median);
            })];
            int[] cpuIds = [.. pairs.SelectMany(x => new[] { x.A, x.B }).Distinct().Order()];
            var index = cpuIds.Select((cpu, i) => (cpu, i)).ToDictionary(x => x.cpu, x => x.i);
            double?[,] matrix = new double?[cpuIds.Length, cpuIds.Length];
            foreach ((int a, int b, double ns) in pairs)
            {
                matrix[index[a], index[b]] = ns;
                matrix[index[b], index[a]] = ns;
            }
            string svg = new HeatMap($"c2c-{impl}", $"Core-to-core one-way latency, {impl}", "CPU", "one-way latency (ns)", [.. cpuIds.Select(c => c.ToString(CultureInfo.InvariantCulture))], matrix).Render();
            yield return (svg, $"Core-to-core one-way latency in ns, {impl} compare-and-swap ping-pong (median per pair; grey where the pair was not sampled).");
        }
    }

    private static IEnumerable<(string, string)> FalseShare(ExperimentResult e)
    {
        int[] distances = [.. e.Points.Select(p => Int(p, "distance")).Distinct().Order()];
        string[] impls = [.. e.Points.Select(p => p.Key("impl")).Distinct()];
        var penalty = new BarChart("falseshare-penalty", "False-sharing penalty by distance", "distance between neighbouring clusters (bytes)", "penalty against the widest distance (x)",
            [.. distances.Select(d => d.ToString(CultureInfo.InvariantCulture))]);
        var cost = new BarChart("falseshare-ns", "Lock/unlock pair cost by distance", "distance between neighbouring clusters (bytes)", "time per lock/unlock pair (ns)",
            [.. distances.Select(d => d.ToString(CultureInfo.InvariantCulture))]);
        foreach (string impl in impls)
        {
            penalty.Add(impl, [.. distances.Select(d => e.Points.FirstOrDefault(p => Int(p, "distance") == d && p.Key("impl") == impl)?.Derived.GetValueOrDefault("penalty"))]);
            cost.Add(impl, [.. distances.Select(d => e.Points.FirstOrDefault(p => Int(p, "distance") == d && p.Key("impl") == impl)?.Stats.Median)]);
        }
        penalty.Level("no penalty (1x)", 1);
        yield return (penalty.Render(), "Each distance's ns per lock/unlock pair over the widest distance's: above 1, neighbours' locks share a cache line.");
        yield return (cost.Render(), "Median ns per lock/unlock pair of each worker's own cluster bit lock, managed and native.");
    }

    private static IEnumerable<(string, string)> Locks(ExperimentResult e)
    {
        string[] kinds = [.. e.Points.Select(p => p.Key("kind")).Distinct()];
        static string Contention(PointResult p) => $"{p.Key("contention")} ({p.Key("workers")} worker{(p.Key("workers") == "1" ? "" : "s")})";
        string[] contentions = [.. e.Points.Select(Contention).Distinct()];
        var chart = new BarChart("locks-ns", "Lock kinds, alone and contended", "lock kind", "time per lock/unlock pair (ns)", kinds);
        foreach (string contention in contentions)
        {
            chart.Add(contention, [.. kinds.Select(k => e.Points.FirstOrDefault(p => p.Key("kind") == k && Contention(p) == contention)?.Stats.Median)]);
        }
        yield return (chart.Render(), "Median ns per lock/unlock pair: one worker alone, and all workers on one lock (wall time per pair of all of them).");
        PointResult[] contended = [.. e.Points.Where(p => p.Derived.ContainsKey("fairnessMinOverMax"))];
        if (contended.Length > 0)
        {
            var fairness = new BarChart("locks-fairness", "Fairness under contention", "lock kind", "least- over best-served pairs (ratio)", [.. contended.Select(p => p.Key("kind"))]);
            fairness.Add("fairness", [.. contended.Select(p => (double?)p.Derived["fairnessMinOverMax"])]).Level("perfectly fair", 1);
            yield return (fairness.Render(), "How evenly the contending workers shared each lock: 1 means every worker got as many pairs as every other.");
        }
    }

    private static IEnumerable<(string, string)> Swap(ExperimentResult e)
    {
        var chart = new LineChart("swap-scaling", "Swap throughput against workers", "workers", "throughput, all workers (ops/s)") { IntegerX = true };
        foreach (IGrouping<string, PointResult> line in e.Points.GroupBy(p => $"{p.Key("mode")}, {p.Key("order")}, {p.Key("layout")} B"))
        {
            chart.Add(line.Key, [.. line.OrderBy(p => Int(p, "workers")).Select(p => ((double)Int(p, "workers"), p.Stats.Median))]);
        }
        yield return (chart.Render(), "Median operations per second of all workers together, per lock mode, free-cluster order and layout.");

        int workers = e.Points.Max(p => Int(p, "workers"));
        PointResult[] most = [.. e.Points.Where(p => Int(p, "workers") == workers)];
        static string ModeAndLayout(PointResult p) => $"{p.Key("mode")}, {p.Key("layout")} B";
        string[] categories = [.. most.Select(ModeAndLayout).Distinct()];
        var picks = new BarChart("swap-same-line", "Same-line cluster picks", "lock mode, layout", "same-line picks (%)", categories);
        foreach (string order in most.Select(p => p.Key("order")).Distinct())
        {
            picks.Add(order, [.. categories.Select(c => most.FirstOrDefault(p => ModeAndLayout(p) == c && p.Key("order") == order)?.Derived.GetValueOrDefault("sameLineShare") * 100)]);
        }
        yield return (picks.Render(), "Share of first-round new-cluster picks whose swap_cluster_info shared a cache line with another worker's current cluster, at the most workers.");
    }

    private static IEnumerable<(string, string)> Churn(ExperimentResult e)
    {
        int workers = e.Points.Max(p => Int(p, "workers"));
        PointResult[] most = [.. e.Points.Where(p => Int(p, "workers") == workers)];
        string[] combos = [.. most.Select(p => $"{p.Key("mode")}, {p.Key("order")}").Distinct()];
        var throughput = new BarChart("churn-throughput", "Churned against first round", "lock mode, free-cluster order", "throughput, all workers (ops/s)", combos);
        var picks = new BarChart("churn-same-line", "Same-line picks, churned against first round", "lock mode, free-cluster order", "same-line picks (%)", combos);
        foreach (string phase in most.Select(p => p.Key("phase")).Distinct())
        {
            throughput.Add(phase, [.. combos.Select(c => most.FirstOrDefault(p => $"{p.Key("mode")}, {p.Key("order")}" == c && p.Key("phase") == phase)?.Stats.Median)]);
            picks.Add(phase, [.. combos.Select(c => most.FirstOrDefault(p => $"{p.Key("mode")}, {p.Key("order")}" == c && p.Key("phase") == phase)?.Derived.GetValueOrDefault("sameLineShare") * 100)]);
        }
        yield return (throughput.Render(), $"Median operations per second with {workers} workers, on a device fresh from swapon (first round) and after a random alloc/free phase (churned).");
        yield return (picks.Render(), "Share of new-cluster picks sharing a cache line with another worker's cluster: the column order's effect, and what is left of it after the churn.");
    }

    private static IEnumerable<(string, string)> Reserve(ExperimentResult e)
    {
        foreach (Timeline timeline in e.Timelines)
        {
            // Zoomed to three times the high watermark: the zone starts far above it, and the story is near min.
            double zoom = Math.Min(timeline.Levels.Values.DefaultIfEmpty(1).Max() * 3, double.MaxValue);
            var chart = new LineChart($"reserve-{timeline.Keys["policy"]}-{timeline.Keys["mode"]}", $"Free pages, {timeline.Id}", $"time ({timeline.XUnit})", timeline.YUnit) { YMax = zoom };
            chart.Add("free pages", [.. timeline.Points.Select(p => (p.X, p.Y))]);
            foreach ((string name, double level) in timeline.Levels.OrderBy(l => l.Value))
            {
                chart.Level($"{name} watermark", level);
            }
            foreach (TimelineMarker marker in timeline.Markers)
            {
                chart.Marker(marker.X, marker.Kind, marker.Label);
            }
            string left = timeline.MarkersLeftOut > 0 ? $" {timeline.MarkersLeftOut} more markers are left out." : "";
            yield return (chart.Render(), $"Free pages against the min, low and high watermarks, policy {timeline.Keys["policy"]}, {timeline.Keys["mode"]} run, the axis cut at {Numbers.Format(zoom)} pages; vertical marks: OOM kills (red), \"possible memory allocation deadlock\" warnings (orange), the victim exiting (green), the OOM reaper (purple).{left}");
        }
    }
}
