using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Locks;

public sealed partial class LocksExperiment
{
    /// <summary>Each kind alone for its operations and, at each worker count above one, with those workers on one lock for the duration.</summary>
    public override RunShape Shape(LocksSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        long kinds = settings.Kinds.Distinct().Count();
        int workers = settings.Cpus.Count;
        int[] contended = [.. settings.WorkerCounts.Where(t => t >= 2).Distinct().Order()];
        var runs = new List<VariantRuns> { new("uncontended", kinds, 1, OperationKind.LockPair, settings.UncontendedOperations) };
        runs.AddRange(contended.Select(t => new VariantRuns($"{t} workers on one lock", kinds, t, OperationKind.LockPair, 0, settings.ContendedDuration)));
        return new RunShape(
            workers,
            RunBudget.Product(kinds, 1 + contended.Length),
            RunBudget.RunsPerPoint(settings.Samples),
            runs,
            [
                ("kinds", string.Join(", ", settings.Kinds.Distinct())),
                ("workers contending", contended.Length > 0 ? string.Join(", ", contended) : "none (one CPU)"),
                ("uncontended pairs per sample", settings.UncontendedOperations.ToString(CultureInfo.InvariantCulture)),
                ("contended sample", $"{settings.ContendedDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms"),
            ]);
    }

    protected override LocksSettings WithWorkScaled(LocksSettings settings, double factor) => settings with
    {
        UncontendedOperations = Math.Max(LocksSettings.OperationsRange.Min * 10, (long)(settings.UncontendedOperations * factor)),
        // A contended sample of 5 ms still holds thousands of handovers.
        ContendedDuration = TimeSpan.FromMilliseconds(Math.Max(5, Math.Round(settings.ContendedDuration.TotalMilliseconds * factor))),
    };
}
