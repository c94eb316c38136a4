using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// Which CPU pairs to measure. All of them while they fit in the budget; beyond it, one pair of
/// each relation first (SMT siblings, same package, cross package), then a seeded random sample of
/// the rest, so a 256-CPU machine finishes in bounded time and a rerun measures the same pairs.
/// </summary>
public static class PairSelection
{
    public static IReadOnlyList<CpuPair> AllPairs(CpuTopology topology, IReadOnlyList<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(cpus);
        Dictionary<int, LogicalCpu> byId = topology.Cpus.ToDictionary(c => c.Id);
        var pairs = new List<CpuPair>();
        int[] sorted = [.. cpus.Distinct().Order()];
        for (int i = 0; i < sorted.Length; i++)
        {
            for (int j = i + 1; j < sorted.Length; j++)
            {
                pairs.Add(new CpuPair(sorted[i], sorted[j], Relation(byId, sorted[i], sorted[j])));
            }
        }
        return pairs;
    }

    public static IReadOnlyList<CpuPair> Choose(IReadOnlyList<CpuPair> all, int maxPairs, int seed)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Count <= maxPairs)
        {
            return all;
        }
        var chosen = new List<CpuPair>();
        foreach (IGrouping<string, CpuPair> relation in all.GroupBy(p => p.Relation))
        {
            if (chosen.Count < maxPairs)
            {
                chosen.Add(relation.First());
            }
        }
        var random = new Random(seed);
        CpuPair[] rest = [.. all.Except(chosen)];
        random.Shuffle(rest);
        chosen.AddRange(rest.Take(maxPairs - chosen.Count));
        return [.. chosen.OrderBy(p => p.First).ThenBy(p => p.Second)];
    }

    private static string Relation(Dictionary<int, LogicalCpu> byId, int a, int b)
    {
        if (!byId.TryGetValue(a, out LogicalCpu? first) || !byId.TryGetValue(b, out LogicalCpu? second))
        {
            return CpuPair.SamePackage;
        }
        if (first.ThreadSiblings.Contains(b))
        {
            return CpuPair.SmtSiblings;
        }
        return first.PackageId == second.PackageId ? CpuPair.SamePackage : CpuPair.CrossPackage;
    }
}
