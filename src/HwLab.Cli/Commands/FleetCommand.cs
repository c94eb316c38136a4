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
            Description = "Results directories (or their results.json) from hwlab suite or hwlab run --out, one per machine or run; one named twice is two columns.",
        };
        var outDir = new Option<string?>("--out")
        {
            Description = $"Directory for {FleetDirectory.HtmlFile} and {FleetDirectory.MarkdownFile} (and {FleetDirectory.CsvFile}), created if needed; files there other than regular ones are never replaced [default: fleet-<UTC time> in the current directory]",
            HelpName = "DIR",
        };
        var csv = new Option<bool>("--csv") { Description = $"Also write {FleetDirectory.CsvFile}: one row per machine and point (machine, host, CPU model, experiment, point, keys, metric, unit, median, 95% interval, n), RFC 4180 quoting." };
        var command = new Command(
            "fleet",
            "Set many machines' results side by side in fleet.html and fleet.md (and fleet.csv with --csv): every claim's verdict per machine, grouped by CPU model, with the machines whose verdict differs from the majority's marked; the false-sharing penalty at 8 bytes, c2c latency per CPU-pair relation and swap scaling per lock mode. Reads results of schema hwlab.results/1 and /2; anything else, or a DIR without results.json, is exit code 2.")
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
            FleetInput[] inputs = [.. paths.Select(ResultsInput.Read).Select(i => new FleetInput(i.Source, i.Document))];
            FleetTables fleet = FleetTables.From(inputs);

            bool withCsv = parsed.GetValue(csv);
            string outPath = parsed.GetValue(outDir) ?? FleetDirectory.DefaultPath(DateTimeOffset.UtcNow);
            using FleetDirectory directory = OutDirectory.Prepare(outPath, path => FleetDirectory.Prepare(path, withCsv));
            directory.Write(fleet);

            output.WriteLine(FleetText.Summary(fleet));
            output.WriteLine($"Written: {string.Join(", ", directory.Files)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
