using HwLab.Lab.Experiments.Setup;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Experiments.Reserve;

/// <summary>`hwlab run reserve`'s options, and the settings they make.</summary>
internal static class ReserveOptions
{
    private static readonly ReserveScenario s_scenario = new();

    private static readonly SettingOption<IReadOnlyList<string>> s_policies = SettingOption.Names(
        "--policies",
        $"Reserve policies: 2015 (stock 4.2: ALLOC_NO_WATERMARKS for the OOM victim only), favor (the 2015 proposal: also ALLOC_HIGH for kernel threads and dying tasks), reaper (4.6's OOM reaper and 4.15's ALLOC_OOM, half of min) {Defaults(s => s.Policies)}",
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
        "--exit-pages", $"Pages the OOM victim allocates on its way out, once past the lock {ProfileDefaults.With($"{s_scenario.ExitPages}", ReserveSettings.ExitPagesRange)}", "N", ReserveSettings.ExitPagesRange);
    private static readonly SettingOption<string> s_lockHolder = SettingOption.OneName(
        "--lock-holder",
        $"Who holds the lock the OOM victim waits for while its GFP_NOFS allocation loops: kthread (the writeback kernel thread) or thread (a thread of the victim, dying after the kill) {ProfileDefaults.With(LockHolders.Name(s_scenario.LockHolder), null)}",
        LockHolders.Names);
    private static readonly SettingOption<string> s_lock = SettingOption.OneName(
        "--lock",
        $"The lock: xfs (an XFS inode lock) or mmap-sem (the victim's mmap_sem held for writing; needs --lock-holder thread) {ProfileDefaults.With(VictimLocks.Name(s_scenario.Lock), null)}",
        VictimLocks.Names);
    private static readonly SettingOption<bool> s_nofsCanFail = SettingOption.Flag(
        "--nofs-can-fail",
        "The kernel of the seed's log: its \"GFP_NOFS can fail\" debug patch fails an allocation without __GFP_FS where stock 4.2 loops, so XFS retries and prints \"possible memory allocation deadlock ... (mode:0x250)\" every 100th retry [default: off, stock 4.2]");
    private static readonly SettingOption<long> s_maxTicks = SettingOption.LongWholeNumber(
        "--max-ticks", $"Time bound of a deterministic run, in ticks (a congestion wait is 20) {Defaults(s => s.Scenario.MaxTicks, ReserveSettings.MaxTicksRange)}", "N", ReserveSettings.MaxTicksRange);
    private static readonly SettingOption<int> s_duration = SettingOption.WholeNumber(
        "--duration-ms", $"Time bound of a threaded run {Defaults(s => s.ThreadedDuration, ReserveSettings.DurationMillisecondsRange)}", "MS", ReserveSettings.DurationMillisecondsRange);
    private static readonly SettingOption<int> s_repeats = SettingOption.WholeNumber(
        "--repeats", $"Threaded runs per policy {Defaults(s => s.Repeats, ReserveSettings.RepeatsRange)}", "N", ReserveSettings.RepeatsRange);
    private static readonly SettingOption<int> s_seed = SharedOptions.Seed("the deterministic scheduler", s_scenario.Seed);

    public static IReadOnlyList<SettingOption> All { get; } =
        [s_policies, s_modes, s_zonePages, s_minFree, s_scale, s_writers, s_exitPages, s_lockHolder, s_lock, s_nofsCanFail, s_maxTicks, s_duration, s_repeats, s_seed];

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
                LockHolder = given.TryGet(s_lockHolder, out string? holder) ? LockHolders.Parse(holder) : scenario.LockHolder,
                Lock = given.TryGet(s_lock, out string? victimLock) ? VictimLocks.Parse(victimLock) : scenario.Lock,
                NofsCanFail = given.Or(s_nofsCanFail, scenario.NofsCanFail),
                MaxTicks = given.Or(s_maxTicks, scenario.MaxTicks),
                Seed = given.Or(s_seed, scenario.Seed),
            },
            Repeats = given.Or(s_repeats, settings.Repeats),
            ThreadedDuration = given.TryGet(s_duration, out int ms) ? TimeSpan.FromMilliseconds(ms) : settings.ThreadedDuration,
        };
    }

    private static string Defaults<T>(Func<ReserveSettings, T> value, ValueRange? range = null) => ProfileDefaults.Text(ReserveSettings.ForProfile, value, range);
}
