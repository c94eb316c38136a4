using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Layout;
using HwLab.Native;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Swap;

public sealed partial class SwapExperiment
{
    private static string Workers(PointResult p) => p.Key(SwapKeys.Workers);

    private static bool Same(PointResult a, PointResult b, params string[] except)
        => a.Keys.Where(k => !except.Contains(k.Key)).All(k => b.Keys.TryGetValue(k.Key, out string? v) && v == k.Value);

    // Per point: ops/s per worker, scaling against the same device with one worker, and the share
    // of new-cluster picks that landed in a line with another worker's current cluster.
    private static PointResult WithDerived(PointResult point, IReadOnlyList<PointResult> all)
    {
        int workers = int.Parse(Workers(point), CultureInfo.InvariantCulture);
        var derived = new Dictionary<string, double>
        {
            ["opsPerSecondPerWorker"] = point.Stats.Median / workers,
        };
        PointResult? alone = all.FirstOrDefault(p => Workers(p) == "1" && Same(p, point, SwapKeys.Workers, WorkerRelation.Key));
        if (alone is not null)
        {
            derived[SwapKeys.Scaling] = PointFigures.Ratio(point.Stats, alone.Stats);
        }
        double Sum(string extra) => point.Samples.Sum(s => s.Extras.GetValueOrDefault(extra));
        double firstPicks = Sum("picks");
        double recycledPicks = Sum("recycledPicks");
        derived["firstRoundPicksPerSample"] = firstPicks / point.Samples.Count;
        derived["recycledPicksPerSample"] = recycledPicks / point.Samples.Count;
        // First-round picks where there are any; a churned device has only recycled ones.
        derived[SwapKeys.SameLineShare] = firstPicks > 0 ? Sum("sameLinePicks") / firstPicks
            : recycledPicks > 0 ? Sum("recycledSameLinePicks") / recycledPicks
            : 0;
        derived["recycledSameLineShare"] = recycledPicks == 0 ? 0 : Sum("recycledSameLinePicks") / recycledPicks;
        long operations = point.Samples.Sum(s => s.Operations);
        derived[SwapKeys.SwapInfoLocksPerOperation] = operations == 0 ? 0 : Sum(SwapKeys.SwapInfoLocks) / operations;
        return point with { Derived = derived };
    }

    // One sample's share of new-cluster picks that landed in a line with another worker's current
    // cluster: first-round picks where there are any, else recycled ones (a churned device has only those).
    private static double SameLineShare(SampleRecord s)
    {
        double picks = s.Extras.GetValueOrDefault("picks");
        double recycled = s.Extras.GetValueOrDefault("recycledPicks");
        return picks > 0 ? s.Extras.GetValueOrDefault("sameLinePicks") / picks
            : recycled > 0 ? s.Extras.GetValueOrDefault("recycledSameLinePicks") / recycled
            : double.NaN;
    }

    private static string ModeOf(IReadOnlyList<PointResult> points) => points.Any(p => p.Key(SwapKeys.Mode) == "bitlock") ? "bitlock" : points[0].Key(SwapKeys.Mode);

    // A claim on the points of the most workers at each mode's claim layout, one per (mode, order, phase) asked for.
    private static Claim OnPoints(string topic, DecisionRule rule, int most, (string? Mode, string Order, string? Phase)[] wanted, Func<IReadOnlyList<SampleRecord>, double> figure)
        => new(topic, rule, points =>
        {
            if (most < 2 || points.Count == 0)
            {
                return null;
            }
            PointResult?[] found = [.. wanted.Select(w => Find(points, w.Mode ?? ModeOf(points), w.Order, most, w.Phase))];
            return found.Any(p => p is null) ? null : RoundFigures.PerRound([.. found.OfType<PointResult>()], figure);
        });

