using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.C2c;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run c2c`.</summary>
internal static class C2cRunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        C2cExperiment experiment = ExperimentCatalog.C2c;
        var profile = new ProfileOptions();
        var outputOptions = new RunOutputOptions();
        Option<CpuSet?> cpus = CliOptions.Cpus("--cpus", "CPUs whose pairs are measured, e.g. 0-7 or 0-63:2 [default: every usable CPU]");
        Option<int?> samples = CliOptions.Int("--samples", $"Samples per pair and implementation {Defaults(s => s.Samples)}", "N", v => v >= 5, "at least 5");
        Option<long?> roundTrips = CliOptions.Long("--round-trips", $"Round trips per sample {Defaults(s => s.RoundTrips)}", "N", v => v >= 100, "at least 100");
        Option<int?> maxPairs = CliOptions.Int("--max-pairs", $"Sample this many pairs when there are more {Defaults(s => s.MaxPairs)}", "N", v => v >= 1, "at least 1");
        Option<int?> seed = CliOptions.Int("--seed", $"Seed of the pair sample [default: {C2cSettings.DefaultSeed}]", "N", _ => true, "a whole number");
        var command = new Command(experiment.Name, experiment.Description) { cpus, samples, roundTrips, maxPairs, seed };
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            C2cSettings settings = experiment.DefaultSettings(profile.Read(parsed), topology);
            settings = settings with
            {
                Cpus = parsed.GetValue(cpus) is CpuSet chosen ? [.. chosen] : settings.Cpus,
                Samples = parsed.GetValue(samples) ?? settings.Samples,
                RoundTrips = parsed.GetValue(roundTrips) ?? settings.RoundTrips,
                MaxPairs = parsed.GetValue(maxPairs) ?? settings.MaxPairs,
                Seed = parsed.GetValue(seed) ?? settings.Seed,
            };
            return RunPipeline.Execute(experiment, settings, topology, outputOptions.Read(parsed), output, error);
        });
        return command;
    }

    private static string Defaults<T>(Func<C2cSettings, T> value) => ProfileDefaults.Text(p => C2cSettings.ForProfile(p, []), value);
}
