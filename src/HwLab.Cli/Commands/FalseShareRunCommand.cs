using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run falseshare`: its options, and the settings they make (built apart from the run, so they can be checked without one).</summary>
internal sealed class FalseShareRunCommand
{
    private readonly FalseShareExperiment _experiment = ExperimentCatalog.FalseShare;
    private readonly ProfileOptions _profile = new();
    private readonly RunOutputOptions _output = new();
    private readonly Option<CpuSet?> _cpus = CliOptions.Cpus("--cpus", "CPUs for the workers, one each [default: usable CPUs, one per core first]");
    private readonly Option<int?> _threads = CliOptions.Int(
        "--threads", $"Workers, each owning one cluster, one per CPU {ProfileDefaults.With($"usable CPUs, at most {FalseShareSettings.DefaultMaxWorkers}", ExperimentLimits.Workers)}", "N", ExperimentLimits.Workers);
    private readonly Option<int?> _samples = CliOptions.Int("--samples", $"Samples per distance and implementation {Defaults(s => s.Samples, ExperimentLimits.Samples)}", "N", ExperimentLimits.Samples);
    private readonly Option<long?> _ops = CliOptions.Long("--ops", $"Lock/unlock pairs per worker per sample {Defaults(s => s.OperationsPerWorker, FalseShareSettings.OperationsRange)}", "N", FalseShareSettings.OperationsRange);
    private readonly Option<int[]?> _distances = CliOptions.IntList(
        "--distances",
        $"Bytes between neighbouring clusters, multiples of 8; the largest is the baseline {ProfileDefaults.Text(Profile, s => string.Join(',', s.Distances), FalseShareSettings.DistanceRange, each: true)}",
        "LIST",
        FalseShareSettings.DistanceRange);
    private readonly Option<string[]?> _impls = CliOptions.NameList(
        "--impls", $"Locks to run: {string.Join(", ", FalseShareSettings.KnownImplementations)} {ProfileDefaults.Text(Profile, s => s.Implementations)}", FalseShareSettings.KnownImplementations);

    public static Command Create(TextWriter output, TextWriter error) => new FalseShareRunCommand().Build(output, error);

    /// <summary>The command, whose action reads the topology, builds the settings and runs them.</summary>
    internal Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command(_experiment.Name, _experiment.Description) { _cpus, _threads, _samples, _ops, _distances, _impls };
        _profile.AddTo(command);
        _output.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            return RunPipeline.Execute(_experiment, BuildSettings(parsed, topology), topology, _output.Read(parsed), output, error);
        });
        return command;
    }

    /// <summary>The profile's settings for this machine with every option given put over them.</summary>
    internal FalseShareSettings BuildSettings(ParseResult parsed, CpuTopology topology)
    {
        FalseShareSettings settings = _experiment.DefaultSettings(_profile.Read(parsed), topology);
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
