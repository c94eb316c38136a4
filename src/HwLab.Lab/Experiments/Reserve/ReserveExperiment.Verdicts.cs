using System.Globalization;
using HwLab.Lab.Results;
using HwLab.PagePool.Reserve;
using HwLab.PagePool.Zones;

namespace HwLab.Lab.Experiments.Reserve;

public sealed partial class ReserveExperiment
{
    private static string Runs(IReadOnlyList<ReserveOutcome> runs, Func<ReserveOutcome, bool> which)
        => $"{runs.Count(which)} of {runs.Count} {(runs.Count == 1 ? "run" : "runs")}";

    private static string ByMode(IEnumerable<ReserveOutcome> outcomes, Func<IReadOnlyList<ReserveOutcome>, string> describe)
        => string.Join("; ", outcomes.GroupBy(o => o.Mode).Select(g => $"{g.Key}: {describe([.. g])}"));

    // Confirmed when every run shows it, refuted when none does; runs that disagree decide nothing.
    // A run that ended before the OOM killer acted never reached the question: the claim is then
    // not measurable with these bounds.
    private static Verdict Decide(string claim, string measured, IReadOnlyList<ReserveOutcome> runs, Func<ReserveOutcome, bool> shows, string why, string topic, string source)
    {
        int unreached = runs.Count(o => o.OomKills == 0);
        if (unreached > 0)
        {
            return new Verdict(claim, measured, VerdictOutcome.NotMeasurable,
                $"{unreached} of {runs.Count} runs ended before the OOM killer acted: memory had not run out within the bound; a longer --max-ticks or --duration-ms reaches it.") { Topic = topic, Source = source };
        }
        VerdictOutcome outcome = runs.All(shows) ? VerdictOutcome.Confirmed : runs.Any(shows) ? VerdictOutcome.Inconclusive : VerdictOutcome.Refuted;
        return new Verdict(claim, measured, outcome, why) { Topic = topic, Source = source };
    }

    private static string Flags(AllocFlags? flags) => flags is AllocFlags f ? AllocFlagsText.Of(f) : "none (no slow path)";

    // The flags most runs of the group ended with, for a sentence; runs that differ show in the counts.
    private static string TypicalFlags(IReadOnlyList<ReserveOutcome> runs, Func<LockDependency, AllocFlags?> flags)
        => Flags(runs.GroupBy(o => flags(o.Dependency)).MaxBy(g => g.Count())!.Key);

