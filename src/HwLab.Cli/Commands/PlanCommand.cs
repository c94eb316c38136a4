using System.CommandLine;
using System.Globalization;
using HwLab.Cli.Output;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Reports;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab plan`: what `hwlab suite` would run here, or on a captured machine, and for how long; runs nothing.</summary>
internal static class PlanCommand
{
    public const string Schema = "hwlab.plan/1";

    public static Command Create(TextWriter output)
    {
        var profile = new ProfileOptions();
        var json = new Option<bool>("--json") { Description = $"Print JSON (schema {Schema}) instead of tables." };
        var from = new Option<string?>("--from")
        {
            Description = "Plan for the machine of a topology capture FILE (made with `hwlab topology --capture`), with documented operation costs, instead of this machine with measured ones.",
            HelpName = "FILE",
        };
        var command = new Command(
            "plan",
            "What `hwlab suite` would run, experiment by experiment: CPUs, pairs, worker counts, points and rounds, and how long it would take, from per-operation costs it states (measured here in a few milliseconds, or documented for a capture). Runs no experiment.")
        {
            json, from,
        };
        profile.AddTo(command);
        command.SetAction(parsed =>
        {
            SuiteProfile chosen = profile.Read(parsed);
            string? fromPath = parsed.GetValue(from);
            CpuTopology topology = fromPath is null ? TopologyReader.Read() : CaptureFile.Topology(fromPath, "--from");
            OperationCosts costs = fromPath is null ? CostCalibration.ForThisMachine() : OperationCosts.Documented;
            SuitePlan plan = SuitePlan.For(ExperimentCatalog.Standard, chosen, topology, costs);
            var view = ConsoleView.ForStandardOutput(output);
            if (parsed.GetValue(json))
            {
                CliJson.Write(view.Writer, new PlanDocument(Schema, fromPath is null ? "live" : $"capture {fromPath}", plan.Profile.ToString().ToLowerInvariant(), plan.Machine, plan.UsableCpus,
                    plan.Costs, plan.MinimumSeconds, plan.MaximumSeconds, SuitePlan.Bound(plan.Profile).TotalSeconds, plan.WithinBound, plan.Experiments));
            }
            else
            {
                Write(view, plan);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The plan's one-line total, as `hwlab suite` prints it before it starts.</summary>
    public static string Total(SuitePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int running = plan.Experiments.Count(e => e.Skipped is null);
        return string.Create(CultureInfo.InvariantCulture,
            $"{running} experiments on {plan.UsableCpus} CPUs: at least {Seconds(plan.MinimumSeconds)}, at most about {Seconds(plan.MaximumSeconds)} with every sampling budget spent (the {plan.Profile.ToString().ToLowerInvariant()} profile's bound: {Seconds(SuitePlan.Bound(plan.Profile).TotalSeconds)})");
    }

    private static void Write(ConsoleView view, SuitePlan plan)
    {
        view.WriteHeading($"Plan ({plan.Profile.ToString().ToLowerInvariant()}) for {plan.Machine}, {plan.UsableCpus} usable CPUs");
        view.WriteTable(
            ["experiment", "CPUs", "points", "rounds", "at least", "at most"],
            plan.Experiments.Select(e => (IReadOnlyList<string>)(e.Shape is { } shape
                ? [e.Name, Whole(shape.Cpus), Whole(shape.Points), Whole(shape.Rounds), Seconds(e.MinimumSeconds), Seconds(e.MaximumSeconds)]
                : [e.Name, "-", "-", "-", "skipped", e.Skipped ?? ""])));
        foreach (ExperimentPlan experiment in plan.Experiments.Where(e => e.Shape is not null))
        {
            view.WriteLine();
            view.WriteLine($"{experiment.Name}:");
            foreach (PlanLine line in experiment.Shape!.Lines)
            {
                view.WriteLine($"  {line.What}: {line.Value}");
            }
        }
        view.WriteLine();
        view.WriteLine($"Total: {Total(plan)}{(plan.WithinBound ? "." : ": over it.")}");
        view.WriteLine($"Costs: {plan.Costs.Source}.");
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min");

    /// <summary>The JSON document of `hwlab plan --json`.</summary>
    internal sealed record PlanDocument(
        string Schema, string Source, string Profile, string Machine, int UsableCpus, OperationCosts Costs,
        double MinimumSeconds, double MaximumSeconds, double BoundSeconds, bool WithinBound, IReadOnlyList<ExperimentPlan> Experiments);
}
