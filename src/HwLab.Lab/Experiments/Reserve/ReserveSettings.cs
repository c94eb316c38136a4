using HwLab.Lab.Experiments.Setup;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Experiments.Reserve;

/// <summary>Settings of the reserve experiment.</summary>
/// <param name="Policies">2015, favor, reaper.</param>
/// <param name="Modes">deterministic (one seeded scheduler), threaded (every task a thread).</param>
/// <param name="Repeats">Threaded runs per policy (a deterministic run gives the same result every time, so it runs once).</param>
/// <param name="ThreadedDuration">The time bound of a threaded run.</param>
public sealed record ReserveSettings(
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Modes,
    ReserveScenario Scenario,
    int Repeats,
    TimeSpan ThreadedDuration)
{
    public static IReadOnlyList<string> KnownModes { get; } = [ReserveOutcome.Deterministic, ReserveOutcome.Threaded];

    /// <summary>
    /// Pages of 4 KiB in the zone, each a real page faulted in for every run: at least 128, room for
    /// a writeback batch (32), the consumer's 64 pages and the dirty limit (a fifth of the zone)
    /// above the smallest watermarks; at most 262 144 (1 GiB), which the consumer, a page a tick,
    /// takes longer to fill than the longest deterministic run (<see cref="MaxTicksRange"/>) lasts.
    /// Whether the zone fits the other settings is checked with them.
    /// </summary>
    public static ValueRange ZonePagesRange { get; } = new(128, 262_144);

    /// <summary>min_free_kbytes: at least a page (4 KiB); at most 256 MiB. Whether the watermarks fit the zone is checked with it.</summary>
    public static ValueRange MinFreeKbytesRange { get; } = new(4, 262_144);

    /// <summary>
    /// watermark_scale_factor: the sysctl's own range in the kernels this models (its table entry
    /// since 4.6 has extra1 = one, extra2 = one_thousand); later kernels raised the top to 3000.
    /// </summary>
    public static ValueRange WatermarkScaleFactorRange { get; } = new(1, 1_000);

    /// <summary>File writers: each is a thread in threaded mode, and the deterministic scheduler looks at every task each tick; 64 is far past what the reproducer runs (2).</summary>
    public static ValueRange WritersRange { get; } = new(1, 64);

    /// <summary>Pages the OOM victim allocates on its way out: at least 1; at most 65 536. Whether they fit the zone is checked with it.</summary>
    public static ValueRange ExitPagesRange { get; } = new(1, 65_536);

    /// <summary>
    /// Ticks of a deterministic run: at least ten times the consumer's start (200); at most a
    /// million, under a minute of stepping even with every writer, and 10 000 timeline points.
    /// </summary>
    public static ValueRange MaxTicksRange { get; } = new(2_000, 1_000_000);

    /// <summary>Milliseconds of a threaded run: at least 100 (2000 ticks, ten times the consumer's start); at most a minute.</summary>
    public static ValueRange DurationMillisecondsRange { get; } = new(100, 60_000);

    /// <summary>Threaded runs per policy: at most 1000; together with the duration and the policies a run is also held to a day.</summary>
    public static ValueRange RepeatsRange { get; } = new(1, 1_000);

    public static ReserveSettings ForProfile(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => new ReserveSettings(ReservePolicies.Names, KnownModes, new ReserveScenario(), 1, TimeSpan.FromMilliseconds(500)),
        SuiteProfile.Full => new ReserveSettings(ReservePolicies.Names, KnownModes, new ReserveScenario { MaxTicks = 240_000 }, 5, TimeSpan.FromSeconds(3)),
        _ => new ReserveSettings(ReservePolicies.Names, KnownModes, new ReserveScenario(), 3, TimeSpan.FromSeconds(1)),
    };
}
