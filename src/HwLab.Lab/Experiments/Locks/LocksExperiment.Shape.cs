using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Locks;

public sealed partial class LocksExperiment
{
    /// <summary>Each kind alone for its operations and, given two CPUs or more, with every worker on one lock for the duration.</summary>
    public override RunShape Shape(LocksSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        long kinds = settings.Kinds.Distinct().Count();
        int workers = settings.Cpus.Count;
        bool contend = workers >= 2;
        var runs = new List<VariantRuns> { new("uncontended", kinds, 1, OperationKind.LockPair, settings.UncontendedOperations) };
        if (contend)
        {
            runs.Add(new VariantRuns("contended", kinds, workers, OperationKind.LockPair, 0, settings.ContendedDuration));
        }
        return new RunShape(
            workers,
            RunBudget.Product(kinds, contend ? 2 : 1),
            RunBudget.RunsPerPoint(settings.Samples),
            runs,
            [
                ("kinds", string.Join(", ", settings.Kinds.Distinct())),
                ("workers contending", contend ? workers.ToString(CultureInfo.InvariantCulture) : "none (one CPU)"),
                ("uncontended pairs per sample", settings.UncontendedOperations.ToString(CultureInfo.InvariantCulture)),
                ("contended sample", $"{settings.ContendedDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms"),
            ]);
    }
}
