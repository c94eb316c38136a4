using System.CommandLine;
using HwLab.Lab.Fleet;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab fleet DIR...`: many machines' results side by side, in fleet.html and fleet.md (and fleet.csv).</summary>
internal static class FleetCommand
{
    public static Command Create(TextWriter output)
    {
        var results = new Argument<string[]>("DIR")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = $"Results directories (or their results.json) from hwlab suite or hwlab run --out, one per machine or run; one named twice is two columns. A directory holding {FleetFailureJson.FileName} is a machine that failed: listed with its stage and reason, its results.json not read.",
        };
        var outDir = new Option<string?>("--out")
        {
            Description = $"Directory for {FleetDirectory.HtmlFile} and {FleetDirectory.MarkdownFile} (and {FleetDirectory.CsvFile}), created if needed; files there other than regular ones are never replaced [default: fleet-<UTC time> in the current directory]",
            HelpName = "DIR",
        };
        var csv = new Option<bool>("--csv") { Description = $"Also write {FleetDirectory.CsvFile}: one row per machine and point (machine, host, CPU model, experiment, point, keys, metric, unit, median, 95% interval, n), RFC 4180 quoting." };
        var command = new Command(
            "fleet",
            $"Set many machines' results side by side in fleet.html and fleet.md (and fleet.csv with --csv): every claim's verdict per machine, grouped by CPU model, with the machines whose verdict differs from the majority's marked; the false-sharing penalty at 8 bytes, c2c latency per CPU-pair relation and swap scaling per lock mode. Reads results of schema hwlab.results/1 and /2, and failed-host directories: a DIR holding {FleetFailureJson.FileName} (schema {FleetFailureJson.Schema}) is listed among the failed machines with its host, stage and reason, and has no column and no say in any majority. A results document or failure record that breaks its schema or is of another one, or a DIR with neither file, is exit code 2 with nothing written; otherwise the files are written, and the exit code is 1 when any machine failed, else 0.")
        {
            results, outDir, csv,
        };
        command.SetAction(parsed =>
        {
            string[] paths = parsed.GetValue(results)!;
            // Every path is checked, then every document read, before anything is created or written.
            foreach (string given in paths)
            {
                CliPaths.Require(given, "DIR");
            }
            var inputs = new List<FleetInput>();
            var failures = new List<FleetFailure>();
            foreach (string path in paths)
            {
                if (FleetFailureInput.Read(path) is { } failure)
                {
                    failures.Add(failure);
                    continue;
                }
                ResultsInput input = ResultsInput.Read(path);
                inputs.Add(new FleetInput(input.Source, input.Document));
            }
            FleetTables fleet = FleetTables.From(inputs, failures);

            bool withCsv = parsed.GetValue(csv);
            string outPath = parsed.GetValue(outDir) ?? FleetDirectory.DefaultPath(DateTimeOffset.UtcNow);
            using FleetDirectory directory = OutDirectory.Prepare(outPath, path => FleetDirectory.Prepare(path, withCsv));
            directory.Write(fleet);

            output.WriteLine(FleetText.Summary(fleet));
            foreach (FleetFailure failure in fleet.Failures)
            {
                output.WriteLine(FleetText.FailedLine(failure));
            }
            output.WriteLine($"Written: {string.Join(", ", directory.Files)}");
            // As hwlab suite does when an experiment fails: everything is written, and the exit code says that not all went well.
            return fleet.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