    private static IReadOnlyList<Claim> SwapClaims(int most) =>
    [
        OnPoints(Topics.SeedColumnOrder, DecisionRule.AtMost("same-line share of first-round picks, column order over sequential order, per round", 0.25), most,
            [(null, "columns", null), (null, "sequential", null)], r => SameLineShare(r[0]) / SameLineShare(r[1])),
        ClusterLockScaling,
        OnPoints(Topics.MergedSpinlockFaster, DecisionRule.Above("ops/s with the cluster spinlock over ops/s with the cluster bit lock, per round", 1.0), most,
            [("spinlock", "columns", null), ("bitlock", "columns", null)], r => r[0].Value / r[1].Value),
    ];

    // The seed's scaling claim decided on the curves, not on one point: per round, the geometric mean
    // over every worker count from 2 up of the bit lock's ops/s over the device lock's at that count
    // (4.10's device lock in its cluster order at 4 bytes, the seed's bit lock in its columns at 8), so
    // each doubling of the workers weighs alike. With one count above 1 it is the ratio at that count.
    internal static Claim ClusterLockScaling { get; } = new(
        Topics.SeedClusterLockScaling,
        DecisionRule.Above("geometric mean over the worker counts from 2 up of ops/s with the cluster bit lock over ops/s under the device lock, per round", 1.0),
        points => ClusterLockCounts(points) is { Length: > 0 } counts
            ? RoundFigures.PerRound([.. counts.SelectMany(n => new[] { Find(points, "bitlock", "columns", n)!, Find(points, "device", "sequential", n)! })], GeometricMeanOfRatios)
            : null);

    // The worker counts from 2 up at which both the bit lock and the device lock were measured.
    private static int[] ClusterLockCounts(IReadOnlyList<PointResult> points)
        => [.. points.Select(p => int.Parse(Workers(p), CultureInfo.InvariantCulture)).Where(n => n >= 2).Distinct().Order()
            .Where(n => Find(points, "bitlock", "columns", n) is not null && Find(points, "device", "sequential", n) is not null)];

    // One round's samples in pairs (bit lock, device lock) per worker count: the geometric mean of the
    // pairs' ratios; not defined where a ratio is not a positive number.
    private static double GeometricMeanOfRatios(IReadOnlyList<SampleRecord> round)
    {
        double logs = 0;
        for (int i = 0; i + 1 < round.Count; i += 2)
        {
            double ratio = round[i].Value / round[i + 1].Value;
            if (!(ratio > 0) || !double.IsFinite(ratio))
            {
                return double.NaN;
            }
            logs += Math.Log(ratio);
        }
        return Math.Exp(logs / (round.Count / 2));
    }

    private static IReadOnlyList<Claim> ChurnClaims(int most) =>
    [
        OnPoints(Topics.SeedRandomAfterFirstRound, DecisionRule.AtMost("gap between the orders' same-line shares after the churn over the gap in the first round, per round", 0.5), most,
            [(null, "columns", Churned), (null, "sequential", Churned), (null, "columns", FirstRound), (null, "sequential", FirstRound)],
            r => Math.Abs(SameLineShare(r[0]) - SameLineShare(r[1])) / Math.Abs(SameLineShare(r[2]) - SameLineShare(r[3]))),
        OnPoints(Topics.SeedNotNoticeableAfterFirstRound, DecisionRule.Above("ops/s of the churned device over the first round in column order, per round", 0.95), most,
            [(null, "columns", Churned), (null, "columns", FirstRound)], r => r[0].Value / r[1].Value),
    ];

    // The device lock alone ran only on the 4-byte form of 4.10 and before; the cluster locks are compared at 8 bytes.
    private static string ClaimLayout(string mode) => mode == "device" ? "4" : "8";

    private static PointResult? Find(IReadOnlyList<PointResult> points, string mode, string order, int workers, string? phase = null)
        => points.FirstOrDefault(p => p.Key(SwapKeys.Mode) == mode && p.Key(SwapKeys.Order) == order && p.Key(SwapKeys.Layout) == ClaimLayout(mode)
            && Workers(p) == workers.ToString(CultureInfo.InvariantCulture) && (phase is null || p.Key(SwapKeys.Phase) == phase));

