using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

public sealed partial class C2cExperiment
{
    /// <summary>The pairs <see cref="Plan(C2cSettings, CpuTopology)"/> chooses (every pair, or the stratified sample), each in both implementations.</summary>
    public override RunShape Shape(C2cSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        C2cPlan plan = Plan(settings, topology);
        long variants = RunBudget.Product(plan.Pairs.Count, Implementations.Count);
        return new RunShape(
            plan.Cpus,
            variants,
            RunBudget.RunsPerPoint(settings.Samples),
            [new VariantRuns("pairs", variants, 2, OperationKind.RoundTrip, settings.RoundTrips)],
            [
                ("CPUs", plan.Cpus.ToString(CultureInfo.InvariantCulture)),
                ("pairs", plan.Text),
                ("implementations", string.Join(", ", Implementations)),
                ("round trips per sample", settings.RoundTrips.ToString(CultureInfo.InvariantCulture)),
            ]);
    }

    protected override C2cSettings WithWorkScaled(C2cSettings settings, double factor)
        => settings with { RoundTrips = Math.Max(C2cSettings.RoundTripsRange.Min * 10, (long)(settings.RoundTrips * factor)) };
}
