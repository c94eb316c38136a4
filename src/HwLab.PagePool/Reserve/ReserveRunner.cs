using System.Collections.Concurrent;
using System.Diagnostics;

namespace HwLab.PagePool.Reserve;

/// <summary>
/// Runs the scenario under a policy, either stepped by one seeded scheduler (deterministic: the
/// same result on every run) or with every task on its own thread (threaded: real concurrency,
/// wall-clock time, bounded by a duration).
/// </summary>
public static class ReserveRunner
{
    /// <summary>Threaded mode runs 20 ticks per millisecond: a congestion wait becomes 1 ms, so a bound of a second sees many retries.</summary>
    public const double TicksPerMillisecond = 20;

    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; it is looked at every tick.</exception>
    public static ReserveOutcome RunDeterministic(ReserveScenario scenario, ReservePolicy policy, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Cast cast = Cast.For(scenario, policy);
        using var mm = new MemoryModel(scenario, policy, cast.Tasks, cast.Processes, cast.VictimProcess, cancellation);
        var random = new Random(scenario.Seed);
        var done = new HashSet<SimTask>();
        var violations = new List<string>();
        long now = 0;
        while (now < scenario.MaxTicks)
        {
            cancellation.ThrowIfCancellationRequested();
            SimTask[] runnable = [.. cast.Tasks.Where(t => !done.Contains(t) && t.WakeAt <= now)];
            if (runnable.Length == 0)
            {
                long next = cast.Tasks.Where(t => !done.Contains(t)).Select(t => t.WakeAt).DefaultIfEmpty(scenario.MaxTicks).Min();
                now = Math.Min(Math.Max(next, now + 1), scenario.MaxTicks);
                mm.Sample(now);
                continue;
            }
            SimTask task = runnable[random.Next(runnable.Length)];
            StepResult result = task.Step(mm, now);
            if (result.Finished)
            {
                done.Add(task);
            }
            else if (result.WaitTicks > 0)
            {
                task.WakeAt = now + result.WaitTicks;
            }
            now++;
            mm.Sample(now);

            // allocated + free = N after every step: every page the zone handed out is held by someone.
            long accounted = mm.AccountedPages();
            if (accounted + mm.Zone.FreePages != mm.Zone.Managed && violations.Count < 10)
            {
                violations.Add($"tick {now}: {accounted} pages held and {mm.Zone.FreePages} free make {accounted + mm.Zone.FreePages}, not {mm.Zone.Managed}");
            }
        }
        violations.AddRange(mm.Zone.CheckInvariants());
        return Outcome(mm, cast.Holder, ReserveOutcome.Deterministic, scenario.MaxTicks, violations, null);
    }

    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled: every task looks at it between steps, and sleeps no longer than a few ticks.</exception>
    public static ReserveOutcome RunThreaded(ReserveScenario scenario, ReservePolicy policy, TimeSpan duration, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        Cast cast = Cast.For(scenario, policy);
        IReadOnlyList<SimTask> tasks = cast.Tasks;
        using var mm = new MemoryModel(scenario, policy, tasks, cast.Processes, cast.VictimProcess, cancellation);
        var failures = new ConcurrentQueue<Exception>();
        var clock = Stopwatch.StartNew();
        long end = (long)(duration.TotalMilliseconds * TicksPerMillisecond);
        long Now() => (long)(clock.Elapsed.TotalMilliseconds * TicksPerMillisecond);

        var threads = tasks.Select(task => new Thread(() =>
        {
            try
            {
                for (long now = Now(); now < end && !cancellation.IsCancellationRequested; now = Now())
                {
                    StepResult result = task.Step(mm, now);
                    if (result.Finished)
                    {
                        return;
                    }
                    if (result.WaitTicks > 0)
                    {
                        // A kill or a kick from reclaim wakes the task before its wait is over.
                        task.Sleep(TimeSpan.FromMilliseconds(Math.Min(result.WaitTicks, end - now) / TicksPerMillisecond));
                    }
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })
        {
            IsBackground = true,
            Name = task.Name,
        }).ToList();

        threads.ForEach(t => t.Start());
        for (long now = Now(); now < end && !cancellation.IsCancellationRequested && threads.Any(t => t.IsAlive); now = Now())
        {
            mm.Sample(now);
            Thread.Sleep(1);
        }
        // Every thread checks the bound and the cancellation between steps and sleeps at most until
        // the bound, so all end here.
        threads.ForEach(t => t.Join());
        mm.Sample(Now());
        if (!failures.IsEmpty)
        {
            throw new AggregateException("A task of the reserve scenario failed.", failures);
        }
        cancellation.ThrowIfCancellationRequested();

        var violations = new List<string>();
        long accounted = mm.AccountedPages();
        if (accounted + mm.Zone.FreePages != mm.Zone.Managed)
        {
            violations.Add($"at the end {accounted} pages are held and {mm.Zone.FreePages} free, not {mm.Zone.Managed} in all");
        }
        violations.AddRange(mm.Zone.CheckInvariants());
        return Outcome(mm, cast.Holder, ReserveOutcome.Threaded, Math.Max(end, Now()), violations, clock.Elapsed.TotalMilliseconds);
    }

    // Internal so that tests can read the outcome of a model they drove by hand.
    internal static ReserveOutcome Outcome(MemoryModel mm, SimTask holder, string mode, long endTick, IReadOnlyList<string> violations, double? wallMilliseconds)
    {
        (bool inAllocation, long xfsRetries) = holder switch
        {
            WritebackWorker worker => (worker.InAllocation, worker.XfsRetries),
            LockHoldingThread thread => (thread.InAllocation, thread.XfsRetries),
            _ => (false, 0L),
        };
        SimTask? victim = mm.Victim;
        bool victimWaits = victim is MemoryConsumer { WaitingOnScenarioLock: true } && victim.WaitingOn == mm.LockName;
        bool livelocked = victimWaits && ReferenceEquals(mm.LockWriter, holder) && inAllocation && !mm.VictimProcess.MmFreed && mm.RecoveredAt is null;
        var dependency = new LockDependency(
            mm.LockName,
            $"{holder.Name} ({holder.Comm})",
            livelocked,
            victim is null ? null : $"{victim.Name} ({victim.Comm})",
            mm.VictimReserveAccess,
            victim?.Exited ?? false,
            mm.VictimProcess.MmFreed,
            holder.Allocations.LastSlowPathFlags,
            inAllocation ? holder.Allocations.CurrentPassesWithoutPage : 0,
            holder.Allocations.PagesBelowMin,
            holder.Allocations.Failures,
            inAllocation ? xfsRetries : 0);
        return new ReserveOutcome(
            mm.Policy,
            mode,
            endTick,
            mm.Zone.Watermarks,
            mm.Zone.Managed,
            mm.RecoveredAt is not null,
            mm.RecoveredAt - mm.PressureStart,
            mm.WrittenBack,
            mm.WrittenBackAfterKill,
            mm.LastWriteback,
            dependency,
            mm.Policy == ReservePolicy.Reaper ? new ReaperRecord(mm.ReapAttempts, mm.Reaped, mm.ReapGaveUp) : ReaperRecord.None,
            mm.Warnings,
            mm.OomKills,
            mm.DeepestFree,
            mm.ReachedZero,
            mm.Timeline,
            mm.Events,
            violations,
            wallMilliseconds);
    }
}