    private static string Share(PointResult p) => Numbers.Percent(p.Derived[SwapKeys.SameLineShare]);

    private static string Rate(PointResult p) => $"{Numbers.Format(p.Stats.Median)} ops/s (CV {Numbers.Percent(p.Stats.CoefficientOfVariation)})";

    private static Verdict MemoryCost()
    {
        ClusterLayoutInfo bitfield = ClusterLayouts.Get(ClusterLayout.Bitfield4);
        ClusterLayoutInfo seed = ClusterLayouts.Get(ClusterLayout.Seed8);
        long extra = seed.MetadataBytesPerGiB - bitfield.MetadataBytesPerGiB;
        // Exact arithmetic on compiled sizes, not a measurement: the interval is the value itself.
        // "4k" is read as 4096 bytes, to within a byte.
        var rule = DecisionRule.Within("extra cluster_info bytes per GiB of swap, 8-byte layout over the 4-byte bitfield", 4096, 1);
        VerdictOutcome outcome = rule.Decide(extra, extra);
        var decision = new Decision(outcome, rule, extra, extra, extra, 1, $"Exact: {extra} bytes, from sizes that do not vary; {rule.ThresholdText}.", []);
        return Verdict.Decided(
            "The seed patch: growing swap_cluster_info from 4 to 8 bytes \"will use 4k more memory for every 1G swap space\".",
            $"{ByteSize.Format(seed.MetadataBytesPerGiB)} against {ByteSize.Format(bitfield.MetadataBytesPerGiB)} of cluster_info per GiB of swap: {ByteSize.Format(extra)} more",
            decision,
            $"1 GiB of swap is {Layout.Kernel.SwapCluster.ClustersPerGiB} clusters of 256 pages; sizes from the layouts checked against the C compiler.") with { Topic = Topics.SeedMemory, Source = ClaimSources.SeedPatch };
    }

