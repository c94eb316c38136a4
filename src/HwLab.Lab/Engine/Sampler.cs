using System.Diagnostics;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Engine;

/// <summary>
/// Measures variants: warm each one up until its figure settles and the JIT has gone quiet, then
/// take samples interleaved (round 1: A B C, round 2: A B C, ...), so that frequency drift,
/// a noisy neighbour or thermal throttling lands on every variant instead of on the last one.
/// Before each round a placement probe records where the host has put the workers' CPUs; just
/// before each sample a memory probe records how fast memory is, and around it the workers' steal
/// time is read, so every sample carries the machine's state. Memory speed is probed per sample
/// because on a shared host it changes within a fraction of a second, less than a round takes.
/// Past the minimum, rounds continue while a claim is undecided, its interval still narrows and the
/// time budget lasts.
/// </summary>
public static class Sampler
{
    /// <summary>Runs every variant for <see cref="SamplingPlan.Samples"/> rounds, no more.</summary>
    public static IReadOnlyList<PointResult> Run(IReadOnlyList<Variant> variants, SamplingPlan plan, CancellationToken cancellation, Action<int, int>? progress = null)
        => Run(variants, plan, null, cancellation, progress).Points;

    /// <summary>
    /// Runs every variant for at least <see cref="SamplingPlan.Samples"/> rounds; then, while
    /// <paramref name="decide"/> leaves a claim inconclusive, adds rounds until every claim is
    /// decided, the undecided intervals stop narrowing, the next round would overrun
    /// <see cref="SamplingPlan.Budget"/>, or <see cref="SamplingPlan.MaxRounds"/> is reached.
    /// <paramref name="progress"/> gets (runs done, runs planned) after each run.
    /// </summary>
    /// <returns>Each variant's samples, in the variants' order. On cancellation, between runs or inside one (whose
    /// partial figures are dropped: a cut run is not a sample), the points measured so far (only variants with
    /// at least one sample) come back through <see cref="SamplingInterruptedException"/>.</returns>
    public static SamplingOutcome Run(
        IReadOnlyList<Variant> variants,
        SamplingPlan plan,
        Func<IReadOnlyList<PointResult>, IReadOnlyList<Decision>>? decide,
        CancellationToken cancellation,
        Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        var samples = variants.Select(_ => new List<SampleRecord>()).ToArray();
        int planned = variants.Count * (plan.Samples + plan.MinWarmup);
        int done = 0;
        using PlacementProbe? probe = PlacementProbe.For(variants.SelectMany(v => v.Cpus));
        using MemoryProbe? memory = variants.Count == 0 ? null : new MemoryProbe(variants[0].Cpus[0]);
        try
        {
            for (int v = 0; v < variants.Count; v++)
            {
                done += WarmUp(variants[v], plan, cancellation);
                progress?.Invoke(done, planned);
            }
            probe?.Measure(cancellation); // the probes' own warm-up: the first run pays for the JIT and cold lines
            memory?.Measure(cancellation);

            var narrowing = new NarrowingWatch();
            var extra = new Stopwatch();
            double lastRound = 0;
            int round = 0;
            string? stop = null;
            while (true)
            {
                // A round is timed from here, deciding included, so the budget check sees what the next one costs.
                long started = Stopwatch.GetTimestamp();
                if (round >= plan.Samples)
                {
                    stop = decide is null ? SamplingSummary.Decided : StopReason(decide(ToPoints(variants, samples)), round, plan, narrowing, extra.Elapsed.TotalSeconds, lastRound);
                    if (stop is not null)
                    {
                        break;
                    }
                    extra.Start();
                    planned = Math.Max(planned, done + variants.Count);
                }
                double? placementNs = probe?.Measure(cancellation);
                for (int v = 0; v < variants.Count; v++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    samples[v].Add(Sample(round, variants[v], placementNs, memory, cancellation));
                    progress?.Invoke(++done, planned);
                }
                lastRound = Stopwatch.GetElapsedTime(started).TotalSeconds;
                round++;
            }
            extra.Stop();
            SamplingSummary? summary = decide is null ? null : new SamplingSummary(plan.Samples, round, stop, plan.Budget.TotalSeconds, extra.Elapsed.TotalSeconds);
            return new SamplingOutcome(ToPoints(variants, samples), summary);
        }
        catch (OperationCanceledException e)
        {
            throw new SamplingInterruptedException(ToPoints(variants, samples), e);
        }
    }

