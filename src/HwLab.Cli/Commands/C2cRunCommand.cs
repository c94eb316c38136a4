using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.C2c;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run c2c`: its options, and the settings they make (built apart from the run, so they can be checked without one).</summary>
internal sealed class C2cRunCommand : ExperimentRunCommand<C2cSettings>
{
    private readonly Option<CpuSet?> _cpus = CliOptions.Cpus("--cpus", "CPUs whose pairs are measured, e.g. 0-7 or 0-63:2 [default: every usable CPU]");
    private readonly Option<int?> _samples = CliOptions.Int("--samples", $"Minimum rounds: samples per pair and implementation, more while a claim is undecided (--budget-s) {Defaults(s => s.Samples, ExperimentLimits.Samples)}", "N", ExperimentLimits.Samples);
    private readonly Option<long?> _roundTrips = CliOptions.Long("--round-trips", $"Round trips per sample {Defaults(s => s.RoundTrips, C2cSettings.RoundTripsRange)}", "N", C2cSettings.RoundTripsRange);
    private readonly Option<int?> _maxPairs = CliOptions.Int("--max-pairs", $"Sample this many pairs when there are more {Defaults(s => s.MaxPairs, C2cSettings.MaxPairsRange)}", "N", C2cSettings.MaxPairsRange);
    private readonly Option<int?> _seed = CliOptions.Int("--seed", $"Seed of the pair sample {ProfileDefaults.With($"{C2cSettings.DefaultSeed}", ExperimentLimits.Seed)}", "N", ExperimentLimits.Seed);

    public C2cRunCommand()
        : base(new C2cExperiment())
    {
    }

    public static Command Create(TextWriter output, TextWriter error) => new C2cRunCommand().Build(output, error);

    protected override IEnumerable<Option> Options() => [_cpus, _samples, _roundTrips, _maxPairs, _seed];

    internal override C2cSettings BuildSettings(ParseResult parsed, CpuTopology topology)
    {
        C2cSettings settings = Experiment.DefaultSettings(ReadProfile(parsed), topology);
        return settings with
        {
            Cpus = parsed.GetValue(_cpus) is CpuSet chosen ? [.. chosen] : settings.Cpus,
            Samples = parsed.GetValue(_samples) ?? settings.Samples,
            RoundTrips = parsed.GetValue(_roundTrips) ?? settings.RoundTrips,
            MaxPairs = parsed.GetValue(_maxPairs) ?? settings.MaxPairs,
            Seed = parsed.GetValue(_seed) ?? settings.Seed,
        };
    }

    private static string Defaults<T>(Func<C2cSettings, T> value, ValueRange range) => ProfileDefaults.Text(p => C2cSettings.ForProfile(p, []), value, range);
}