    internal static List<Verdict> SwapVerdicts(IReadOnlyList<PointResult> points, int most)
    {
        var verdicts = new List<Verdict> { MemoryCost() };
        IReadOnlyList<Claim> claims = SwapClaims(most);
        string mode = ModeOf(points);
        PointResult? sequential = Find(points, mode, "sequential", most);
        PointResult? columns = Find(points, mode, "columns", most);
        const string coLocation = "The seed patch: in the first round, the column order of the free list keeps clusters that share a cache line away from each other, so workers' current clusters do not share lines.";
        if (most < 2)
        {
            verdicts.Add(new Verdict(coLocation, "-", VerdictOutcome.NotMeasurable, "Sharing a line needs two workers; this run had one CPU.") { Topic = Topics.SeedColumnOrder, Source = ClaimSources.SeedPatch });
        }
        else if (sequential is null || columns is null || claims[0].Decide(points) is not { } apart)
        {
            verdicts.Add(new Verdict(coLocation, "-", VerdictOutcome.NotMeasurable, $"It compares sequential and column order at {ClaimLayout(mode)} bytes; run both (--orders sequential,columns --layouts {ClaimLayout(mode)}).") { Topic = Topics.SeedColumnOrder, Source = ClaimSources.SeedPatch });
        }
        else
        {
            // Threads drift: a worker held up (preempted) while the other runs a whole column ahead can
            // meet a line again, so "keeps apart" means rarely, not never: at most a quarter of the
            // sequential order's share, round by round.
            verdicts.Add(Verdict.Decided(
                coLocation,
                $"{mode}, {most} workers: {Share(columns)} of new-cluster picks shared a line with another worker's cluster in column order, {Share(sequential)} in sequential order",
                apart,
                "Counted at every first-round pick (a cluster not yet freed back onto the list): does its swap_cluster_info sit in the same cache line as another worker's current cluster's?") with { Topic = Topics.SeedColumnOrder, Source = ClaimSources.SeedPatch });
            verdicts.Add(new Verdict(
                "The column order's effect on throughput in the first round.",
                $"columns {Rate(columns)}, sequential {Rate(sequential)}: {PointFigures.Times(PointFigures.Ratio(columns.Stats, sequential.Stats))}",
                VerdictOutcome.Info,
                "Each operation copies a 4 KiB page in and out; the cluster lock's share of the time sets how much false sharing can show.") { Topic = Topics.SeedColumnOrderThroughput });
        }

        // 4.10's device lock ran with the free list in cluster order; the seed's bit lock with its columns.
        PointResult? device = Find(points, "device", "sequential", most);
        PointResult? bitlock = Find(points, "bitlock", "columns", most);
        PointResult? spinlock = Find(points, "spinlock", "columns", most);
        const string scaling = "The seed patch: a lock per cluster lets swap_free and swap_duplicate run without si->lock, so workers scale better than under the device lock.";
        const string spinVsBit = "The review called bit_spin_lock() slow, and merged 4.11 replaced the bit lock with a spinlock_t in the cluster: swap operations run faster with the spinlock than with the bit lock.";
        const string spinVsBitSource = $"{ClaimSources.Review}; {ClaimSources.MergedCommit}";
        // The seed's claim is upstream's; its figure (the cover letter's) stays labelled as upstream's, beside ours.
        const string scalingSource = $"{ClaimSources.SeedPatch}; the +4% figure: {ClaimSources.SeedCoverLetter}";
        if (most < 2)
        {
            verdicts.Add(new Verdict(scaling, "-", VerdictOutcome.NotMeasurable, "Scaling needs two workers; this run had one CPU.") { Topic = Topics.SeedClusterLockScaling, Source = scalingSource });
            verdicts.Add(new Verdict(spinVsBit, "-", VerdictOutcome.NotMeasurable, "The difference shows under contention; this run had one CPU.") { Topic = Topics.MergedSpinlockFaster, Source = spinVsBitSource });
            return verdicts;
        }
        verdicts.Add(device is not null && bitlock is not null && claims[1].Decide(points) is { } scales
            ? Verdict.Decided(
                scaling,
                ScalingMeasured(points, bitlock, device, most, scales.Figure),
                scales,
                "Upstream's figure, not measured here: the v5 cover letter reports +4% swap-out throughput for patches 1-2 (the cluster lock) at 32 processes, vmstat 1 428 002 kB/s vanilla against 1 481 704 kB/s.") with { Topic = Topics.SeedClusterLockScaling, Source = scalingSource }
            : new Verdict(scaling, "-", VerdictOutcome.NotMeasurable, "It compares --modes device at 4 bytes in sequential order (as 4.10 had it) with bitlock at 8 bytes in column order.") { Topic = Topics.SeedClusterLockScaling, Source = scalingSource });
        if (Find(points, "merged-4.11", "columns", most) is { } merged && bitlock is not null)
        {
            verdicts.Add(MergedBesideSeed(merged, bitlock, most));
        }
        verdicts.Add(spinlock is not null && bitlock is not null && claims[2].Decide(points) is { } faster
            ? Verdict.Decided(
                spinVsBit,
                $"spinlock {Rate(spinlock)}, bitlock {Rate(bitlock)}: {PointFigures.Times(faster.Figure)} per round",
                faster,
                "No figure comparing the two forms was found in the mails or the commit: this comparison is HwLab's own, on the same workload in one run.") with { Topic = Topics.MergedSpinlockFaster, Source = spinVsBitSource }
            : new Verdict(spinVsBit, "-", VerdictOutcome.NotMeasurable, "It compares --modes bitlock and spinlock in column order at 8 bytes.") { Topic = Topics.MergedSpinlockFaster, Source = spinVsBitSource });
        return verdicts;
    }

