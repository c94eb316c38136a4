using HwLab.Lab.Results;

namespace HwLab.Lab.Engine;

/// <summary>
/// Measures variants: warm each one up until its figure settles and the JIT has gone quiet, then
/// take samples interleaved (round 1: A B C, round 2: A B C, ...), so that frequency drift,
/// a noisy neighbour or thermal throttling lands on every variant instead of on the last one.
/// </summary>
public static class Sampler
{
    /// <summary>Runs every variant; <paramref name="progress"/> gets (runs done, runs planned) after each run.</summary>
    /// <returns>Each variant's samples, in the variants' order. On cancellation, between runs or inside one (whose
    /// partial figures are dropped: a cut run is not a sample), the points measured so far (only variants with
    /// at least one sample) come back through <see cref="SamplingInterruptedException"/>.</returns>
    public static IReadOnlyList<PointResult> Run(IReadOnlyList<Variant> variants, SamplingPlan plan, CancellationToken cancellation, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        var samples = variants.Select(_ => new List<SampleRecord>()).ToArray();
        int planned = variants.Count * (plan.Samples + plan.MinWarmup);
        int done = 0;
        try
        {
            for (int v = 0; v < variants.Count; v++)
            {
                done += WarmUp(variants[v], plan, cancellation);
                progress?.Invoke(done, planned);
            }
            for (int round = 0; round < plan.Samples; round++)
            {
                for (int v = 0; v < variants.Count; v++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    TeamRun run = WorkerTeam.Run(variants[v].Cpus, variants[v].Workload, variants[v].Limit, cancellation);
                    samples[v].Add(Record(round, variants[v], run));
                    progress?.Invoke(++done, planned);
                }
            }
        }
        catch (OperationCanceledException e)
        {
            throw new SamplingInterruptedException(ToPoints(variants, samples), e);
        }
        return ToPoints(variants, samples);
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

    private static SampleRecord Record(int index, Variant variant, TeamRun run)
    {
        SampleFlags flags = run.Flags;
        return new SampleRecord(
            index,
            variant.Value(run),
            run.TotalOperations,
            run.ElapsedNanoseconds,
            [.. Enum.GetValues<SampleFlags>().Where(f => f != SampleFlags.None && flags.HasFlag(f)).Select(f => f.ToString())],
            run.GarbageCollections,
            run.JitCompilations,
            [.. run.Workers.Select(w => new WorkerSample(w.Worker, w.Cpu, w.Operations, w.ElapsedNanoseconds, w.OnCpuNanoseconds, w.Migrations, w.ContextSwitches))],
            variant.Extras?.Invoke(run) ?? new Dictionary<string, double>());
    }

    private static List<PointResult> ToPoints(IReadOnlyList<Variant> variants, List<SampleRecord>[] samples)
        => [.. variants.Select((v, i) => (Variant: v, Samples: samples[i]))
            .Where(x => x.Samples.Count > 0)
            .Select(x => new PointResult(PointResult.IdOf(x.Variant.Keys), x.Variant.Keys, x.Variant.Metric, x.Variant.Unit, Statistics.From(x.Samples), x.Samples, new Dictionary<string, double>()))];
}
