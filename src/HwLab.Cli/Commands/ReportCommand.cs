using System.CommandLine;
using HwLab.Lab.Results;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab report DIR`: renders report.html and report.md again from a results.json, without measuring.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output)
    {
        var results = new Argument<string>("DIR") { Description = "A results directory (or its results.json) from hwlab suite or hwlab run --out." };
        var command = new Command(
            "report",
            "Write DIR/report.html (one self-contained page with charts; no network needed to view it) and DIR/report.md from DIR/results.json. hwlab suite and run --out already do this after each experiment.")
        {
            results,
        };
        command.SetAction(parsed =>
        {
            ResultsInput input = ResultsInput.Read(parsed.GetValue(results)!);
            using ResultsDirectory directory = OutDirectory.Prepare(input.Directory, "report");
            directory.WriteReports(input.Document);
            output.WriteLine($"Report: {directory.HtmlReportPath}");
            output.WriteLine($"        {directory.ReportPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
