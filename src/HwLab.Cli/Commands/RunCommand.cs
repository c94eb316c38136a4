using System.CommandLine;
using HwLab.Lab.Experiments;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run NAME`: one experiment of the catalog, with every knob on the command line.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("run", "Run one experiment and print its points and verdicts (add --out DIR to keep results.json, report.html and report.md).");
        foreach (IExperiment experiment in ExperimentCatalog.Standard.All)
        {
            command.Add(new ExperimentRunCommand(experiment).Build(output, error));
        }
        return command;
    }
}