    private static string Figure(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string RecoveryTime(IEnumerable<ReserveOutcome> runs)
    {
        double[] ticks = [.. runs.Where(o => o.TimeToRecover is not null).Select(o => (double)o.TimeToRecover!.Value)];
        return ticks.Length == 0 ? "no run recovered" : $"median {Figure(MedianInterval.Median(ticks))} ticks from the fall to min to the high watermark";
    }

    /// <param name="mmapSemRuns">Reaper runs with a dying thread holding mmap_sem for writing, when the scenario's own runs are not those.</param>
    private static List<Verdict> Verdicts(ReserveScenario scenario, IReadOnlyList<ReserveOutcome> outcomes, IReadOnlyList<ReserveOutcome> mmapSemRuns)
    {
        var verdicts = new List<Verdict>();
        string lockName = VictimLocks.Describe(scenario.Lock);
        string holder = scenario.LockHolder == LockHolder.KernelThread ? "the writeback kernel thread" : "a dying thread of the victim";
        ReserveOutcome[] old = [.. outcomes.Where(o => o.Policy == ReservePolicy.Policy2015)];
        if (old.Length > 0)
        {
            // Stock 4.2 never fails the holder's allocation; the seed's debug kernel fails it and XFS retries.
            string loop = scenario.NofsCanFail
                ? "fails under the seed's \"GFP_NOFS can fail\" patch, and XFS retries it, warning every 100th time"
                : "loops in __alloc_pages_slowpath and never fails (\"keep looping as per tradition\"), so XFS prints nothing";
            bool Shows(ReserveOutcome o) => o.Livelocked
                && o.Dependency.VictimReserveAccess is AllocFlags access && access.HasFlag(AllocFlags.ALLOC_NO_WATERMARKS)
                && (scenario.NofsCanFail ? o.Warnings > 0 : o.Dependency.HolderFailures == 0 && o.Warnings == 0);
            verdicts.Add(Decide(
                $"2015 ({(scenario.NofsCanFail ? "4.2 with the seed's debug patch" : "stock 4.2")}), the seed's livelock: the OOM victim holds ALLOC_NO_WATERMARKS but waits for {lockName}, held by {holder}, whose GFP_NOFS allocation {loop}; no thread of the victim exits and nothing is freed.",
                ByMode(old, runs => string.Create(CultureInfo.InvariantCulture,
                    $"livelocked in {Runs(runs, Shows)}; the victim ({runs[0].Dependency.Victim ?? "none"}) had {TypicalFlags(runs, d => d.VictimReserveAccess)} and waited for {lockName} held by {runs[0].Dependency.Holder}, whose allocation ({TypicalFlags(runs, d => d.HolderFlags)}) had made a median {Figure(MedianInterval.Median([.. runs.Select(o => (double)o.Dependency.HolderPassesInHand)]))} passes without a page at the end, failed {runs.Sum(o => o.Dependency.HolderFailures)} times; {runs.Sum(o => o.Warnings)} XFS warnings, {runs.Sum(o => o.OomKills)} OOM kill(s)")),
                old,
                Shows,
                "4.2's gfp_to_alloc_flags gives the marked thread ALLOC_NO_WATERMARKS, which helps only a thread that allocates, and this one is blocked on the lock. The holder gets no reserve access and __alloc_pages_may_oom does not call the OOM killer without __GFP_FS; the OOM killer waits as long as a TIF_MEMDIE thread lives; the victim's mm goes back only when its last thread exits. Livelocked: at the end the victim was waiting for the lock, the holder held it inside an allocation without a page, the mm was not freed and free pages had not recovered.",
                Topics.Reserve2015,
                ClaimSources.Proposal2015));
        }

        ReserveOutcome[] favor = [.. outcomes.Where(o => o.Policy == ReservePolicy.Favor)];
        if (favor.Length > 0)
        {
            static bool Shows(ReserveOutcome o) => o.Recovered && o.Dependency.MmFreed
                && o.Dependency.HolderFlags is AllocFlags f && f.HasFlag(AllocFlags.ALLOC_HIGH);
            verdicts.Add(Decide(
                $"The 2015 proposal: ALLOC_HIGH for kernel threads and dying tasks lets {holder}'s GFP_NOFS allocation reach down to half of min; it gets its page, lets go of {lockName}, the victim and its threads exit, and memory recovers.",
                ByMode(favor, runs => string.Create(CultureInfo.InvariantCulture,
                    $"recovered in {Runs(runs, o => o.Recovered)} (the mm freed in {Runs(runs, o => o.Dependency.MmFreed)}), {RecoveryTime(runs)}; the holder allocated with {TypicalFlags(runs, d => d.HolderFlags)} and got a median {Figure(MedianInterval.Median([.. runs.Select(o => (double)o.Dependency.HolderPagesBelowMin)]))} pages below min; {Figure(MedianInterval.Median([.. runs.Select(o => (double)o.WrittenBackAfterKill)]))} pages written back after the kill")),
                favor,
                Shows,
                "Recovered: free pages back at the high watermark within the time bound and the victim's mm freed, with the holder's allocation carrying ALLOC_HIGH. The pages it got below min, which no other flag of its reaches, are counted; it may also get its page above min once the writeback thread, which has ALLOC_HIGH too, has made page cache reclaimable.",
                Topics.ReserveFavor,
                ClaimSources.Proposal2015));
        }

        ReserveOutcome[] reaper = [.. outcomes.Where(o => o.Policy == ReservePolicy.Reaper)];
        if (reaper.Length > 0)
        {
            verdicts.Add(Decide(
                $"What the kernel did instead: 4.6's OOM reaper takes the victim's mmap_sem for reading and frees its anonymous memory without waiting for its threads, so {holder}'s allocation succeeds, {lockName} is let go and memory recovers; the victim's ALLOC_OOM (4.15) reaches half of min.",
                ByMode(reaper, runs => string.Create(CultureInfo.InvariantCulture,
                    $"reaped in {Runs(runs, o => o.Reaper.Reaped)}, recovered in {Runs(runs, o => o.Recovered)}, {RecoveryTime(runs)}; the victim had {TypicalFlags(runs, d => d.VictimReserveAccess)}")),
                reaper,
                o => o.Reaper.Reaped && o.Recovered && o.Dependency.MmFreed,
                "Recovered by reaping: the reaper freed the anonymous memory, free pages came back to the high watermark within the time bound, and the victim's mm was freed.",
                Topics.ReserveReaper,
                ClaimSources.ReaperAndAllocOom));
        }

        ReserveOutcome[] held = [.. mmapSemRuns, .. scenario.Lock == VictimLock.MmapSem ? reaper : []];
        if (held.Length > 0)
        {
            verdicts.Add(Decide(
                $"The reaper's limit: when a dying thread of the victim holds its mmap_sem for writing while its GFP_NOFS allocation loops, down_read_trylock fails; after {OomReaper.MaxOomReapRetries} tries (MAX_OOM_REAP_RETRIES) 4.6's reaper gives up with the victim still marked, and the livelock stays.",
                ByMode(held, runs => string.Create(CultureInfo.InvariantCulture,
                    $"the reaper gave up in {Runs(runs, o => o.Reaper.GaveUp)} after a median {Figure(MedianInterval.Median([.. runs.Select(o => (double)o.Reaper.Attempts)]))} tries; livelocked in {Runs(runs, o => o.Livelocked)}, recovered in {Runs(runs, o => o.Recovered)}")),
                held,
                o => o.Reaper.GaveUp && o.Reaper.Attempts == OomReaper.MaxOomReapRetries && o.Livelocked,
                "Run under the reaper policy with the lock holder a dying thread of a.out that holds mmap_sem for writing. 4.6 clears TIF_MEMDIE only after a successful reap, so the OOM killer keeps waiting for the victim.",
                Topics.ReserveReaperMmapSem,
                ClaimSources.ReaperAndAllocOom));
        }

        verdicts.Add(new Verdict(
            "\"Full access to memory reserves is quite dangerous because we leave no safety room\": how deep each policy takes the zone below min.",
            string.Join("; ", outcomes.GroupBy(o => (o.Policy, o.Mode)).Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{ReservePolicies.Name(g.Key.Policy)} ({g.Key.Mode}) at most {g.Max(o => o.DipBelowMin)} pages below min{(g.Any(o => o.ReachedZero) ? ", free pages reached zero" : "")}"))),
            VerdictOutcome.Info,
            "ALLOC_HIGH stops at half of min, and so does ALLOC_OOM: it replaces the victim's flags, so __GFP_HIGH takes it no further. 4.2's ALLOC_NO_WATERMARKS for the marked thread has no floor and could empty the zone; here the victim it is given to mostly waits for the lock.")
        { Topic = Topics.ReserveSafetyRoom, Source = ClaimSources.AllocOom });
        return verdicts;
    }

    private static List<string> Notes(ReserveSettings settings, bool mmapSemContrast)
    {
        ReserveScenario s = settings.Scenario;
        string holder = s.LockHolder == LockHolder.KernelThread
            ? "the writeback kernel thread, which keeps it for its pass over the dirty inode, through each batch's XFS buffer page"
            : "a thread of a.out that keeps it while it reads XFS buffer after buffer, one GFP_NOFS page each, and acts on a signal only between buffers";
        var notes = new List<string>
        {
            $"a.out's threads share one mm: a memory consumer (from tick {s.ConsumerStartTick}, at most a page a tick), {s.FileWriters} file writers (throttled at {s.DirtyRatioPercent}% dirty){(s.LockHolder == LockHolder.DyingThread ? " and the lock holder" : "")}. The mm's memory goes back only when its last thread exits. A journal daemon of its own process faults in a page every {JournalDaemon.EveryTicks} ticks. Background writeback starts above {s.DirtyBackgroundRatioPercent}%, once pages are {s.DirtyExpireTicks} ticks old, or when reclaim asks, and needs one GFP_NOFS buffer page per batch of {s.WritebackBatch}. A zone of {s.ZonePages} pages.",
            $"The lock is {VictimLocks.Describe(s.Lock)}, held by {holder}. The OOM killer marks the consumer (TIF_MEMDIE) and kills every thread of a.out; the marked thread must take the lock on its way out, then allocates {s.ExitPages} exit pages.",
            $"The allocator is 4.2's: the fast path at the low watermark, the slow path at min with the policy's reserve access, direct reclaim of clean page cache (32 pages a pass), progress counted while zone_reclaimable holds (under six times the page cache scanned since the last free), then the OOM killer for __GFP_FS callers; without __GFP_FS it {(s.NofsCanFail ? "fails (the seed's \"GFP_NOFS can fail\" debug kernel) and XFS retries, warning every 100th retry" : "loops (stock 4.2), so XFS never sees a failure")}. Passes that get nothing wait a congestion wait ({s.CongestionWaitTicks} ticks).",
            $"Deterministic mode steps every task from one seeded scheduler for {s.MaxTicks} ticks and gives the same result on every run. Threaded mode runs every task on its own thread for {settings.ThreadedDuration.TotalMilliseconds:0} ms at {ReserveRunner.TicksPerMillisecond:0} ticks per ms, so a congestion wait is 1 ms.",
            "Every page is a real 4 KiB page stamped with its owner; every deterministic step checks that held plus free pages equal the zone, and every run ends with the zone's own check.",
        };
        if (mmapSemContrast)
        {
            notes.Add("The reaper policy also ran with the lock holder a dying thread of a.out holding its mmap_sem for writing (points keyed lock=mmap-sem, no timeline), to show where the reaper cannot help.");
        }
        return notes;
    }
}
