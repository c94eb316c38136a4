using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>
/// What every `hwlab run NAME` shares: --quick/--full, --json/--out, and an action that reads the
/// topology, builds the settings from the options and runs them. Each experiment's command adds
/// its own options and says how they make settings; building settings apart from running them
/// lets them be checked without a run.
/// </summary>
internal abstract class ExperimentRunCommand<TSettings>
    where TSettings : class
{
    private readonly ProfileOptions _profile = new();
    private readonly RunOutputOptions _output = new();

    protected ExperimentRunCommand(Experiment<TSettings> experiment) => Experiment = experiment;

    protected Experiment<TSettings> Experiment { get; }

    /// <summary>The command, whose action reads the topology, builds the settings and runs them.</summary>
    internal Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command(Experiment.Name, Experiment.Description);
        foreach (Option option in Options())
        {
            command.Add(option);
        }
        _profile.AddTo(command);
        _output.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            return RunPipeline.Execute(Experiment, BuildSettings(parsed, topology), topology, _output.Read(parsed), output, error);
        });
        return command;
    }

    /// <summary>The profile's settings for this machine with every option given put over them.</summary>
    internal abstract TSettings BuildSettings(ParseResult parsed, CpuTopology topology);

    /// <summary>This experiment's own options, in the order --help lists them.</summary>
    protected abstract IEnumerable<Option> Options();

    /// <summary>--quick, --full or neither.</summary>
    protected SuiteProfile ReadProfile(ParseResult parsed) => _profile.Read(parsed);
}
