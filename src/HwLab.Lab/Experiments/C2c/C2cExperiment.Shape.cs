using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

public sealed partial class C2cExperiment
{
    /// <summary>Every pair of the CPUs up to --max-pairs (a seeded sample beyond), each in both implementations.</summary>
    public override RunShape Shape(C2cSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        long cpus = settings.Cpus.Distinct().Count();
        long all = cpus * (cpus - 1) / 2;
        long pairs = Math.Min(all, settings.MaxPairs);
        return new RunShape(
            (int)cpus,
            RunBudget.Product(pairs, Implementations.Count),
            RunBudget.RunsPerPoint(settings.Samples),
            [new VariantRuns("pairs", RunBudget.Product(pairs, Implementations.Count), 2, OperationKind.RoundTrip, settings.RoundTrips)],
            [
                ("CPUs", cpus.ToString(CultureInfo.InvariantCulture)),
                ("pairs", pairs == all ? $"{pairs} (every pair)" : $"{pairs} of {all} (a seeded sample)"),
                ("implementations", string.Join(", ", Implementations)),
                ("round trips per sample", settings.RoundTrips.ToString(CultureInfo.InvariantCulture)),
            ]);
    }
}
