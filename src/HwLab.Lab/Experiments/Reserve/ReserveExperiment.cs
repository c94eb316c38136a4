using System.Globalization;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Native.Topology;
using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.Lab.Experiments.Reserve;

/// <summary>
/// The second source document's scenario: memory runs out while a.out's threads dirty page cache
/// and fault in memory, and the OOM victim waits for a lock held by a thread whose GFP_NOFS
/// allocation loops (the writeback kernel thread, or a dying thread of a.out). For each reserve
/// policy, bounded in time: whether the run livelocked or recovered and how long recovery took,
/// who had which reserve access, the XFS warnings, OOM kills, what the OOM reaper did, the deepest
/// dip below min, and the free pages over time against the watermarks.
/// </summary>
public sealed partial class ReserveExperiment : Experiment<ReserveSettings>
{
    private const int MaxMarkers = 200;

    public override string Name => "reserve";

    public override string Title => "Who may use the memory reserve: forward progress under memory pressure";

    public override string Description
        => "4.2's watermark page allocator under pressure, with the seed's lock dependency (the OOM victim waits for a lock held by a thread whose GFP_NOFS allocation loops: the writeback kernel thread or a dying thread of the victim), under three reserve policies: 2015 (stock 4.2, ALLOC_NO_WATERMARKS for the marked victim), favor (the 2015 proposal: ALLOC_HIGH for kernel threads and dying tasks), reaper (4.6's OOM reaper and 4.15's ALLOC_OOM).";

    public override IExperimentReport Report { get; } = new ReserveReport();

    public override IReadOnlyList<SettingOption> Options => ReserveOptions.All;

    /// <summary>It runs whole scenarios, each to its time bound, rather than sampling in rounds.</summary>
    public override bool SamplesInRounds => false;

    public override ReserveSettings DefaultSettings(SuiteProfile profile, CpuTopology topology) => ReserveSettings.ForProfile(profile);

    public override void Validate(ReserveSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingChecks.EnsureKnownNames(settings.Policies, ReservePolicies.Names, "--policies");
        SettingChecks.EnsureKnownNames(settings.Modes, ReserveSettings.KnownModes, "--modes");
        ReserveScenario scenario = settings.Scenario;
        if (scenario.Lock == VictimLock.MmapSem && scenario.LockHolder == LockHolder.KernelThread)
        {
            throw new ExperimentSettingsException("--lock mmap-sem needs --lock-holder thread: a kernel thread holds no process's mmap_sem.");
        }
        ReserveSettings.ZonePagesRange.Ensure(scenario.ZonePages, "--zone-pages");
        ReserveSettings.MinFreeKbytesRange.Ensure(scenario.MinFreeKbytes, "--min-free-kbytes");
        ReserveSettings.WatermarkScaleFactorRange.Ensure(scenario.WatermarkScaleFactor, "--watermark-scale-factor");
        ReserveSettings.WritersRange.Ensure(scenario.FileWriters, "--writers");
        ReserveSettings.ExitPagesRange.Ensure(scenario.ExitPages, "--exit-pages");
        ReserveSettings.MaxTicksRange.Ensure(scenario.MaxTicks, "--max-ticks");
        ReserveSettings.RepeatsRange.Ensure(settings.Repeats, "--repeats");
        ReserveSettings.DurationMillisecondsRange.EnsureMilliseconds(settings.ThreadedDuration, "--duration-ms");
        try
        {
            scenario.Validate();
        }
        catch (ZoneConfigurationException e)
        {
            throw new ExperimentSettingsException(e.Message, e);
        }
        EnsureBudget(settings);
    }

    // Runs follow one another, each with a zone of its own: the time adds up, the memory does not.
    private void EnsureBudget(ReserveSettings settings)
    {
        if (settings.Modes.Contains(ReserveOutcome.Threaded))
        {
            long policies = settings.Policies.Distinct().Count();
            // The reaper runs once more with mmap_sem held for writing (see Measure).
            bool again = MmapSemContrast(settings);
            RunBudget.EnsureDuration(
                RunBudget.Product(policies + (again ? 1 : 0), settings.Repeats, (long)settings.ThreadedDuration.TotalNanoseconds),
                Name,
                string.Create(CultureInfo.InvariantCulture, $"{policies} policies{(again ? " and the reaper again with mmap_sem held" : "")}, {settings.Repeats} threaded runs of {settings.ThreadedDuration.TotalMilliseconds} ms"),
                "--repeats, --duration-ms or --policies");
        }
        // A page of 4 KiB in the arena, and a free-list entry (4 bytes) and an owner (8) in managed arrays.
        RunBudget.EnsureMemory(
            RunBudget.Product(settings.Scenario.ZonePages, Zone.PageBytes + sizeof(int) + sizeof(long)), Name, $"a zone of {settings.Scenario.ZonePages} pages", "--zone-pages");
    }

