using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Native.Topology;
using HwLab.PagePool.Reserve;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run reserve`.</summary>
internal static class ReserveRunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        ReserveExperiment experiment = ExperimentCatalog.Reserve;
        var profile = new ProfileOptions();
        var outputOptions = new RunOutputOptions();
        var scenario = new ReserveScenario();
        Option<string[]?> policies = CliOptions.NameList("--policies", $"Reserve policies: 2015 (no boost), favor (ALLOC_HIGH for kernel threads and dying tasks), reaper (OOM reaper and ALLOC_OOM) {Defaults(s => s.Policies)}", ReservePolicies.Names);
        Option<string[]?> modes = CliOptions.NameList("--modes", $"deterministic (one seeded scheduler, the same result every run), threaded (every task a thread) {Defaults(s => s.Modes)}", ReserveSettings.KnownModes);
        Option<long?> zonePages = CliOptions.Long("--zone-pages", $"Pages of 4 KiB in the zone [default: {scenario.ZonePages}]", "N", _ => true, "a whole number");
        Option<long?> minFree = CliOptions.Long("--min-free-kbytes", $"min_free_kbytes: the min watermark in KiB [default: {scenario.MinFreeKbytes}]", "KIB", _ => true, "a whole number");
        Option<int?> scale = CliOptions.Int("--watermark-scale-factor", $"watermark_scale_factor, in ten-thousandths of the zone [default: {scenario.WatermarkScaleFactor}]", "N", _ => true, "a whole number");
        Option<int?> writers = CliOptions.Int("--writers", $"File writers [default: {scenario.FileWriters}]", "N", _ => true, "a whole number");
        Option<int?> exitPages = CliOptions.Int("--exit-pages", $"Pages the OOM victim must allocate to exit [default: {scenario.ExitPages}]", "N", _ => true, "a whole number");
        Option<long?> maxTicks = CliOptions.Long("--max-ticks", $"Time bound of a deterministic run, in ticks (a congestion wait is 20) {Defaults(s => s.Scenario.MaxTicks)}", "N", v => v >= 1, "a positive number");
        Option<int?> duration = CliOptions.Int("--duration-ms", $"Time bound of a threaded run {Defaults(s => s.ThreadedDuration)}", "MS", v => v >= 1, "a positive number");
        Option<int?> repeats = CliOptions.Int("--repeats", $"Threaded runs per policy {Defaults(s => s.Repeats)}", "N", v => v >= 1, "a positive number");
        Option<int?> seed = CliOptions.Int("--seed", $"Seed of the deterministic scheduler [default: {scenario.Seed}]", "N", _ => true, "a whole number");
        var command = new Command(experiment.Name, experiment.Description) { policies, modes, zonePages, minFree, scale, writers, exitPages, maxTicks, duration, repeats, seed };
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            ReserveSettings settings = experiment.DefaultSettings(profile.Read(parsed), topology);
            ReserveScenario chosen = settings.Scenario with
            {
                ZonePages = parsed.GetValue(zonePages) ?? settings.Scenario.ZonePages,
                MinFreeKbytes = parsed.GetValue(minFree) ?? settings.Scenario.MinFreeKbytes,
                WatermarkScaleFactor = parsed.GetValue(scale) ?? settings.Scenario.WatermarkScaleFactor,
                FileWriters = parsed.GetValue(writers) ?? settings.Scenario.FileWriters,
                ExitPages = parsed.GetValue(exitPages) ?? settings.Scenario.ExitPages,
                MaxTicks = parsed.GetValue(maxTicks) ?? settings.Scenario.MaxTicks,
                Seed = parsed.GetValue(seed) ?? settings.Scenario.Seed,
            };
            settings = settings with
            {
                Policies = CliOptions.GivenOr(parsed.GetValue(policies), settings.Policies),
                Modes = CliOptions.GivenOr(parsed.GetValue(modes), settings.Modes),
                Scenario = chosen,
                Repeats = parsed.GetValue(repeats) ?? settings.Repeats,
                ThreadedDuration = parsed.GetValue(duration) is int ms ? TimeSpan.FromMilliseconds(ms) : settings.ThreadedDuration,
            };
            return RunPipeline.Execute(experiment, settings, topology, outputOptions.Read(parsed), output, error);
        });
        return command;
    }

    private static string Defaults<T>(Func<ReserveSettings, T> value) => ProfileDefaults.Text(ReserveSettings.ForProfile, value);
}
