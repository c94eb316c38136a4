using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
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
    private readonly Option<int?> _budget = CliOptions.Int(
        "--budget-s",
        $"Seconds for rounds past --samples while a claim is undecided; 0 takes none [default: {Budget(SuiteProfile.Quick)} with --quick, {Budget(SuiteProfile.Default)} without, {Budget(SuiteProfile.Full)} with --full]",
        "SECONDS",
        SamplingBudgetRange);

    /// <summary>--budget-s: none, up to an hour.</summary>
    internal static ValueRange SamplingBudgetRange { get; } = new(0, 3600);

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
        if (SamplesInRounds)
        {
            command.Add(_budget);
        }
        _profile.AddTo(command);
        _output.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            TimeSpan budget = parsed.GetValue(_budget) is int seconds ? TimeSpan.FromSeconds(seconds) : SuiteProfiles.SamplingBudget(ReadProfile(parsed));
            return RunPipeline.Execute(Experiment, BuildSettings(parsed, topology), topology, budget, _output.Read(parsed), output, error);
        });
        return command;
    }

    /// <summary>The profile's settings for this machine with every option given put over them.</summary>
    internal abstract TSettings BuildSettings(ParseResult parsed, CpuTopology topology);

    /// <summary>This experiment's own options, in the order --help lists them.</summary>
    protected abstract IEnumerable<Option> Options();

    /// <summary>Whether the experiment samples in rounds, and so takes --budget-s; reserve runs whole scenarios instead.</summary>
    protected virtual bool SamplesInRounds => true;

    private static double Budget(SuiteProfile profile) => SuiteProfiles.SamplingBudget(profile).TotalSeconds;

    /// <summary>--quick, --full or neither.</summary>
    protected SuiteProfile ReadProfile(ParseResult parsed) => _profile.Read(parsed);
}
