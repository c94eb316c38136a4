using System.CommandLine;
using HwLab.Cli.Output;
using HwLab.Lab.Comparison;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab compare A B`: B against A per experiment and point, flagging only differences whose whole 95% interval lies beyond the threshold.</summary>
internal static class CompareCommand
{
    // Eleven times either way: a threshold beyond it could flag nothing a ratio column would not already shout.
    private const double MaxThresholdPercent = 1000;

    public static Command Create(TextWriter output)
    {
        var a = new Argument<string>("A") { Description = "The baseline: a results directory or results.json." };
        var b = new Argument<string>("B") { Description = "The results to compare with it (another machine, another run)." };
        var json = new Option<bool>("--json") { Description = $"Print the comparison as JSON (schema {ResultsComparison.CurrentSchema})." };
        var threshold = CliOptions.Double(
            "--threshold",
            $"Smallest difference, in percent, ever flagged: B more than PCT% above A, or A more than PCT% above B [default: {ResultsComparer.DefaultThresholdPercent}; 0 to {MaxThresholdPercent}]. A point is flagged only when the whole 95% interval of B/A lies beyond it.",
            "PCT",
            value => value is >= 0 and <= MaxThresholdPercent,
            $"a percentage from 0 to {MaxThresholdPercent}");
        var failOnDifference = new Option<bool>("--fail-on-difference") { Description = "Exit with code 1 when any point changed (for scripts guarding against regressions); a difference that came with another machine state does not count." };
        var command = new Command(
            "compare",
            "Compare two results (two machines, two runs): the ratio B/A of each point's median with its 95% interval, and which points changed beyond the threshold, which only with the machine's state (placement probes), and which are within noise. Exit code 2 when the two cannot be compared (another schema, no experiment in common).")
        {
            a, b, json, threshold, failOnDifference,
        };
        command.SetAction(parsed =>
        {
            // Both paths are checked before either is read, so a bad one is named whatever its place.
            CliPaths.Require(parsed.GetValue(a), "A");
            CliPaths.Require(parsed.GetValue(b), "B");
            ResultsInput inputA = ResultsInput.Read(parsed.GetValue(a)!);
            ResultsInput inputB = ResultsInput.Read(parsed.GetValue(b)!);
            ResultsComparison comparison = ResultsComparer.Compare(
                inputA.Document, inputA.Source, inputB.Document, inputB.Source, parsed.GetValue(threshold) ?? ResultsComparer.DefaultThresholdPercent);

            if (parsed.GetValue(json))
            {
                CliJson.Write(output, comparison);
            }
            else
            {
                CompareView.Write(ConsoleView.ForStandardOutput(output), comparison);
            }
            return parsed.GetValue(failOnDifference) && comparison.Changed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
