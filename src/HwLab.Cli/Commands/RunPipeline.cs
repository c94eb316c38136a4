using HwLab.Cli.Output;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Results;
using HwLab.Lab.Suite;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>
/// What every `hwlab run NAME` does around its experiment, once prepared (settings built and
/// checked): check the output directory before measuring anything, run with Ctrl+C and progress,
/// write results, print them.
/// </summary>
internal static class RunPipeline
{
    /// <param name="run">The experiment, its settings already checked: only the output directory is left to refuse.</param>
    public static int Execute(
        PreparedRun run,
        CpuTopology topology,
        TimeSpan samplingBudget,
        RunOutputOptions outputOptions,
        TextWriter output,
        TextWriter error)
    {
        IExperiment experiment = run.Experiment;
        using ResultsDirectory? directory = outputOptions.OutDirectory is null ? null : OutDirectory.Prepare(outputOptions.OutDirectory);

        using var interrupt = new InterruptSource(error);
        ExperimentResult result = ProgressDisplay.Run(error, onEvent =>
        {
            onEvent(new SuiteEvent(1, 1, experiment.Name, experiment.Title, 0, 0, null));
            var context = new ExperimentContext(topology, interrupt.Token, p => onEvent(new SuiteEvent(1, 1, experiment.Name, experiment.Title, p.Done, p.Planned, null)))
            {
                SamplingBudget = samplingBudget,
            };
            ExperimentResult measured = run.Run(context);
            onEvent(new SuiteEvent(1, 1, experiment.Name, experiment.Title, 1, 1, measured));
            return measured;
        });

        ResultsDocument document = SuiteRunner.Append(
            SuiteRunner.NewDocument("run", HwLabCommandLine.CommandLineText, MachineInfoReader.Read(topology), [experiment.Name]), result);
        directory?.Write(document);

        if (outputOptions.Json)
        {
            output.WriteLine(ResultsJson.Serialize(document));
        }
        else
        {
            var view = ConsoleView.ForStandardOutput(output);
            ExperimentView.Write(view, result);
            if (directory is not null)
            {
                view.WriteLine();
                view.WriteLine($"Written: {directory.ResultsPath}, {directory.HtmlReportPath} and {directory.ReportPath}");
            }
        }
        return ExitCodeOf([result], interrupt);
    }

    /// <summary>
    /// 130 or 143 when a signal stopped the run (even between experiments, where no result says
    /// so), 1 when an experiment failed, else 0.
    /// </summary>
    public static int ExitCodeOf(IEnumerable<ExperimentResult> results, InterruptSource interrupt)
    {
        ExperimentResult[] all = [.. results];
        return interrupt.Token.IsCancellationRequested || all.Any(r => r.Status == ExperimentStatus.Interrupted) ? interrupt.InterruptedExitCode
            : all.Any(r => r.Status == ExperimentStatus.Failed) ? ExitCodes.Failure
            : ExitCodes.Success;
    }
}
