using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>
/// `hwlab run NAME` for one experiment of the catalog: the experiment's own options, the ones every
/// run shares (--quick/--full, --json/--out, and --budget-s for an experiment sampled in rounds),
/// and an action that prepares the experiment from them (settings built and checked) and runs it.
/// </summary>
internal sealed class ExperimentRunCommand
{
    private readonly IExperiment _experiment;
    private readonly SettingOptionsOnCommandLine _settings;
    private readonly ProfileOptions _profile = new();
    private readonly RunOutputOptions _output = new();

    /// <summary>--budget-s: none, up to an hour.</summary>
    private static ValueRange SamplingBudgetRange { get; } = new(0, 3600);

    private static readonly SettingOption<int> s_budget = SettingOption.WholeNumber(
        "--budget-s",
        $"Seconds for rounds past --samples while a claim is undecided; 0 takes none [default: {Budget(SuiteProfile.Quick)} with --quick, {Budget(SuiteProfile.Default)} without, {Budget(SuiteProfile.Full)} with --full]",
        "SECONDS",
        SamplingBudgetRange);

    public ExperimentRunCommand(IExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        _experiment = experiment;
        _settings = new SettingOptionsOnCommandLine(experiment.SamplesInRounds ? [.. experiment.Options, s_budget] : experiment.Options);
    }

    /// <summary>The command, whose action reads the topology, prepares the experiment and runs it.</summary>
    public Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command(_experiment.Name, _experiment.Description);
        _settings.AddTo(command);
        _profile.AddTo(command);
        _output.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            PreparedRun run = Prepare(parsed, topology);
            TimeSpan budget = SamplingBudget(_settings.Read(parsed), _profile.Read(parsed));
            return RunPipeline.Execute(run, topology, budget, _output.Read(parsed), output, error);
        });
        return command;
    }

    /// <summary>The experiment with the profile's settings for this machine and every option given put over them, checked; nothing has run.</summary>
    /// <exception cref="ExperimentSettingsException">Settings the experiment or this machine cannot run with.</exception>
    internal PreparedRun Prepare(ParseResult parsed, CpuTopology topology) => _experiment.Prepare(_profile.Read(parsed), topology, _settings.Read(parsed));

    /// <summary>--budget-s, which every experiment sampled in rounds takes.</summary>
    internal static SettingOption<int> BudgetOption => s_budget;

    /// <summary>The sampling budget --budget-s gives, else the profile's.</summary>
    internal static TimeSpan SamplingBudget(ISettingValues given, SuiteProfile profile)
        => given.TryGet(s_budget, out int seconds) ? TimeSpan.FromSeconds(seconds) : SuiteProfiles.SamplingBudget(profile);

    private static double Budget(SuiteProfile profile) => SuiteProfiles.SamplingBudget(profile).TotalSeconds;
}