    // Where the scenario's own lock is not mmap_sem, the reaper also runs with a dying thread holding
    // mmap_sem for writing: the case the reaper cannot help.
    private static bool MmapSemContrast(ReserveSettings settings)
        => settings.Scenario.Lock != VictimLock.MmapSem && settings.Policies.Any(p => p == ReservePolicies.Name(ReservePolicy.Reaper));

    protected override ReserveSettings WithOptions(ReserveSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => ReserveOptions.Apply(defaults, given);

    protected override IReadOnlyDictionary<string, string> Describe(ReserveSettings settings)
    {
        ReserveScenario s = settings.Scenario;
        Watermarks marks = s.ZoneOptions.Watermarks;
        return new Dictionary<string, string>
        {
            ["policies"] = string.Join(',', settings.Policies),
            ["modes"] = string.Join(',', settings.Modes),
            ["zonePages"] = s.ZonePages.ToString(CultureInfo.InvariantCulture),
            ["minFreeKbytes"] = s.MinFreeKbytes.ToString(CultureInfo.InvariantCulture),
            ["watermarkScaleFactor"] = s.WatermarkScaleFactor.ToString(CultureInfo.InvariantCulture),
            ["watermarks"] = string.Create(CultureInfo.InvariantCulture, $"min {marks.Min}, low {marks.Low}, high {marks.High} pages"),
            ["fileWriters"] = s.FileWriters.ToString(CultureInfo.InvariantCulture),
            ["dirtyRatio"] = string.Create(CultureInfo.InvariantCulture, $"{s.DirtyRatioPercent}% (background {s.DirtyBackgroundRatioPercent}%, expire {s.DirtyExpireTicks} ticks)"),
            ["writebackBatch"] = s.WritebackBatch.ToString(CultureInfo.InvariantCulture),
            ["exitPages"] = s.ExitPages.ToString(CultureInfo.InvariantCulture),
            ["lock"] = VictimLocks.Name(s.Lock),
            ["lockHolder"] = LockHolders.Name(s.LockHolder),
            ["nofsCanFail"] = s.NofsCanFail ? "yes (the seed's debug kernel)" : "no (stock 4.2)",
            ["congestionWaitTicks"] = s.CongestionWaitTicks.ToString(CultureInfo.InvariantCulture),
            ["deterministicBoundTicks"] = s.MaxTicks.ToString(CultureInfo.InvariantCulture),
            ["threadedBoundMilliseconds"] = settings.ThreadedDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["threadedRepeats"] = settings.Repeats.ToString(CultureInfo.InvariantCulture),
            ["seed"] = s.Seed.ToString(CultureInfo.InvariantCulture),
        };
    }

    protected override Measurement Measure(ReserveSettings settings, ExperimentContext context)
    {
        var plan = (from policy in settings.Policies.Distinct()
                    from mode in settings.Modes.Distinct()
                    select (Policy: ReservePolicies.Parse(policy), Mode: mode, Scenario: settings.Scenario, Contrast: false)).ToList();
        ReserveScenario mmapSem = settings.Scenario with { Lock = VictimLock.MmapSem, LockHolder = LockHolder.DyingThread };
        bool contrast = MmapSemContrast(settings);
        if (contrast)
        {
            plan.AddRange(settings.Modes.Distinct().Select(mode => (ReservePolicy.Reaper, mode, mmapSem, Contrast: true)));
        }
        int planned = plan.Sum(p => p.Mode == ReserveOutcome.Threaded ? settings.Repeats : 1);
        int done = 0;
        var points = new List<PointResult>();
        var timelines = new List<Timeline>();
        var outcomes = new List<ReserveOutcome>();
        var contrastOutcomes = new List<ReserveOutcome>();
        foreach ((ReservePolicy policy, string mode, ReserveScenario scenario, bool isContrast) in plan)
        {
            var runs = new List<ReserveOutcome>();
            var keys = new Dictionary<string, string> { [ReserveKeys.Policy] = ReservePolicies.Name(policy), [ReserveKeys.Mode] = mode };
            if (isContrast)
            {
                keys[ReserveKeys.Lock] = VictimLocks.Name(VictimLock.MmapSem);
            }
            int repeats = mode == ReserveOutcome.Threaded ? settings.Repeats : 1;
            for (int r = 0; r < repeats; r++)
            {
                ReserveOutcome outcome;
                try
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    outcome = mode == ReserveOutcome.Threaded
                        ? ReserveRunner.RunThreaded(scenario, policy, settings.ThreadedDuration, context.Cancellation)
                        : ReserveRunner.RunDeterministic(scenario, policy, context.Cancellation);
                }
                catch (OperationCanceledException e)
                {
                    // As the sampled experiments do: keep every finished run, the policy in progress
                    // included; the run that was cut is not an outcome.
                    List<PointResult> kept = [.. points];
                    if (runs.Count > 0)
                    {
                        kept.Add(ToPoint(keys, runs));
                    }
                    throw new SamplingInterruptedException(kept, e);
                }
                if (outcome.Violations.Count > 0)
                {
                    throw new InvalidOperationException($"{ReservePolicies.Name(policy)} ({mode}) broke the page accounting: {string.Join("; ", outcome.Violations.Take(3))}");
                }
                runs.Add(outcome);
                context.Report(Name, ++done, planned);
            }
            points.Add(ToPoint(keys, runs));
            if (isContrast)
            {
                // No timeline: the report draws one chart per policy and mode.
                contrastOutcomes.AddRange(runs);
            }
            else
            {
                outcomes.AddRange(runs);
                timelines.Add(ToTimeline(keys, runs[0]));
            }
        }
        return new Measurement(points, Verdicts(settings.Scenario, outcomes, contrastOutcomes), Notes(settings, contrast)) { Timelines = timelines };
    }

