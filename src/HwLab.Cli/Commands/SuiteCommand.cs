using System.CommandLine;
using HwLab.Cli.Output;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Suite;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab suite`: every experiment sized for this machine, results written after each one.</summary>
internal static class SuiteCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var profile = new ProfileOptions();
        var json = new Option<bool>("--json") { Description = "Print results.json to stdout at the end instead of the summary." };
        var outDir = new Option<string?>("--out")
        {
            Description = "Directory for results.json, report.html and report.md [default: results/<host>-<UTC time>]",
            HelpName = "DIR",
        };
        var command = new Command(
            "suite",
            $"Run every experiment ({string.Join(", ", ExperimentCatalog.Standard.All.Select(e => e.Name))}) sized for this machine to stay within 5 minutes (1 with --quick, 30 with --full; `hwlab plan` says how long here). Writes results.json, report.html and report.md after each experiment.")
        {
            json, outDir,
        };
        profile.AddTo(command);
        command.SetAction(parsed =>
        {
            SuiteProfile chosen = profile.Read(parsed);
            CpuTopology topology = TopologyReader.Read();
            string path = parsed.GetValue(outDir) ?? ResultsDirectory.DefaultPath(Environment.MachineName, DateTimeOffset.UtcNow);
            using ResultsDirectory directory = OutDirectory.Prepare(path);

            // What it will run and for how long, before it starts: the plan's total (`hwlab plan` has the detail).
            error.WriteLine($"Plan: {PlanCommand.Total(SuitePlan.For(ExperimentCatalog.Standard, chosen, topology, CostCalibration.ForThisMachine()))}.");

            using var interrupt = new InterruptSource(error);
            ResultsDocument document = ProgressDisplay.Run(error, onEvent =>
                SuiteRunner.Run(ExperimentCatalog.Standard, chosen, directory, HwLabCommandLine.CommandLineText, topology, interrupt.Token, onEvent));

            if (parsed.GetValue(json))
            {
                output.WriteLine(ResultsJson.Serialize(document));
            }
            else
            {
                WriteSummary(ConsoleView.ForStandardOutput(output), document, directory);
            }
            return RunPipeline.ExitCodeOf(document.Experiments, interrupt);
        });
        return command;
    }

    private static void WriteSummary(ConsoleView view, ResultsDocument document, ResultsDirectory directory)
    {
        view.WriteHeading($"HwLab suite ({document.Profile}) on {document.Machine.Host}");
        view.WriteTable(
            ["experiment", "status", "time", "points", "verdicts"],
            document.Experiments.Select(e => (IReadOnlyList<string>)
            [
                e.Name,
                e.Error is null ? e.Status.Text() : $"{e.Status.Text()}: {e.Error}",
                $"{Numbers.Format(e.DurationSeconds)} s",
                e.Points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", e.Verdicts.GroupBy(v => v.Outcome).Select(g => $"{g.Count()} {g.Key.Text()}")),
            ]));
        view.WriteHeading("Verdicts");
        view.WriteLine($"{VerdictCounts.Summary(document)}.");
        foreach (ExperimentResult experiment in document.Experiments)
        {
            foreach (Verdict verdict in experiment.Verdicts)
            {
                VerdictLines.Write(view, verdict, experiment.Name);
            }
        }
        if (document.NotRun.Count > 0)
        {
            view.WriteLine($"Not run: {string.Join(", ", document.NotRun)}");
        }
        view.WriteLine();
        view.WriteLine($"Results: {directory.ResultsPath}");
        view.WriteLine($"Report:  {directory.HtmlReportPath}");
        view.WriteLine($"         {directory.ReportPath}");
    }
}
