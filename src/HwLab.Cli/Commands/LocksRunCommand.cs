using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.Locks;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run locks`: its options, and the settings they make (built apart from the run, so they can be checked without one).</summary>
internal sealed class LocksRunCommand : ExperimentRunCommand<LocksSettings>
{
    private readonly Option<CpuSet?> _cpus = CliOptions.Cpus("--cpus", "CPUs for the contending workers; the first also runs the uncontended one [default: usable CPUs, one per core first]");
    private readonly Option<int?> _threads = CliOptions.Int(
        "--threads", $"Contending workers on one lock, one per CPU {ProfileDefaults.With($"usable CPUs, at most {LocksSettings.DefaultMaxWorkers}", ExperimentLimits.Workers)}", "N", ExperimentLimits.Workers);
    private readonly Option<int?> _samples = CliOptions.Int("--samples", $"Minimum rounds: samples per lock kind and contention, more while a claim is undecided (--budget-s) {Defaults(s => s.Samples, ExperimentLimits.Samples)}", "N", ExperimentLimits.Samples);
    private readonly Option<long?> _ops = CliOptions.Long("--ops", $"Lock/unlock pairs per uncontended sample {Defaults(s => s.UncontendedOperations, LocksSettings.OperationsRange)}", "N", LocksSettings.OperationsRange);
    private readonly Option<int?> _duration = CliOptions.Int(
        "--duration-ms", $"Milliseconds per contended sample {Defaults(s => s.ContendedDuration, LocksSettings.DurationMillisecondsRange)}", "MS", LocksSettings.DurationMillisecondsRange);
    private readonly Option<string[]?> _kinds = CliOptions.NameList(
        "--kinds", $"Locks to run: {string.Join(", ", LocksSettings.KnownKinds)} {ProfileDefaults.Text(Profile, s => s.Kinds)}", LocksSettings.KnownKinds);

    public LocksRunCommand()
        : base(new LocksExperiment())
    {
    }

    public static Command Create(TextWriter output, TextWriter error) => new LocksRunCommand().Build(output, error);

    protected override IEnumerable<Option> Options() => [_cpus, _threads, _samples, _ops, _duration, _kinds];

    internal override LocksSettings BuildSettings(ParseResult parsed, CpuTopology topology)
    {
        LocksSettings settings = Experiment.DefaultSettings(ReadProfile(parsed), topology);
        return settings with
        {
            Cpus = WorkerCpus.Choose(topology, parsed.GetValue(_cpus), parsed.GetValue(_threads), settings.Cpus),
            Samples = parsed.GetValue(_samples) ?? settings.Samples,
            UncontendedOperations = parsed.GetValue(_ops) ?? settings.UncontendedOperations,
            ContendedDuration = parsed.GetValue(_duration) is int ms ? TimeSpan.FromMilliseconds(ms) : settings.ContendedDuration,
            Kinds = CliOptions.GivenOr(parsed.GetValue(_kinds), settings.Kinds),
        };
    }

    private static LocksSettings Profile(SuiteProfile profile) => LocksSettings.ForProfile(profile, []);

    private static string Defaults<T>(Func<LocksSettings, T> value, ValueRange range) => ProfileDefaults.Text(Profile, value, range);
}
