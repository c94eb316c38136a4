using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.FalseShare;

public sealed partial class FalseShareExperiment
{
    /// <summary>Every distance in every implementation, each worker on its own cluster; closer than a line, the workers share lines.</summary>
    public override RunShape Shape(FalseShareSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        int workers = settings.Cpus.Count;
        long implementations = settings.Implementations.Distinct().Count();
        int[] distances = [.. settings.Distances.Distinct()];
        IReadOnlyList<SharingGroup> groups = Groups(settings, topology).Groups;
        VariantRuns[] runs =
        [
            .. distances.Select(d => new VariantRuns(
                $"{d} bytes apart", implementations, workers, OperationKind.SharedLinePair, settings.OperationsPerWorker, Sharers: Math.Clamp(topology.LineSize / d, 1, workers))),
            .. groups.Select(g => new VariantRuns(
                $"k = {g.Sharers} {g.Placement.Name()}, 8 bytes apart", implementations, g.Sharers, OperationKind.SharedLinePair, settings.OperationsPerWorker, Sharers: g.Sharers)),
            .. groups.Select(g => new VariantRuns(
                $"k = {g.Sharers} {g.Placement.Name()}, padded", implementations, g.Sharers, OperationKind.LockPair, settings.OperationsPerWorker)),
        ];
        return new RunShape(
            Math.Max(workers, groups.Select(g => g.Sharers).DefaultIfEmpty(0).Max()),
            RunBudget.Sum(RunBudget.Product(distances.Length, implementations), RunBudget.Product(groups.Count, 2, implementations)),
            RunBudget.RunsPerPoint(settings.Samples),
            runs,
            [
                ("workers", workers.ToString(CultureInfo.InvariantCulture)),
                ("distances", string.Join(", ", distances.Select(d => $"{d} B"))),
                ("implementations", string.Join(", ", settings.Implementations.Distinct())),
                ("sharing grid", groups.Count == 0 ? "none on this machine" : string.Join(", ", groups.Select(g => $"k = {g.Sharers} {g.Placement.Name()}"))),
                ("lock pairs per worker per sample", settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture)),
            ]);
    }

    protected override FalseShareSettings WithWorkScaled(FalseShareSettings settings, double factor)
        => settings with { OperationsPerWorker = Math.Max(FalseShareSettings.OperationsRange.Min * 10, (long)(settings.OperationsPerWorker * factor)) };
}
