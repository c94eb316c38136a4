using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>What one run of the scenario under one policy came to. Times are in ticks (a congestion wait is 20).</summary>
/// <param name="EndTick">The bound the run ended at.</param>
/// <param name="Recovered">Free pages climbed back to the high watermark after they had fallen to min.</param>
/// <param name="TimeToRecover">Ticks from the first fall to min until recovery; null if it never came.</param>
/// <param name="WrittenBackAfterKill">Pages written back after the first OOM kill (forward progress when it matters).</param>
/// <param name="Stalled">No recovery, and no writeback at all in the last quarter of the run.</param>
/// <param name="DeepestFree">The fewest free pages seen.</param>
/// <param name="ReachedZero">Free pages hit zero: no safety room left.</param>
/// <param name="Violations">Broken page accounting (a page handed out twice or lost); empty when every step balanced.</param>
/// <param name="WallMilliseconds">Threaded mode: how long the run took; null in deterministic mode.</param>
public sealed record ReserveOutcome(
    ReservePolicy Policy,
    string Mode,
    long EndTick,
    Watermarks Watermarks,
    long ZonePages,
    bool Recovered,
    long? TimeToRecover,
    long WrittenBack,
    long WrittenBackAfterKill,
    long? LastWritebackTick,
    bool Stalled,
    long Warnings,
    int OomKills,
    long DeepestFree,
    bool ReachedZero,
    IReadOnlyList<(long Tick, long Free)> Timeline,
    IReadOnlyList<ReserveEvent> Events,
    IReadOnlyList<string> Violations,
    double? WallMilliseconds)
{
    public const string Deterministic = "deterministic";
    public const string Threaded = "threaded";

    /// <summary>Pages below the min watermark at the deepest point (0 if free never went under min).</summary>
    public long DipBelowMin => Math.Max(0, Watermarks.Min - DeepestFree);
}
