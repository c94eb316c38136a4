namespace HwLab.Lab.Experiments.Planning;

/// <summary>
/// What an experiment's settings make it run, before anything runs: its variants, the rounds each
/// gets at least, and lines that say so for people (CPUs, pairs, worker counts). The run budget
/// checks it with floor costs; `hwlab plan` prices it with measured ones.
/// </summary>
/// <param name="Cpus">How many CPUs it uses.</param>
/// <param name="Points">Points it reports.</param>
/// <param name="Rounds">Rounds every variant runs at least (samples and warm-up).</param>
/// <param name="Runs">Its variants, grouped.</param>
/// <param name="Lines">What it will run, as (what, how much) lines.</param>
/// <param name="FixedNanoseconds">Time outside rounds of variants (the reserve experiment's threaded runs).</param>
public sealed record RunShape(int Cpus, long Points, long Rounds, IReadOnlyList<VariantRuns> Runs, IReadOnlyList<PlanLine> Lines, double FixedNanoseconds = 0)
{
    /// <summary>Nanoseconds of the minimum rounds, every variant run <see cref="Rounds"/> times, and the fixed time.</summary>
    public double MinimumNanoseconds(OperationCosts costs) => FixedNanoseconds + (Rounds * Runs.Sum(r => r.Variants * r.RunNanoseconds(costs)));
}