    // Null: take another round.
    private static string? StopReason(IReadOnlyList<Decision> decisions, int rounds, SamplingPlan plan, NarrowingWatch narrowing, double extraSeconds, double lastRoundSeconds)
    {
        if (decisions.All(d => d.Outcome != VerdictOutcome.Inconclusive))
        {
            return SamplingSummary.Decided;
        }
        if (rounds >= plan.MaxRounds)
        {
            return SamplingSummary.RoundLimit;
        }
        if (extraSeconds + lastRoundSeconds > plan.Budget.TotalSeconds)
        {
            return SamplingSummary.Budget;
        }
        narrowing.Record(rounds, decisions);
        return narrowing.StillNarrowing(rounds) ? null : SamplingSummary.NotNarrowing;
    }

    private static int WarmUp(Variant variant, SamplingPlan plan, CancellationToken cancellation)
    {
        double previous = double.NaN;
        for (int run = 1; run <= plan.MaxWarmup; run++)
        {
            cancellation.ThrowIfCancellationRequested();
            TeamRun warm = WorkerTeam.Run(variant.Cpus, variant.Workload, variant.Limit, cancellation);
            double value = variant.Value(warm);
            bool settled = warm.JitCompilations == 0 && Math.Abs(value - previous) <= plan.WarmupTolerance * Math.Abs(previous);
            if (run >= plan.MinWarmup && settled)
            {
                return run;
            }
            previous = value;
        }
        return plan.MaxWarmup;
    }

    private static SampleRecord Sample(int round, Variant variant, double? placementNs, MemoryProbe? memory, CancellationToken cancellation)
    {
        double? memoryNsPerPage = memory?.Measure(cancellation);
        var before = StealMeter.Read();
        TeamRun run = WorkerTeam.Run(variant.Cpus, variant.Workload, variant.Limit, cancellation);
        double? stolen = StealMeter.Share(before, StealMeter.Read(), variant.Cpus);

        SampleFlags flags = run.Flags | (stolen > StealMeter.FlagShare ? SampleFlags.Stolen : SampleFlags.None);
        var extras = new Dictionary<string, double>(variant.Extras?.Invoke(run) ?? new Dictionary<string, double>());
        if (placementNs is double ns && double.IsFinite(ns))
        {
            extras[RoundFigures.PlacementExtra] = ns;
        }
        if (memoryNsPerPage is double perPage && double.IsFinite(perPage))
        {
            extras[RoundFigures.MemoryExtra] = perPage;
        }
        if (stolen is double share)
        {
            extras[StealMeter.Extra] = share;
        }
        return new SampleRecord(
            round,
            variant.Value(run),
            run.TotalOperations,
            run.ElapsedNanoseconds,
            [.. Enum.GetValues<SampleFlags>().Where(f => f != SampleFlags.None && flags.HasFlag(f)).Select(f => f.ToString())],
            run.GarbageCollections,
            run.JitCompilations,
            [.. run.Workers.Select(w => new WorkerSample(w.Worker, w.Cpu, w.Operations, w.ElapsedNanoseconds, w.OnCpuNanoseconds, w.Migrations, w.ContextSwitches))],
            extras);
    }

    private static List<PointResult> ToPoints(IReadOnlyList<Variant> variants, List<SampleRecord>[] samples)
        => [.. variants.Select((v, i) => (Variant: v, Samples: samples[i]))
            .Where(x => x.Samples.Count > 0)
            .Select(x => new PointResult(PointResult.IdOf(x.Variant.Keys), x.Variant.Keys, x.Variant.Metric, x.Variant.Unit, Statistics.From(x.Samples), x.Samples, new Dictionary<string, double>()))];
}
