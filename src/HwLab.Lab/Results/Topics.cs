namespace HwLab.Lab.Results;

/// <summary>Stable keys for the claims the experiments test, so reports can set each claim of the seed beside its verdict.</summary>
public static class Topics
{
    public const string SeedMemory = "seed.memory";
    public const string SeedFalseSharing = "seed.false-sharing";
    public const string SeedSharersByPlacement = "seed.sharers-by-placement";
    public const string SeedColumnOrder = "seed.column-order";
    public const string SeedColumnOrderThroughput = "seed.column-order-throughput";
    public const string SeedRandomAfterFirstRound = "seed.after-first-round-order";
    public const string SeedNotNoticeableAfterFirstRound = "seed.after-first-round-false-sharing";
    public const string SeedClusterLockScaling = "seed.cluster-lock-scaling";
    public const string ReviewBitLockSlow = "review.bitlock-slow";
    public const string MergedSpinlockFaster = "merged.spinlock-faster";
    public const string MergedSlotsCache = "merged.slots-cache";
    public const string ManagedFalseSharing = "managed.false-sharing";
    public const string ManagedBitLockCost = "managed.bitlock-cost";
    public const string ManagedCoreToCore = "managed.c2c";
    public const string PaddingOneLine = "padding.one-line";
    public const string LocksFairness = "locks.fairness";
    public const string Reserve2015 = "reserve.2015";
    public const string ReserveFavor = "reserve.favor";
    public const string ReserveReaper = "reserve.reaper";
    public const string ReserveReaperMmapSem = "reserve.reaper-mmap-sem";
    public const string ReserveSafetyRoom = "reserve.safety-room";
}
