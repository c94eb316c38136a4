using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run falseshare`: its options, and the settings they make (built apart from the run, so they can be checked without one).</summary>
internal sealed class FalseShareRunCommand : ExperimentRunCommand<FalseShareSettings>
{
    private readonly Option<CpuSet?> _cpus = CliOptions.Cpus("--cpus", "CPUs for the workers, one each [default: usable CPUs, one per core first]");
    private readonly Option<int?> _threads = CliOptions.Int(
        "--threads", $"Workers, each owning one cluster, one per CPU {ProfileDefaults.With($"usable CPUs, at most {FalseShareSettings.DefaultMaxWorkers}", ExperimentLimits.Workers)}", "N", ExperimentLimits.Workers);
    private readonly Option<int?> _samples = CliOptions.Int("--samples", $"Minimum rounds: samples per distance and implementation, more while a claim is undecided (--budget-s) {Defaults(s => s.Samples, ExperimentLimits.Samples)}", "N", ExperimentLimits.Samples);
    private readonly Option<long?> _ops = CliOptions.Long("--ops", $"Lock/unlock pairs per worker per sample {Defaults(s => s.OperationsPerWorker, FalseShareSettings.OperationsRange)}", "N", FalseShareSettings.OperationsRange);
    private readonly Option<int[]?> _distances = CliOptions.IntList(
        "--distances",
        $"Bytes between neighbouring clusters, multiples of 8; the largest is the baseline {ProfileDefaults.Text(Profile, s => string.Join(',', s.Distances), FalseShareSettings.DistanceRange, each: true)}",
        "LIST",
        FalseShareSettings.DistanceRange);
    private readonly Option<string[]?> _impls = CliOptions.NameList(
        "--impls", $"Locks to run: {string.Join(", ", FalseShareSettings.KnownImplementations)} {ProfileDefaults.Text(Profile, s => s.Implementations)}", FalseShareSettings.KnownImplementations);

    public FalseShareRunCommand()
        : base(new FalseShareExperiment())
    {
    }

    public static Command Create(TextWriter output, TextWriter error) => new FalseShareRunCommand().Build(output, error);

    protected override IEnumerable<Option> Options() => [_cpus, _threads, _samples, _ops, _distances, _impls];

    internal override FalseShareSettings BuildSettings(ParseResult parsed, CpuTopology topology)
    {
        FalseShareSettings settings = Experiment.DefaultSettings(ReadProfile(parsed), topology);
        return settings with
        {
            Cpus = WorkerCpus.Choose(topology, parsed.GetValue(_cpus), parsed.GetValue(_threads), settings.Cpus),
            Samples = parsed.GetValue(_samples) ?? settings.Samples,
            OperationsPerWorker = parsed.GetValue(_ops) ?? settings.OperationsPerWorker,
            Distances = CliOptions.GivenOr(parsed.GetValue(_distances), settings.Distances),
            Implementations = CliOptions.GivenOr(parsed.GetValue(_impls), settings.Implementations),
        };
    }

    private static FalseShareSettings Profile(SuiteProfile profile) => FalseShareSettings.ForProfile(profile, []);

    private static string Defaults<T>(Func<FalseShareSettings, T> value, ValueRange range) => ProfileDefaults.Text(Profile, value, range);
}
