using System.Globalization;
using HwLab.Lab.Engine;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>
/// The sharing grid: the seed's case as it meant it, k workers whose 8-byte clusters share one line
/// (k = 2, 4, 8; every cluster of a 64-byte line at 8), the workers in one L3, spread over a
/// package's L3s, or over packages; each against the same workers with their clusters a baseline
/// apart, managed and native.
/// </summary>
public sealed partial class FalseShareExperiment
{
    /// <summary>The groups this machine can place, and for the rest why not.</summary>
    private static (IReadOnlyList<SharingGroup> Groups, IReadOnlyList<string> Missing) Groups(FalseShareSettings settings, CpuTopology topology)
        => SharingGroups.PlaceAll(topology, settings.Candidates, settings.Sharers, settings.Placements.Select(SharingPlacements.Parse));

    private static IEnumerable<Variant> GridVariants(FalseShareSettings settings, IReadOnlyList<SharingGroup> groups, int baseline, List<IClusterWorkload> workloads)
    {
        foreach (SharingGroup group in groups)
        {
            int[] clusterOf = [.. Enumerable.Range(0, group.Sharers)];
            foreach (int distance in new[] { sizeof(ulong), baseline })
            {
                foreach (string impl in settings.Implementations.Distinct())
                {
                    IClusterWorkload workload = Workload(impl, clusterOf, distance);
                    workloads.Add(workload);
                    yield return group.LockPairs(FalseShareKeys.Distance, distance.ToString(CultureInfo.InvariantCulture), impl, workload, settings.OperationsPerWorker);
                }
            }
        }
    }

    private static IClusterWorkload Workload(string impl, int[] clusterOf, int distance)
        => BitLockWorkloads.Create(FalseShareSettings.ImplementationForms[impl], clusterOf, distance);

    /// <summary>Whether a point is the sharing grid's (it carries k) rather than the distance sweep's.</summary>
    internal static bool InGrid(PointResult point) => point.Keys.ContainsKey(FalseShareKeys.Sharers);

    /// <summary>A grid point's penalty: its median over the same workers' at the baseline, in the same lock.</summary>
    private static PointResult WithGridPenalty(PointResult point, IReadOnlyList<PointResult> all, int baseline)
    {
        PointResult reference = all.Single(p => InGrid(p)
            && p.Key(FalseShareKeys.Sharers) == point.Key(FalseShareKeys.Sharers)
            && p.Key(FalseShareKeys.Placement) == point.Key(FalseShareKeys.Placement)
            && p.Key(FalseShareKeys.Impl) == point.Key(FalseShareKeys.Impl)
            && p.Key(FalseShareKeys.Distance) == baseline.ToString(CultureInfo.InvariantCulture));
        return point with { Derived = new Dictionary<string, double> { [FalseShareKeys.Penalty] = PointFigures.Ratio(point.Stats, reference.Stats) } };
    }

    /// <summary>The grid's penalties side by side: a figure, not a verdict, as the seed put no number on them.</summary>
    private static Verdict? GridFigure(IReadOnlyList<PointResult> points, CpuTopology topology)
    {
        PointResult[] shared = [.. points.Where(p => InGrid(p) && p.Key(FalseShareKeys.Distance) == sizeof(ulong).ToString(CultureInfo.InvariantCulture))];
        if (shared.Length == 0)
        {
            return null;
        }
        IEnumerable<string> cells = shared
            .GroupBy(p => (K: int.Parse(p.Key(FalseShareKeys.Sharers), CultureInfo.InvariantCulture), Placement: p.Key(FalseShareKeys.Placement)))
            .OrderBy(g => g.Key.K).ThenBy(g => SharingPlacements.Names.ToList().IndexOf(g.Key.Placement))
            .Select(g => $"k = {g.Key.K} {g.Key.Placement} ({g.First().Key(FalseShareKeys.Relation)}): " + string.Join(", ", g.Select(p => $"{p.Key(FalseShareKeys.Impl)} {PointFigures.Times(p.Derived[FalseShareKeys.Penalty])}")));
        return new Verdict(
            $"The seed's case: up to {topology.LineSize / 8} workers' 8-byte clusters in one {topology.LineSize}-byte line, by how many share it and where the workers sit.",
            string.Join("; ", cells),
            VerdictOutcome.Info,
            "Each penalty is the k workers' ns per lock/unlock pair with their clusters 8 bytes apart over the same workers' with their clusters a baseline apart; the relation is the farthest between two of the workers.") { Topic = Topics.SeedSharersByPlacement, Source = ClaimSources.SeedPatch };
    }
}
