using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Locks;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run locks`.</summary>
internal static class LocksRunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        LocksExperiment experiment = ExperimentCatalog.Locks;
        var profile = new ProfileOptions();
        var outputOptions = new RunOutputOptions();
        Option<CpuSet?> cpus = CliOptions.Cpus("--cpus", "CPUs for the contending workers; the first also runs the uncontended one [default: usable CPUs, one per core first]");
        Option<int?> threads = CliOptions.Int("--threads", $"Contending workers on one lock [default: usable CPUs, at most {LocksSettings.DefaultMaxWorkers}]", "N", v => v >= 1, "a positive number");
        Option<int?> samples = CliOptions.Int("--samples", $"Samples per lock kind and contention {Defaults(s => s.Samples)}", "N", v => v >= 5, "at least 5");
        Option<long?> ops = CliOptions.Long("--ops", $"Lock/unlock pairs per uncontended sample {Defaults(s => s.UncontendedOperations)}", "N", v => v >= 1000, "at least 1000");
        Option<int?> duration = CliOptions.Int("--duration-ms", $"Milliseconds per contended sample {Defaults(s => s.ContendedDuration)}", "MS", v => v >= 1, "at least 1");
        Option<string[]?> kinds = CliOptions.NameList("--kinds", $"Locks to run: {string.Join(", ", LocksSettings.KnownKinds)} {Defaults(s => s.Kinds)}", LocksSettings.KnownKinds);
        var command = new Command(experiment.Name, experiment.Description) { cpus, threads, samples, ops, duration, kinds };
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            LocksSettings settings = experiment.DefaultSettings(profile.Read(parsed), topology);
            settings = settings with
            {
                Cpus = WorkerCpus.Choose(topology, parsed.GetValue(cpus), parsed.GetValue(threads), settings.Cpus),
                Samples = parsed.GetValue(samples) ?? settings.Samples,
                UncontendedOperations = parsed.GetValue(ops) ?? settings.UncontendedOperations,
                ContendedDuration = parsed.GetValue(duration) is int ms ? TimeSpan.FromMilliseconds(ms) : settings.ContendedDuration,
                Kinds = CliOptions.GivenOr(parsed.GetValue(kinds), settings.Kinds),
            };
            return RunPipeline.Execute(experiment, settings, topology, outputOptions.Read(parsed), output, error);
        });
        return command;
    }

    private static string Defaults<T>(Func<LocksSettings, T> value) => ProfileDefaults.Text(p => LocksSettings.ForProfile(p, []), value);
}
