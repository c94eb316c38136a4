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
        var header = new Argument<string?>("HEADER")
        {
            Description = "A C header declaring the struct: its layout is what the C compiler makes of it, found by a probe compiled and run here",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var structName = new Option<string?>("--struct") { Description = "The struct of HEADER to check (struct NAME, or a typedef of one)", HelpName = "NAME" };
        var includes = new Option<string[]>("-I") { Description = "An include directory for HEADER, as the compiler's -I (repeatable)", HelpName = "DIR", AllowMultipleArgumentsPerToken = false };
        var defines = new Option<string[]>("-D") { Description = "A macro for HEADER, as the compiler's -D (repeatable)", HelpName = "NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var compiler = new Option<string?>("--cc") { Description = "The C compiler for HEADER [default: cc, else gcc, else clang on PATH]", HelpName = "PATH" };
        var layout = new Option<string?>("--layout")
        {
            Description = "Instead of HEADER, the struct's layout as a JSON file (docs/check-layout.md), for structs that are not C",
            HelpName = "FILE.json",
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
        // A check is an answer to keep, as a suite run is: written to results/<host>-<UTC time> unless --out says where.
        var outputOptions = new RunOutputOptions { DefaultOutDirectory = () => Lab.Results.ResultsDirectory.DefaultPath(Environment.MachineName, DateTimeOffset.UtcNow) };
        outputOptions.OutOption.Description = "Write results.json, report.html and report.md to directory DIR [default: results/<host>-<UTC time>]";
        var command = new Command(
            "check",
            "What a lock in a struct's word costs when the structs are packed in an array on this machine: k pinned workers each lock their own object, with the objects as declared, padded to one or two lines, or in column order; the penalty against padding, the memory of each layout, and whether the declared layout falsely shares.")
        {
            header, structName, includes, defines, compiler, layout, lockSpec, touch,
        };
        settings.AddTo(command);
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            StructDescription described = parsed.GetValue(header) is { } path
                ? Probe(path, parsed.GetValue(structName), parsed.GetValue(includes) ?? [], parsed.GetValue(defines) ?? [], parsed.GetValue(compiler), parsed.GetValue(layout))
                : ReadLayout(parsed.GetValue(layout) ?? throw new UsageException("check needs a C HEADER with --struct NAME, or --layout FILE.json"), parsed.GetValue(structName));
            string[]? touched = parsed.GetValue(touch)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var experiment = new CheckExperiment(CheckTarget.Create(described, parsed.GetValue(lockSpec)!, touched));
            CpuTopology topology = TopologyReader.Read();
            SuiteProfile chosen = profile.Read(parsed);
            PreparedRun run = experiment.Prepare(chosen, topology, settings.Read(parsed));
            RunOutputOptions chosenOutput = outputOptions.Read(parsed);
            if (!chosenOutput.Json)
            {
                // The layout as pahole would draw it, before anything is measured.
                foreach (string line in StructLayoutView.Lines(described, topology.LineSize, (int)Math.Min(int.MaxValue, CheckSettings.DefaultCount)))
                {
                    output.WriteLine(line);
                }
                output.WriteLine();
            }
            return RunPipeline.Execute(run, topology, ExperimentRunCommand.SamplingBudget(settings.Read(parsed), chosen), chosenOutput, output, error);
        });
        return command;
    }

    /// <summary>A JSON layout description (docs/check-layout.md); --struct, if given, must name its struct.</summary>
    /// <exception cref="UsageException">A file that is not JSON, or another struct than --struct names.</exception>
    /// <exception cref="ExperimentSettingsException">A JSON layout that cannot be read or is refused.</exception>
    internal static StructDescription ReadLayout(string path, string? structName = null)
    {
        StructDescription described = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? CheckLayoutJson.Read(path)
            : throw new UsageException($"--layout {path}: a layout is a .json file (docs/check-layout.md); give a C header as HEADER");
        return structName is null || structName == described.Name
            ? described
            : throw new UsageException($"--layout {path} describes struct {described.Name}, not {structName}");
    }

    /// <summary>The struct's layout as the C compiler makes it: a probe generated for it, compiled and run.</summary>
    /// <exception cref="UsageException">A header that does not compile, no such struct, no compiler, or HEADER beside --layout.</exception>
    private static StructDescription Probe(string header, string? structName, string[] includes, string[] defines, string? compiler, string? layout)
    {
        if (layout is not null)
        {
            throw new UsageException("give a C HEADER or --layout FILE.json, not both");
        }
        if (string.IsNullOrWhiteSpace(structName))
        {
            throw new UsageException($"{header}: name the struct to check with --struct NAME");
        }
        var macros = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string define in defines)
        {
            int equals = define.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? define : define[..equals];
            if (name.Length == 0)
            {
                throw new UsageException($"-D {define}: a macro is NAME or NAME=VALUE");
            }
            macros[name] = equals < 0 ? null : define[(equals + 1)..];
        }
        try
        {
            return CStructProbe.Describe(header, structName, includes, macros, compiler);
        }
        catch (StructProbeException e)
        {
            throw new UsageException($"{header}: {e.Message}", e);
        }
    }
}
