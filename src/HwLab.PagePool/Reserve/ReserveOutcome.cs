using HwLab.PagePool.Zones;

namespace HwLab.PagePool.Reserve;

/// <summary>What one run of the scenario under one policy came to. Times are in ticks (a congestion wait is 20).</summary>
/// <param name="EndTick">The bound the run ended at.</param>
/// <param name="Recovered">Free pages climbed back to the high watermark after they had fallen to min.</param>
/// <param name="TimeToRecover">Ticks from the first fall to min until recovery; null if it never came.</param>
/// <param name="WrittenBackAfterKill">Pages written back after the first OOM kill (forward progress when it matters).</param>
/// <param name="Dependency">The lock dependency between the OOM victim and the lock holder, as the run left it.</param>
/// <param name="Reaper">What the OOM reaper did (nothing outside the reaper policy).</param>
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
    LockDependency Dependency,
    ReaperRecord Reaper,
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

    /// <summary>The run ended in the seed's livelock: see <see cref="LockDependency.Livelocked"/>.</summary>
    public bool Livelocked => Dependency.Livelocked;
}

/// <summary>The lock dependency at the end of a run.</summary>
/// <param name="Lock">The lock, as a kernel engineer names it: the XFS inode lock, mmap_sem.</param>
/// <param name="Holder">The thread that takes the lock around its allocation, with its comm: writeback (kworker/u16:29).</param>
/// <param name="Livelocked">
/// At the end the OOM victim was waiting for the lock, the holder had it and was inside an
/// allocation that had not got its page, the victim's mm was still not freed, and free pages had
/// not recovered: nobody could free memory, and nobody would.
/// </param>
/// <param name="Victim">The thread the OOM killer marked, or null if there was no kill.</param>
/// <param name="VictimReserveAccess">The slow-path flags the victim's allocations carried once marked.</param>
/// <param name="VictimExited">The marked thread left its mm.</param>
/// <param name="MmFreed">Every thread of the victim process exited and its mm went back to the zone.</param>
/// <param name="HolderFlags">The slow-path flags of the holder's allocation on its last pass, or null if it never needed the slow path.</param>
/// <param name="HolderPassesInHand">Passes the holder's current allocation has made without a page (0 when it holds none).</param>
/// <param name="HolderPagesBelowMin">Pages the holder got while free pages stood at or below min: only reserve access reaches those.</param>
/// <param name="HolderFailures">Allocations handed back to the holder as failed (never on stock 4.2).</param>
/// <param name="HolderXfsRetries">XFS's retries of the holder's allocation in hand.</param>
public sealed record LockDependency(
    string Lock,
    string Holder,
    bool Livelocked,
    string? Victim,
    AllocFlags? VictimReserveAccess,
    bool VictimExited,
    bool MmFreed,
    AllocFlags? HolderFlags,
    long HolderPassesInHand,
    long HolderPagesBelowMin,
    long HolderFailures,
    long HolderXfsRetries);

/// <summary>What the OOM reaper did.</summary>
/// <param name="Attempts">Tries at the victim's mmap_sem.</param>
/// <param name="Reaped">It freed the victim's anonymous memory.</param>
/// <param name="GaveUp">It gave up after MAX_OOM_REAP_RETRIES tries, mmap_sem held for writing.</param>
public sealed record ReaperRecord(int Attempts, bool Reaped, bool GaveUp)
{
    public static ReaperRecord None { get; } = new(0, false, false);
}
