using System.CommandLine;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run NAME`: one experiment, with every knob on the command line.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        return new Command("run", "Run one experiment and print its points and verdicts (add --out DIR to keep results.json, report.html and report.md).")
        {
            C2cRunCommand.Create(output, error),
            FalseShareRunCommand.Create(output, error),
            LocksRunCommand.Create(output, error),
            SwapRunCommand.Create(new Lab.Experiments.Swap.SwapExperiment(churn: false), output, error),
            SwapRunCommand.Create(new Lab.Experiments.Swap.SwapExperiment(churn: true), output, error),
            ReserveRunCommand.Create(output, error),
        };
    }
}
