using System.Globalization;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Swap;

public sealed partial class SwapExperiment
{
    /// <summary>A churn run first allocates and frees the whole device on one thread: about this much a slot.</summary>
    private const double ChurnNanosecondsPerSlot = 400;

    /// <summary>Every device (mode, order, layout some kernel had) at every worker count; with churn, the first round beside at the most workers.</summary>
    public override RunShape Shape(SwapSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (IReadOnlyList<SwapCombo> combos, _) = SwapCombo.Expand(settings.Modes, settings.Orders, settings.Layouts);
        int[] counts = [.. settings.WorkerCounts.Distinct().Order()];
        long slots = DeviceSlots(settings);
        // A churned run scrambles the whole device on the engine's thread before the workers start.
        TimeSpan? churnEach = churn ? TimeSpan.FromMicroseconds(slots * ChurnNanosecondsPerSlot / 1e3) : null;
        var runs = new List<VariantRuns>();
        foreach (int workers in counts)
        {
            runs.Add(new VariantRuns($"{workers} workers", combos.Count, workers, OperationKind.SwapOperation, settings.OperationsPerWorker));
            if (churnEach is { } scramble)
            {
                runs.Add(new VariantRuns($"{workers} workers, the scramble", combos.Count, 0, OperationKind.SwapOperation, 0, scramble));
            }
        }
        if (churn)
        {
            runs.Add(new VariantRuns($"{counts[^1]} workers, first round", combos.Count, counts[^1], OperationKind.SwapOperation, settings.OperationsPerWorker));
        }
        return new RunShape(
            settings.Cpus.Count,
            RunBudget.Product(combos.Count, counts.Length + (churn ? 1 : 0)),
            RunBudget.RunsPerPoint(settings.Samples),
            runs,
            [
                ("devices", string.Join(", ", combos.Select(c => $"{c.ModeName} {c.LayoutBytes} B {c.OrderName}"))),
                ("worker counts", string.Join(", ", counts)),
                ("device", $"{slots} slots of 4 KiB each"),
                ("operations per worker per sample", settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture)),
            ]);
    }

    protected override SwapSettings WithWorkScaled(SwapSettings settings, double factor)
        => settings with { OperationsPerWorker = Math.Max(SwapSettings.OperationsRange.Min * 4, (long)(settings.OperationsPerWorker * factor)) };
}
