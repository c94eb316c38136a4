using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run falseshare`.</summary>
internal static class FalseShareRunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        FalseShareExperiment experiment = ExperimentCatalog.FalseShare;
        var profile = new ProfileOptions();
        var outputOptions = new RunOutputOptions();
        Option<CpuSet?> cpus = CliOptions.Cpus("--cpus", "CPUs for the workers, one each [default: usable CPUs, one per core first]");
        Option<int?> threads = CliOptions.Int("--threads", $"Workers (each owns one cluster) [default: usable CPUs, at most {FalseShareSettings.DefaultMaxWorkers}]", "N", v => v >= 1, "a positive number");
        Option<int?> samples = CliOptions.Int("--samples", $"Samples per distance and implementation {Defaults(s => s.Samples)}", "N", v => v >= 5, "at least 5");
        Option<long?> ops = CliOptions.Long("--ops", $"Lock/unlock pairs per worker per sample {Defaults(s => s.OperationsPerWorker)}", "N", v => v >= 1000, "at least 1000");
        Option<int[]?> distances = CliOptions.IntList("--distances", $"Bytes between neighbouring clusters; the largest is the baseline {Defaults(s => string.Join(',', s.Distances))}", "LIST");
        Option<string[]?> impls = CliOptions.NameList("--impls", $"Locks to run: {string.Join(", ", FalseShareSettings.KnownImplementations)} {Defaults(s => s.Implementations)}", FalseShareSettings.KnownImplementations);
        var command = new Command(experiment.Name, experiment.Description) { cpus, threads, samples, ops, distances, impls };
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            FalseShareSettings settings = experiment.DefaultSettings(profile.Read(parsed), topology);
            settings = settings with
            {
                Cpus = WorkerCpus.Choose(topology, parsed.GetValue(cpus), parsed.GetValue(threads), settings.Cpus),
                Samples = parsed.GetValue(samples) ?? settings.Samples,
                OperationsPerWorker = parsed.GetValue(ops) ?? settings.OperationsPerWorker,
                Distances = CliOptions.GivenOr(parsed.GetValue(distances), settings.Distances),
                Implementations = CliOptions.GivenOr(parsed.GetValue(impls), settings.Implementations),
            };
            return RunPipeline.Execute(experiment, settings, topology, outputOptions.Read(parsed), output, error);
        });
        return command;
    }

    private static string Defaults<T>(Func<FalseShareSettings, T> value) => ProfileDefaults.Text(p => FalseShareSettings.ForProfile(p, []), value);
}
