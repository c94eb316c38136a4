using System.Globalization;
using HwLab.Lab.Results;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// One c2c point as the report reads it back from results: the two CPUs, their relation, their
/// L3 domains where the results carry them (results written before the l3 key have none), and the
/// median one-way latency.
/// </summary>
internal sealed record C2cMeasuredPair(int First, int Second, string Relation, (int First, int Second)? Domains, string Impl, double Median)
{
    public static IReadOnlyList<C2cMeasuredPair> Read(ExperimentResult result)
        => [.. result.Points.Select(Of)];

    /// <summary>Whether two CPUs are SMT siblings: the relation's name, or "smt" as results before the relation classes wrote it.</summary>
    public bool AreSiblings => Relation is "smt-sibling" or "smt";

    /// <summary>The relations in the order a reader meets them: closest first for the known names, then any other names in results (older ones) by name.</summary>
    public static IReadOnlyList<string> RelationOrder(IEnumerable<string> relations)
    {
        string[] found = [.. relations.Distinct(StringComparer.Ordinal)];
        string[] known = [.. CpuRelationNames.All.Select(r => r.Name()).Where(found.Contains)];
        return [.. known, .. found.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static C2cMeasuredPair Of(PointResult point)
    {
        // The pair's form is checked on reading (KeySchema); the l3 key, newer, may be absent.
        (int first, int second) = Numbers(point.Key(C2cKeys.Pair))!.Value;
        (int, int)? domains = point.Keys.TryGetValue(C2cKeys.L3, out string? l3) ? Numbers(l3) : null;
        return new C2cMeasuredPair(first, second, point.Keys.GetValueOrDefault(C2cKeys.Relation) ?? "unstated", domains, point.Key(C2cKeys.Impl), point.Stats.Median);
    }

    private static (int, int)? Numbers(string text)
    {
        string[] parts = text.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int a)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int b)
                ? (a, b)
                : null;
    }
}