    private static PointResult ToPoint(Dictionary<string, string> keys, IReadOnlyList<ReserveOutcome> runs)
    {
        SampleRecord[] samples = [.. runs.Select((o, i) => new SampleRecord(
            i,
            o.WrittenBackAfterKill,
            o.WrittenBack,
            (o.WallMilliseconds ?? 0) * 1e6,
            [],
            0,
            0,
            [],
            Extras(o)))];
        double[] recoveryTimes = [.. runs.Where(o => o.TimeToRecover is not null).Select(o => (double)o.TimeToRecover!.Value).Order()];
        var derived = new Dictionary<string, double>
        {
            ["recoveredShare"] = runs.Count(o => o.Recovered) / (double)runs.Count,
            ["livelockedShare"] = runs.Count(o => o.Livelocked) / (double)runs.Count,
            ["warningsMedian"] = MedianInterval.Median([.. runs.Select(o => (double)o.Warnings)]),
            ["oomKillsMedian"] = MedianInterval.Median([.. runs.Select(o => (double)o.OomKills)]),
            ["deepestDipBelowMin"] = runs.Max(o => o.DipBelowMin),
            ["reachedZeroShare"] = runs.Count(o => o.ReachedZero) / (double)runs.Count,
        };
        if (recoveryTimes.Length > 0)
        {
            derived["timeToRecoverTicksMedian"] = MedianInterval.Median(recoveryTimes);
        }
        return new PointResult(PointResult.IdOf(keys), keys, "pages written back after the first OOM kill", "pages", Statistics.From(samples), samples, derived);
    }

    // A run that never recovered has no time to recover: the figure is left out rather than written as NaN.
    private static Dictionary<string, double> Extras(ReserveOutcome o)
    {
        var extras = new Dictionary<string, double>
        {
            ["recovered"] = o.Recovered ? 1 : 0,
            ["livelocked"] = o.Livelocked ? 1 : 0,
            ["mmFreed"] = o.Dependency.MmFreed ? 1 : 0,
            ["holderPassesInHand"] = o.Dependency.HolderPassesInHand,
            ["holderPagesBelowMin"] = o.Dependency.HolderPagesBelowMin,
            ["holderFailures"] = o.Dependency.HolderFailures,
            ["reapAttempts"] = o.Reaper.Attempts,
            ["warnings"] = o.Warnings,
            ["oomKills"] = o.OomKills,
            ["writtenBack"] = o.WrittenBack,
            ["deepestFree"] = o.DeepestFree,
            ["dipBelowMin"] = o.DipBelowMin,
            ["reachedZero"] = o.ReachedZero ? 1 : 0,
            ["endTick"] = o.EndTick,
        };
        if (o.TimeToRecover is long ticks)
        {
            extras["timeToRecoverTicks"] = ticks;
        }
        return extras;
    }

    private static Timeline ToTimeline(Dictionary<string, string> keys, ReserveOutcome run)
    {
        TimelineMarker[] markers = [.. run.Events.Select(e => new TimelineMarker(e.Tick, e.Kind, e.Text))];
        return new Timeline(
            PointResult.IdOf(keys),
            keys,
            "ticks",
            "free pages",
            [.. run.Timeline.Select(p => new TimelinePoint(p.Tick, p.Free))],
            new Dictionary<string, double> { ["min"] = run.Watermarks.Min, ["low"] = run.Watermarks.Low, ["high"] = run.Watermarks.High },
            [.. markers.Take(MaxMarkers)],
            Math.Max(0, markers.Length - MaxMarkers));
    }
}
