using System.Globalization;
using HwLab.Lab.Results;
using HwLab.PagePool.Reserve;

namespace HwLab.Lab.Experiments.Reserve;

public sealed partial class ReserveExperiment
{
    private static string Runs(IReadOnlyList<ReserveOutcome> runs, Func<ReserveOutcome, bool> which)
        => $"{runs.Count(which)} of {runs.Count} {(runs.Count == 1 ? "run" : "runs")}";

    private static string ByMode(IEnumerable<ReserveOutcome> outcomes, Func<string, IReadOnlyList<ReserveOutcome>, string> describe)
        => string.Join("; ", outcomes.GroupBy(o => o.Mode).Select(g => $"{g.Key}: {describe(g.Key, [.. g])}"));

    // Confirmed when every run shows it, refuted when none does; runs that disagree decide nothing.
    private static VerdictOutcome EveryRun(IReadOnlyList<ReserveOutcome> runs, Func<ReserveOutcome, bool> shows)
        => runs.All(shows) ? VerdictOutcome.Confirmed : runs.Any(shows) ? VerdictOutcome.Inconclusive : VerdictOutcome.Refuted;

    private static List<Verdict> Verdicts(IReadOnlyList<ReserveOutcome> outcomes)
    {
        var verdicts = new List<Verdict>();
        ReserveOutcome[] old = [.. outcomes.Where(o => o.Policy == ReservePolicy.Policy2015)];
        if (old.Length > 0)
        {
            VerdictOutcome stalls = EveryRun(old, o => o.Stalled && o.Warnings > 0 && o.WrittenBackAfterKill == 0);
            verdicts.Add(new Verdict(
                "2015: with no task allowed into the reserve, the writeback worker loops in the allocator printing \"possible memory allocation deadlock\" and writeback makes no progress once memory has run out.",
                ByMode(old, (_, runs) => string.Create(CultureInfo.InvariantCulture,
                    $"stalled in {Runs(runs, o => o.Stalled)}, {runs.Sum(o => o.Warnings)} warnings, {runs.Sum(o => o.WrittenBackAfterKill)} pages written back after the OOM kill, {runs.Sum(o => o.OomKills)} OOM kill(s)")),
                stalls,
                "The OOM victim cannot allocate the pages it needs to exit, the OOM killer waits for it, and the GFP_NOFS writeback buffer cannot be had: nobody frees memory.") { Topic = Topics.Reserve2015, Source = ClaimSources.Proposal2015 });
        }

        foreach ((ReservePolicy policy, string claim) in new[]
        {
            (ReservePolicy.Favor, "The 2015 proposal: giving kernel threads and dying tasks ALLOC_HIGH (half of the reserve) lets writeback and the OOM victim make forward progress."),
            (ReservePolicy.Reaper, "What the kernel did instead: the OOM reaper frees the victim's anonymous memory without waiting for it, and OOM victims get ALLOC_OOM; memory recovers."),
        })
        {
            ReserveOutcome[] runs = [.. outcomes.Where(o => o.Policy == policy)];
            if (runs.Length == 0)
            {
                continue;
            }
            VerdictOutcome recovers = EveryRun(runs, o => o.Recovered && o.WrittenBackAfterKill > 0);
            verdicts.Add(new Verdict(
                claim,
                ByMode(runs, (mode, group) => string.Create(CultureInfo.InvariantCulture,
                    $"recovered in {Runs(group, o => o.Recovered)}, median {MedianInterval.Median([.. group.Where(o => o.TimeToRecover is not null).Select(o => (double)o.TimeToRecover!.Value)]):0} ticks from the fall to min to the high watermark, {MedianInterval.Median([.. group.Select(o => (double)o.WrittenBackAfterKill)]):0} pages written back after the kill")),
                recovers,
                "Recovered: free pages back at the high watermark within the time bound.")
            {
                Topic = policy == ReservePolicy.Favor ? Topics.ReserveFavor : Topics.ReserveReaper,
                Source = policy == ReservePolicy.Favor ? ClaimSources.Proposal2015 : ClaimSources.ReaperAndAllocOom,
            });
        }

        verdicts.Add(new Verdict(
            "\"Full access to memory reserves is quite dangerous because we leave no safety room\": how deep each policy takes the zone below min.",
            string.Join("; ", outcomes.GroupBy(o => (o.Policy, o.Mode)).Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{ReservePolicies.Name(g.Key.Policy)} ({g.Key.Mode}) at most {g.Max(o => o.DipBelowMin)} pages below min{(g.Any(o => o.ReachedZero) ? ", free pages reached zero" : "")}"))),
            VerdictOutcome.Info,
            "ALLOC_HIGH stops at half of min and ALLOC_OOM at a quarter, so neither policy empties the zone; ALLOC_NO_WATERMARKS would.") { Topic = Topics.ReserveSafetyRoom, Source = ClaimSources.AllocOom });
        return verdicts;
    }

    private static List<string> Notes(ReserveSettings settings)
    {
        ReserveScenario s = settings.Scenario;
        return
        [
            $"A zone of {s.ZonePages} pages; {s.FileWriters} file writers dirty page cache (throttled at {s.DirtyRatioPercent}% dirty); background writeback starts above {s.DirtyBackgroundRatioPercent}% or once pages are {s.DirtyExpireTicks} ticks old, and needs one GFP_NOFS buffer page per batch of {s.WritebackBatch}; a memory consumer grows from tick {s.ConsumerStartTick} until the OOM killer picks it, and must then allocate {s.ExitPages} pages to exit.",
            "The allocator: the fast path at the low watermark, the slow path at min with the policy's boost, direct reclaim of clean page cache (32 pages a pass; no kswapd), the OOM killer for __GFP_FS callers (one victim at a time, the task with the most anonymous memory), and congestion_wait (20 ticks) between retries; without __GFP_FS the 2015 allocator keeps looping and XFS warns every 100 retries.",
            $"Deterministic mode steps every task from one seeded scheduler for {s.MaxTicks} ticks and gives the same result on every run. Threaded mode runs every task on its own thread for {settings.ThreadedDuration.TotalMilliseconds:0} ms at {ReserveRunner.TicksPerMillisecond:0} ticks per ms, so a congestion wait is 1 ms.",
            "Every page is a real 4 KiB page stamped with its owner; every deterministic step checks that held plus free pages equal the zone, and every run ends with the zone's own check.",
        ];
    }
}
