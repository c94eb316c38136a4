using System.Globalization;
using HwLab.Cli.Output;
using HwLab.Lab.Comparison;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Cli.Commands;

/// <summary>The tables of `hwlab compare`: one per experiment with why each flagged point is flagged, then what could not be compared and the totals.</summary>
internal static class CompareView
{
    public static void Write(ConsoleView view, ResultsComparison comparison)
    {
        view.WriteHeading("Comparing B with A");
        view.WriteFacts([("A", Describe(comparison.A)), ("B", Describe(comparison.B)), ("rule", comparison.Rule)]);

        foreach (ExperimentComparison experiment in comparison.Experiments)
        {
            view.WriteHeading($"{experiment.Name}: {experiment.Title}");
            if (experiment.Status != ExperimentStatus.Completed.Text())
            {
                view.WriteLine($"status: {experiment.Status}");
            }
            foreach (string difference in experiment.ParameterDifferences)
            {
                view.WriteLine($"settings differ, {difference}");
            }
            WritePoints(view, experiment.Points);
            if (experiment.OnlyInA.Count > 0)
            {
                view.WriteLine($"only in A: {string.Join(", ", experiment.OnlyInA)}");
            }
            if (experiment.OnlyInB.Count > 0)
            {
                view.WriteLine($"only in B: {string.Join(", ", experiment.OnlyInB)}");
            }
            foreach (VerdictChange change in experiment.VerdictChanges)
            {
                view.WriteLine($"verdict changed: {change.Claim} A: {Outcome(change.A, change.DecidedA)}, B: {Outcome(change.B, change.DecidedB)}");
            }
        }

        view.WriteLine();
        if (comparison.ExperimentsOnlyInA.Count > 0)
        {
            view.WriteLine($"Experiments only in A: {string.Join(", ", comparison.ExperimentsOnlyInA)}");
        }
        if (comparison.ExperimentsOnlyInB.Count > 0)
        {
            view.WriteLine($"Experiments only in B: {string.Join(", ", comparison.ExperimentsOnlyInB)}");
        }
        int unjudged = comparison.Experiments.Sum(e => e.Points.Count) - comparison.Compared;
        view.WriteLine(
            $"{comparison.Compared} points compared{(unjudged > 0 ? $" ({unjudged} more could not be judged)" : "")}: "
            + $"{comparison.Changed} changed, {comparison.MachineStateDiffered} differ only with the machine state, "
            + $"{comparison.WithinNoise} within noise, {comparison.Unchanged} unchanged.");
        if (comparison.Changed > 0 && (comparison.A.Hypervisor || comparison.B.Hypervisor))
        {
            view.WriteLine("A side ran in a virtual machine, where the hypervisor may move vCPUs between physical cores within seconds: figures that pass cache lines between CPUs (c2c, contended locks, several workers) can then differ between runs by more than one run's noise shows; results with placement and memory probes on both sides tell such moves apart.");
        }
    }

    private static void WritePoints(ConsoleView view, IReadOnlyList<PointComparison> points)
    {
        if (points.Count == 0)
        {
            return;
        }
        // The placement column only where a side had probes: version-1 results have none.
        bool placements = points.Any(p => p.A.Placement is not null || p.B.Placement is not null);
        view.WriteTable(
            ["point", "unit", "A median [95%]", "B median [95%]", "B/A [95%]", .. placements ? ["placement A / B"] : Array.Empty<string>(), "state"],
            points.Select(p => (IReadOnlyList<string>)
            [
                p.Id,
                p.Unit,
                Side(p.A),
                Side(p.B),
                $"{(p.Ratio is double ratio ? RatioText.Of(ratio) : "-")} [{(p.CiLower is double low && p.CiUpper is double high ? $"{RatioText.Of(low)}, {RatioText.Of(high)}" : "-")}]",
                .. placements ? [$"{p.A.Placement ?? "-"} / {p.B.Placement ?? "-"}"] : Array.Empty<string>(),
                p.Flagged ? $"{p.State} (!)" : p.State,
            ]));
        foreach (PointComparison point in points.Where(p => p.State is PointComparison.Changed or PointComparison.MachineStateDiffered))
        {
            string states = point.MachineState is null ? "" : $" ({point.MachineState})";
            view.WriteLine($"{point.Id}: {point.State}{states}: {point.Why}");
        }
    }

    // One line whatever the host or the path holds.
    private static string Describe(ComparedSide side)
        => OneLineText.Of($"{side.Source}: {side.Host}, {side.CpuModel ?? "unknown CPU"}, {side.UsableCpus} CPUs{(side.Hypervisor ? " (virtual machine)" : "")}, {side.Profile} profile, {side.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");

    private static string Side(SideFigures side)
        => $"{(side.Median is double median ? Numbers.Format(median) : "-")} [{(side.CiLower is double low && side.CiUpper is double high ? $"{Numbers.Format(low)}, {Numbers.Format(high)}" : "-")}]";

    // "confirmed (1.52, 95% 1.40 to 1.61, above 1.10, 9 rounds)": the figures when the side's verdict carries them.
    private static string Outcome(VerdictOutcome? outcome, VerdictFigures? decided)
    {
        if (outcome is not VerdictOutcome known)
        {
            return "absent";
        }
        if (decided is null)
        {
            return known.Text();
        }
        string interval = decided.CiLower is double low && decided.CiUpper is double high ? $", 95% {Numbers.Format(low)} to {Numbers.Format(high)}" : ", no interval";
        string rule = decided.Rule is null ? "" : $", {decided.Rule}";
        string rounds = decided.SamplesUsed is int n ? $", {n} rounds" : "";
        return $"{known.Text()} ({Numbers.Format(decided.Figure)}{interval}{rule}{rounds})";
    }
}