    // Which worker counts decided the scaling claim, each count's ratio of medians, the deciding figure, and the scaling from one worker.
    private static string ScalingMeasured(IReadOnlyList<PointResult> points, PointResult bitlock, PointResult device, int most, double figure)
    {
        int[] counts = ClusterLockCounts(points);
        string scalingFromOne = string.Create(CultureInfo.InvariantCulture, $"scaling from 1 to {most} workers: bitlock {bitlock.Derived.GetValueOrDefault(SwapKeys.Scaling):0.00}x, device {device.Derived.GetValueOrDefault(SwapKeys.Scaling):0.00}x");
        if (counts.Length == 1)
        {
            return $"at {counts[0]} workers, the only count above 1: bitlock {Rate(bitlock)}, device {Rate(device)}: {PointFigures.Times(figure)} per round; {scalingFromOne}";
        }
        string ratios = string.Join(", ", counts.Select(n => PointFigures.Times(PointFigures.Ratio(Find(points, "bitlock", "columns", n)!.Stats, Find(points, "device", "sequential", n)!.Stats))));
        return $"bitlock over device at {string.Join(", ", counts)} workers: {ratios} (medians); geometric mean over those counts {PointFigures.Times(figure)} per round; at {most} workers bitlock {Rate(bitlock)}, device {Rate(device)}; {scalingFromOne}";
    }

    // What merged 4.11 changed beyond the lock form, measured beside the seed: no claim upstream put
    // a figure on, so a figure, not a verdict.
    private static Verdict MergedBesideSeed(PointResult merged, PointResult bitlock, int most)
        => new Verdict(
            "Merged 4.11 as it shipped (spinlock_t cluster lock, 64 columns, batched frees, the per-CPU swap slot cache) beside the seed's bit-lock paths.",
            string.Create(CultureInfo.InvariantCulture, $"{most} workers: merged-4.11 {Rate(merged)}, bitlock {Rate(bitlock)}: {PointFigures.Times(PointFigures.Ratio(merged.Stats, bitlock.Stats))}; si->lock taken {merged.Derived.GetValueOrDefault(SwapKeys.SwapInfoLocksPerOperation):0.###} times per operation against {bitlock.Derived.GetValueOrDefault(SwapKeys.SwapInfoLocksPerOperation):0.###}"),
            VerdictOutcome.Info,
            "The slot cache takes si->lock once per batch of up to 64 slots to allocate and once per 64 to free (mm/swap_slots.c, 4.11); the seed takes it for every allocation and every final free.")
        { Topic = Topics.MergedSlotsCache, Source = ClaimSources.MergedSlotsCache };

