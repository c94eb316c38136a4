using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Check;
using HwLab.Layout.Probe;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>
/// `hwlab check`: a struct's layout, a lock in one of its words and the fields the lock guards;
/// measures what the layout costs packed in an array on this machine, against padding and column
/// order, and writes results as `hwlab run NAME` does.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var layout = new Option<string>("--layout")
        {
            Description = "The struct's layout: a JSON file (docs/check-layout.md) with name, size, align and fields",
            HelpName = "FILE.json",
            Required = true,
        };
        var lockSpec = new Option<string>("--lock")
        {
            Description = "The lock: FIELD:bit=N (a bit spinlock in that 4- or 8-byte word), FIELD:spinlock (4-byte queued spinlock) or FIELD:ticket (4-byte ticket lock)",
            HelpName = "SPEC",
            Required = true,
        };
        var touch = new Option<string?>("--touch")
        {
            Description = "Fields the critical section adds 1 to, comma-separated [default: a bit lock's own word (the bits beside the lock bit); for a spinlock or ticket lock the first field after it]",
            HelpName = "FIELD,...",
        };
        var settings = new SettingOptionsOnCommandLine([.. CheckExperiment.MeasuringOptions, ExperimentRunCommand.BudgetOption]);
        var profile = new ProfileOptions();
        var outputOptions = new RunOutputOptions();
        var command = new Command(
            "check",
            "What a lock in a struct's word costs when the structs are packed in an array on this machine: k pinned workers each lock their own object, with the objects as declared, padded to one or two lines, or in column order; the penalty against padding, the memory of each layout, and whether the declared layout falsely shares.")
        {
            layout, lockSpec, touch,
        };
        settings.AddTo(command);
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            StructDescription described = ReadLayout(parsed.GetValue(layout)!);
            string[]? touched = parsed.GetValue(touch)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var experiment = new CheckExperiment(CheckTarget.Create(described, parsed.GetValue(lockSpec)!, touched));
            CpuTopology topology = TopologyReader.Read();
            SuiteProfile chosen = profile.Read(parsed);
            PreparedRun run = experiment.Prepare(chosen, topology, settings.Read(parsed));
            return RunPipeline.Execute(run, topology, ExperimentRunCommand.SamplingBudget(settings.Read(parsed), chosen), outputOptions.Read(parsed), output, error);
        });
        return command;
    }

    /// <summary>
    /// Where a layout comes from, by the file's kind: a JSON description (docs/check-layout.md) is
    /// the one kind read today.
    /// </summary>
    /// <exception cref="UsageException">A file of another kind.</exception>
    /// <exception cref="ExperimentSettingsException">A JSON layout that cannot be read or is refused.</exception>
    internal static StructDescription ReadLayout(string path)
        => Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? CheckLayoutJson.Read(path)
            : throw new UsageException($"--layout {path}: a layout is a .json file (docs/check-layout.md)");
}
