using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Reserve;
using HwLab.Native.Topology;
using HwLab.PagePool.Reserve;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run reserve`: its options, and the settings they make (built apart from the run, so they can be checked without one).</summary>
internal sealed class ReserveRunCommand : ExperimentRunCommand<ReserveSettings>
{
    private static readonly ReserveScenario s_scenario = new();

    private readonly Option<string[]?> _policies = CliOptions.NameList(
        "--policies",
        $"Reserve policies: 2015 (stock 4.2: ALLOC_NO_WATERMARKS for the OOM victim only), favor (the 2015 proposal: also ALLOC_HIGH for kernel threads and dying tasks), reaper (4.6's OOM reaper and 4.15's ALLOC_OOM, half of min) {Defaults(s => s.Policies)}",
        ReservePolicies.Names);
    private readonly Option<string[]?> _modes = CliOptions.NameList(
        "--modes", $"deterministic (one seeded scheduler, the same result every run), threaded (every task a thread) {Defaults(s => s.Modes)}", ReserveSettings.KnownModes);
    private readonly Option<long?> _zonePages = CliOptions.Long(
        "--zone-pages", $"Pages of 4 KiB in the zone {ProfileDefaults.With($"{s_scenario.ZonePages}", ReserveSettings.ZonePagesRange)}", "N", ReserveSettings.ZonePagesRange);
    private readonly Option<long?> _minFree = CliOptions.Long(
        "--min-free-kbytes", $"min_free_kbytes: the min watermark in KiB {ProfileDefaults.With($"{s_scenario.MinFreeKbytes}", ReserveSettings.MinFreeKbytesRange)}", "KIB", ReserveSettings.MinFreeKbytesRange);
    private readonly Option<int?> _scale = CliOptions.Int(
        "--watermark-scale-factor",
        $"watermark_scale_factor, in ten-thousandths of the zone {ProfileDefaults.With($"{s_scenario.WatermarkScaleFactor}", ReserveSettings.WatermarkScaleFactorRange)}",
        "N",
        ReserveSettings.WatermarkScaleFactorRange);
    private readonly Option<int?> _writers = CliOptions.Int("--writers", $"File writers {ProfileDefaults.With($"{s_scenario.FileWriters}", ReserveSettings.WritersRange)}", "N", ReserveSettings.WritersRange);
    private readonly Option<int?> _exitPages = CliOptions.Int(
        "--exit-pages", $"Pages the OOM victim allocates on its way out, once past the lock {ProfileDefaults.With($"{s_scenario.ExitPages}", ReserveSettings.ExitPagesRange)}", "N", ReserveSettings.ExitPagesRange);
    private readonly Option<string?> _lockHolder = CliOptions.Choice(
        "--lock-holder",
        $"Who holds the lock the OOM victim waits for while its GFP_NOFS allocation loops: kthread (the writeback kernel thread) or thread (a thread of the victim, dying after the kill) {ProfileDefaults.With(LockHolders.Name(s_scenario.LockHolder), null)}",
        LockHolders.Names);
    private readonly Option<string?> _lock = CliOptions.Choice(
        "--lock",
        $"The lock: xfs (an XFS inode lock) or mmap-sem (the victim's mmap_sem held for writing; needs --lock-holder thread) {ProfileDefaults.With(VictimLocks.Name(s_scenario.Lock), null)}",
        VictimLocks.Names);
    private readonly Option<bool> _nofsCanFail = new("--nofs-can-fail")
    {
        Description = "The kernel of the seed's log: its \"GFP_NOFS can fail\" debug patch fails an allocation without __GFP_FS where stock 4.2 loops, so XFS retries and prints \"possible memory allocation deadlock ... (mode:0x250)\" every 100th retry [default: off, stock 4.2]",
    };
    private readonly Option<long?> _maxTicks = CliOptions.Long(
        "--max-ticks", $"Time bound of a deterministic run, in ticks (a congestion wait is 20) {Defaults(s => s.Scenario.MaxTicks, ReserveSettings.MaxTicksRange)}", "N", ReserveSettings.MaxTicksRange);
    private readonly Option<int?> _duration = CliOptions.Int(
        "--duration-ms", $"Time bound of a threaded run {Defaults(s => s.ThreadedDuration, ReserveSettings.DurationMillisecondsRange)}", "MS", ReserveSettings.DurationMillisecondsRange);
    private readonly Option<int?> _repeats = CliOptions.Int("--repeats", $"Threaded runs per policy {Defaults(s => s.Repeats, ReserveSettings.RepeatsRange)}", "N", ReserveSettings.RepeatsRange);
    private readonly Option<int?> _seed = CliOptions.Int("--seed", $"Seed of the deterministic scheduler {ProfileDefaults.With($"{s_scenario.Seed}", ExperimentLimits.Seed)}", "N", ExperimentLimits.Seed);

    public ReserveRunCommand()
        : base(ExperimentCatalog.Reserve)
    {
    }

    public static Command Create(TextWriter output, TextWriter error) => new ReserveRunCommand().Build(output, error);

    protected override bool SamplesInRounds => false;

    protected override IEnumerable<Option> Options() => [_policies, _modes, _zonePages, _minFree, _scale, _writers, _exitPages, _lockHolder, _lock, _nofsCanFail, _maxTicks, _duration, _repeats, _seed];

    internal override ReserveSettings BuildSettings(ParseResult parsed, CpuTopology topology)
    {
        ReserveSettings settings = Experiment.DefaultSettings(ReadProfile(parsed), topology);
        ReserveScenario chosen = settings.Scenario with
        {
            ZonePages = parsed.GetValue(_zonePages) ?? settings.Scenario.ZonePages,
            MinFreeKbytes = parsed.GetValue(_minFree) ?? settings.Scenario.MinFreeKbytes,
            WatermarkScaleFactor = parsed.GetValue(_scale) ?? settings.Scenario.WatermarkScaleFactor,
            FileWriters = parsed.GetValue(_writers) ?? settings.Scenario.FileWriters,
            ExitPages = parsed.GetValue(_exitPages) ?? settings.Scenario.ExitPages,
            LockHolder = parsed.GetValue(_lockHolder) is string holder ? LockHolders.Parse(holder) : settings.Scenario.LockHolder,
            Lock = parsed.GetValue(_lock) is string victimLock ? VictimLocks.Parse(victimLock) : settings.Scenario.Lock,
            NofsCanFail = parsed.GetValue(_nofsCanFail) || settings.Scenario.NofsCanFail,
            MaxTicks = parsed.GetValue(_maxTicks) ?? settings.Scenario.MaxTicks,
            Seed = parsed.GetValue(_seed) ?? settings.Scenario.Seed,
        };
        return settings with
        {
            Policies = CliOptions.GivenOr(parsed.GetValue(_policies), settings.Policies),
            Modes = CliOptions.GivenOr(parsed.GetValue(_modes), settings.Modes),
            Scenario = chosen,
            Repeats = parsed.GetValue(_repeats) ?? settings.Repeats,
            ThreadedDuration = parsed.GetValue(_duration) is int ms ? TimeSpan.FromMilliseconds(ms) : settings.ThreadedDuration,
        };
    }

    private static string Defaults<T>(Func<ReserveSettings, T> value, ValueRange? range = null) => ProfileDefaults.Text(ReserveSettings.ForProfile, value, range);
}
