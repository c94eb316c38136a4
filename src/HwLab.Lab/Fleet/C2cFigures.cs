using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Fleet;

/// <summary>
/// The c2c experiment's one-way latency per relation of the CPU pair (whatever relations the
/// results carry) and implementation: the median over the pairs of that relation of each pair's
/// median, as the experiment's own latency lines take it.
/// </summary>
internal static class C2cFigures
{
    private const string Experiment = "c2c";

    // Points written before pairs carried a relation are still one group of their own.
    private const string NoRelation = "unstated";

    // Results written before the relations by cache and node (their points have no l3 key) knew
    // three: "smt" and "cross-package" mean what smt-sibling and other-package mean now, but their
    // "same-package" is any two cores of a package, which now splits into same-l3 to same-package.
    private const string OlderSamePackage = "older same-package";

    public static IEnumerable<FleetFigure?> From(IReadOnlyList<FleetMachine> machines)
    {
        string[] found = [.. machines
            .SelectMany(m => m.Document.Experiment(Experiment)?.Points ?? [])
            .Select(Relation)
            .Distinct(StringComparer.Ordinal)];
        string[] known = [.. CpuRelationNames.All.Select(r => r.Name()), OlderSamePackage];
        string[] relations = [.. known.Where(found.Contains), .. found.Except(known, StringComparer.Ordinal)];
        IReadOnlyList<string> impls = FleetFigures.KeyValues(machines, Experiment, "impl", [C2cExperiment.Native, C2cExperiment.Managed]);
        return relations.SelectMany(relation => impls.Select(impl =>
            FleetFigures.Of(machines, Experiment, $"c2c one-way latency, {RelationText(relation)} ({impl})", "ns", e => Value(e, relation, impl))));
    }

    private static string Relation(PointResult point)
    {
        string? relation = point.Keys.GetValueOrDefault("relation");
        bool older = !point.Keys.ContainsKey("l3");
        return relation switch
        {
            null => NoRelation,
            "smt" when older => CpuRelation.SmtSibling.Name(),
            "cross-package" when older => CpuRelation.OtherPackage.Name(),
            "same-package" when older => OlderSamePackage,
            _ => relation,
        };
    }

    private static FleetValue? Value(ExperimentResult experiment, string relation, string impl)
    {
        double[] medians = [.. experiment.Points
            .Where(p => Relation(p) == relation && p.Keys.GetValueOrDefault("impl") == impl)
            .Select(p => p.Stats.Median)];
        return medians.Length == 0 ? null : new FleetValue(MedianInterval.Of(medians).Median, medians.Length == 1 ? "1 pair" : $"median of {medians.Length} pairs");
    }

    private static string RelationText(string relation) => relation switch
    {
        NoRelation => "pairs of no stated relation",
        OlderSamePackage => "one package, any cache (older results)",
        _ when CpuRelationNames.TryParse(relation, out CpuRelation known) => known switch
        {
            CpuRelation.SmtSibling => "SMT siblings",
            CpuRelation.SameL2 => "shared L2",
            CpuRelation.SameL3 => "shared L3",
            CpuRelation.SameNode => "same node, other L3",
            CpuRelation.SamePackage => "same package, other node",
            _ => "other package",
        },
        _ => relation,
    };
}