    private static List<Verdict> ChurnVerdicts(IReadOnlyList<PointResult> points, int most)
    {
        var verdicts = new List<Verdict>();
        IReadOnlyList<Claim> claims = ChurnClaims(most);
        string mode = ModeOf(points);
        const string randomOrder = "The seed patch: after the first round of allocation, the order of the clusters in the free list is expected to be random, so the column order no longer keeps workers apart.";
        const string notNoticeable = "The seed patch: after the first round, \"the false sharing should be not noticeable\".";
        if (most < 2)
        {
            verdicts.Add(new Verdict(randomOrder, "-", VerdictOutcome.NotMeasurable, "Sharing a line needs two workers; this run had one CPU.") { Topic = Topics.SeedRandomAfterFirstRound, Source = ClaimSources.SeedPatch });
            verdicts.Add(new Verdict(notNoticeable, "-", VerdictOutcome.NotMeasurable, "False sharing needs two workers; this run had one CPU.") { Topic = Topics.SeedNotNoticeableAfterFirstRound, Source = ClaimSources.SeedPatch });
            return verdicts;
        }
        PointResult? churnedColumns = Find(points, mode, "columns", most, Churned);
        PointResult? churnedSequential = Find(points, mode, "sequential", most, Churned);
        PointResult? firstColumns = Find(points, mode, "columns", most, FirstRound);
        PointResult? firstSequential = Find(points, mode, "sequential", most, FirstRound);
        if (churnedColumns is null || churnedSequential is null || firstColumns is null || firstSequential is null
            || claims[0].Decide(points) is not { } random || claims[1].Decide(points) is not { } unnoticed)
        {
            verdicts.Add(new Verdict(randomOrder, "-", VerdictOutcome.NotMeasurable, $"It compares both orders at {ClaimLayout(mode)} bytes; run --orders sequential,columns --layouts {ClaimLayout(mode)}.") { Topic = Topics.SeedRandomAfterFirstRound, Source = ClaimSources.SeedPatch });
            return verdicts;
        }

        verdicts.Add(Verdict.Decided(
            randomOrder,
            $"{mode}, {most} workers, same-line picks: churned {Share(churnedColumns)} (columns) and {Share(churnedSequential)} (sequential); first round {Share(firstColumns)} and {Share(firstSequential)}",
            random,
            "The gap between the two orders' same-line shares after the churn, over the gap in the first round: at most a half means the order no longer matters much.") with { Topic = Topics.SeedRandomAfterFirstRound, Source = ClaimSources.SeedPatch });
        verdicts.Add(Verdict.Decided(
            notNoticeable,
            $"churned {Rate(churnedColumns)} against first round in column order {Rate(firstColumns)}: {PointFigures.Times(unnoticed.Figure)} per round",
            unnoticed,
            "Not noticeable: the churned device keeps at least 95% of the first round's throughput with the column order, whose picks rarely share a line.") with { Topic = Topics.SeedNotNoticeableAfterFirstRound, Source = ClaimSources.SeedPatch });
        return verdicts;
    }

    private static List<string> Notes(SwapSettings settings, IReadOnlyList<string> skipped, long slots, CpuTopology topology)
    {
        int most = settings.WorkerCounts.Max();
        var notes = new List<string>
        {
            $"One operation: get_swap_page (under si->lock, or from the CPU's slot cache with merged-4.11), copy a 4 KiB page in, swap_duplicate (and every 16th time a second duplicate and page_swapcount); then, past {settings.Fifo} held slots, the oldest is copied out, checked, and freed with swap_free and swapcache_free.",
            $"Every spinlock_t (si->lock, swap_avail_lock, the slot caches' locks, the cluster's in spinlock and merged-4.11) is taken as {(settings.Spinlock == PagePool.Swap.SpinlockForm.Queued ? "a queued spinlock, as x86 has since 4.2" : "a ticket lock, x86's form before 4.2, which no modelled kernel used")}; each device starts at a random slot seeded by --seed {settings.Seed}, as swapon does on a solid-state device.",
            $"Device: {slots} slots of {settings.ClusterPages} pages per cluster ({ByteSize.Format(slots * 4096)} of backing pages); cache lines of {topology.LineSize} bytes for SWAP_CLUSTER_COLS ({settings.ColumnRule.ToString().ToLowerInvariant()} rule) and for same-line picks.",
            "Every run starts from a reset device; after it, every held slot is freed and the invariant checker runs.",
        };
        if (most * settings.OperationsPerWorker > slots)
        {
            notes.Add($"A sample allocates more slots ({most} x {settings.OperationsPerWorker}) than the device has, so clusters are recycled: they go back on the free list as their last slot is freed, which in this FIFO workload is the order they were handed out, so the list keeps the order it was built in until a churn scrambles it.");
        }
        if (skipped.Count > 0)
        {
            notes.Add($"Left out, as no kernel had them: {string.Join("; ", skipped)}.");
        }
        if (topology.Hypervisor.Present)
        {
            notes.Add("In a virtual machine contention figures include the host's scheduling of the vCPUs.");
        }
        return notes;
    }
}
