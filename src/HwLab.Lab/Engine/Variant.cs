namespace HwLab.Lab.Engine;

/// <summary>
/// One thing to measure: a workload on a set of CPUs with a run limit, and how a run turns into
/// the point's figure. The sampler runs variants interleaved, A B A B, so drift hits all alike.
/// </summary>
/// <param name="Keys">What distinguishes this variant from the others of the experiment.</param>
/// <param name="Cpus">Worker i runs on Cpus[i].</param>
/// <param name="Value">The figure of one run (for example ns per operation of the mean worker).</param>
/// <param name="Extras">Other figures of one run kept with its sample (for example same-line cluster picks), or null.</param>
public sealed record Variant(
    IReadOnlyDictionary<string, string> Keys,
    string Metric,
    string Unit,
    IReadOnlyList<int> Cpus,
    IWorkload Workload,
    RunLimit Limit,
    Func<TeamRun, double> Value,
    Func<TeamRun, IReadOnlyDictionary<string, double>>? Extras = null);
