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
        VariantRuns[] runs = [.. distances.Select(d => new VariantRuns(
            $"{d} bytes apart", implementations, workers, OperationKind.SharedLinePair, settings.OperationsPerWorker, Sharers: Math.Clamp(topology.LineSize / d, 1, workers)))];
        return new RunShape(
            workers,
            RunBudget.Product(distances.Length, implementations),
            RunBudget.RunsPerPoint(settings.Samples),
            runs,
            [
                ("workers", workers.ToString(CultureInfo.InvariantCulture)),
                ("distances", string.Join(", ", distances.Select(d => $"{d} B"))),
                ("implementations", string.Join(", ", settings.Implementations.Distinct())),
                ("lock pairs per worker per sample", settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture)),
            ]);
    }
}
