using HwLab.Lab.Experiments.Setup;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Experiments.Reserve;

/// <summary>`hwlab run reserve`'s options, and the settings they make.</summary>
internal static class ReserveOptions
{
    private static readonly ReserveScenario s_scenario = new();

    private static readonly SettingOption<IReadOnlyList<string>> s_policies = SettingOption.Names(
        "--policies",
        $"Reserve policies: 2015 (no boost), favor (ALLOC_HIGH for kernel threads and dying tasks), reaper (OOM reaper and ALLOC_OOM) {Defaults(s => s.Policies)}",
        ReservePolicies.Names);
    private static readonly SettingOption<IReadOnlyList<string>> s_modes = SettingOption.Names(
        "--modes", $"deterministic (one seeded scheduler, the same result every run), threaded (every task a thread) {Defaults(s => s.Modes)}", ReserveSettings.KnownModes);
    private static readonly SettingOption<long> s_zonePages = SettingOption.LongWholeNumber(
        "--zone-pages", $"Pages of 4 KiB in the zone {ProfileDefaults.With($"{s_scenario.ZonePages}", ReserveSettings.ZonePagesRange)}", "N", ReserveSettings.ZonePagesRange);
    private static readonly SettingOption<long> s_minFree = SettingOption.LongWholeNumber(
        "--min-free-kbytes", $"min_free_kbytes: the min watermark in KiB {ProfileDefaults.With($"{s_scenario.MinFreeKbytes}", ReserveSettings.MinFreeKbytesRange)}", "KIB", ReserveSettings.MinFreeKbytesRange);
    private static readonly SettingOption<int> s_scale = SettingOption.WholeNumber(
        "--watermark-scale-factor",
        $"watermark_scale_factor, in ten-thousandths of the zone {ProfileDefaults.With($"{s_scenario.WatermarkScaleFactor}", ReserveSettings.WatermarkScaleFactorRange)}",
        "N",
        ReserveSettings.WatermarkScaleFactorRange);
    private static readonly SettingOption<int> s_writers = SettingOption.WholeNumber(
        "--writers", $"File writers {ProfileDefaults.With($"{s_scenario.FileWriters}", ReserveSettings.WritersRange)}", "N", ReserveSettings.WritersRange);
    private static readonly SettingOption<int> s_exitPages = SettingOption.WholeNumber(
        "--exit-pages", $"Pages the OOM victim must allocate to exit {ProfileDefaults.With($"{s_scenario.ExitPages}", ReserveSettings.ExitPagesRange)}", "N", ReserveSettings.ExitPagesRange);
    private static readonly SettingOption<long> s_maxTicks = SettingOption.LongWholeNumber(
        "--max-ticks", $"Time bound of a deterministic run, in ticks (a congestion wait is 20) {Defaults(s => s.Scenario.MaxTicks, ReserveSettings.MaxTicksRange)}", "N", ReserveSettings.MaxTicksRange);
    private static readonly SettingOption<int> s_duration = SettingOption.WholeNumber(
        "--duration-ms", $"Time bound of a threaded run {Defaults(s => s.ThreadedDuration, ReserveSettings.DurationMillisecondsRange)}", "MS", ReserveSettings.DurationMillisecondsRange);
    private static readonly SettingOption<int> s_repeats = SettingOption.WholeNumber(
        "--repeats", $"Threaded runs per policy {Defaults(s => s.Repeats, ReserveSettings.RepeatsRange)}", "N", ReserveSettings.RepeatsRange);
    private static readonly SettingOption<int> s_seed = SharedOptions.Seed("the deterministic scheduler", s_scenario.Seed);

    public static IReadOnlyList<SettingOption> All { get; } =
        [s_policies, s_modes, s_zonePages, s_minFree, s_scale, s_writers, s_exitPages, s_maxTicks, s_duration, s_repeats, s_seed];

    public static ReserveSettings Apply(ReserveSettings settings, ISettingValues given)
    {
        ReserveScenario scenario = settings.Scenario;
        return settings with
        {
            Policies = given.Or(s_policies, settings.Policies),
            Modes = given.Or(s_modes, settings.Modes),
            Scenario = scenario with
            {
                ZonePages = given.Or(s_zonePages, scenario.ZonePages),
                MinFreeKbytes = given.Or(s_minFree, scenario.MinFreeKbytes),
                WatermarkScaleFactor = given.Or(s_scale, scenario.WatermarkScaleFactor),
                FileWriters = given.Or(s_writers, scenario.FileWriters),
                ExitPages = given.Or(s_exitPages, scenario.ExitPages),
                MaxTicks = given.Or(s_maxTicks, scenario.MaxTicks),
                Seed = given.Or(s_seed, scenario.Seed),
            },
            Repeats = given.Or(s_repeats, settings.Repeats),
            ThreadedDuration = given.TryGet(s_duration, out int ms) ? TimeSpan.FromMilliseconds(ms) : settings.ThreadedDuration,
        };
    }

    private static string Defaults<T>(Func<ReserveSettings, T> value, ValueRange? range = null) => ProfileDefaults.Text(ReserveSettings.ForProfile, value, range);
}
