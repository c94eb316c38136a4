using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// The c2c experiment's one-way latency per relation of the CPU pair (SMT siblings, one package,
/// two packages: whatever relations the results carry) and implementation: the median over the
/// pairs of that relation of each pair's median, as the experiment's own latency lines take it.
/// </summary>
internal static class C2cFigures
{
    private const string Experiment = "c2c";

    // Points written before pairs carried a relation are still one group of their own.
    private const string NoRelation = "unstated";

    public static IEnumerable<FleetFigure?> From(IReadOnlyList<FleetMachine> machines)
    {
        IReadOnlyList<string> relations = FleetFigures.KeyValues(machines, Experiment, "relation", [CpuPair.SmtSiblings, CpuPair.SamePackage, CpuPair.CrossPackage], NoRelation);
        IReadOnlyList<string> impls = FleetFigures.KeyValues(machines, Experiment, "impl", [C2cExperiment.Native, C2cExperiment.Managed]);
        return relations.SelectMany(relation => impls.Select(impl =>
            FleetFigures.Of(machines, Experiment, $"c2c one-way latency, {RelationText(relation)} ({impl})", "ns", e => Value(e, relation, impl))));
    }

    private static FleetValue? Value(ExperimentResult experiment, string relation, string impl)
    {
        double[] medians = [.. experiment.Points
            .Where(p => p.Keys.GetValueOrDefault("relation", NoRelation) == relation && p.Keys.GetValueOrDefault("impl") == impl)
            .Select(p => p.Stats.Median)];
        return medians.Length == 0 ? null : new FleetValue(MedianInterval.Of(medians).Median, medians.Length == 1 ? "1 pair" : $"median of {medians.Length} pairs");
    }

    private static string RelationText(string relation) => relation switch
    {
        CpuPair.SmtSiblings => "SMT siblings",
        CpuPair.SamePackage => "same package",
        CpuPair.CrossPackage => "other package",
        NoRelation => "pairs of no stated relation",
        _ => relation,
    };
}
