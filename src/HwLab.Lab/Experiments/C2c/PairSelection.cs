using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.C2c;

/// <summary>
/// Which CPU pairs c2c measures. Up to <c>fullMatrixCpus</c> CPUs, every pair: the matrix grows
/// with the square of the CPUs, 2016 pairs for 64. Beyond, a stratified sample, deterministic for
/// a seed: first up to <see cref="C2cPlan.PairsPerRelation"/> pairs of each relation present,
/// spread over the pairs of packages and of L3 domains that relation joins; then, for each pair of
/// L3 domains (a domain with itself included) that no chosen pair joins yet, one pair between them,
/// so that the map by L3 domain has no hole. On 512 CPUs in 32 domains that is at most 48 + 528
/// pairs of the 130 816.
/// </summary>
public static class PairSelection
{
    /// <exception cref="ArgumentException">A CPU of <paramref name="cpus"/> is not online in <paramref name="topology"/>.</exception>
    public static C2cPlan Plan(CpuTopology topology, IReadOnlyList<int> cpus, int fullMatrixCpus, int maxPairs, int seed)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(cpus);
        var relations = new CpuRelations(topology);
        int[] sorted = [.. cpus.Distinct().Order()];
        foreach (int cpu in sorted)
        {
            if (!relations.Contains(cpu))
            {
                throw new ArgumentException($"CPU {cpu} is not online, so it has no relation to measure.", nameof(cpus));
            }
        }
        int domains = sorted.Select(relations.L3DomainOf).Distinct().Count();
        long allPairs = (long)sorted.Length * (sorted.Length - 1) / 2;

        if (sorted.Length <= fullMatrixCpus)
        {
            var all = new List<CpuPair>((int)allPairs);
            for (int i = 0; i < sorted.Length; i++)
            {
                for (int j = i + 1; j < sorted.Length; j++)
                {
                    all.Add(Pair(relations, sorted[i], sorted[j]));
                }
            }
            return new C2cPlan(all, FullMatrix: true, sorted.Length, allPairs, domains, DomainPairsLeftOut: 0);
        }

        // Every pair, filed by relation and by the pair of L3 domains it joins (its stratum).
        var strata = new SortedDictionary<(int Low, int High), List<CpuPair>>();
        for (int i = 0; i < sorted.Length; i++)
        {
            for (int j = i + 1; j < sorted.Length; j++)
            {
                CpuPair pair = Pair(relations, sorted[i], sorted[j]);
                (int, int) key = Stratum(pair);
                if (!strata.TryGetValue(key, out List<CpuPair>? members))
                {
                    strata[key] = members = [];
                }
                members.Add(pair);
            }
        }

        var random = new Random(seed);
        var chosen = new List<CpuPair>();
        foreach (CpuRelation relation in CpuRelationNames.All)
        {
            foreach (CpuPair pair in SpreadSample(strata, relation, relations, random))
            {
                if (chosen.Count == maxPairs)
                {
                    break;
                }
                chosen.Add(pair);
            }
        }

        int leftOut = 0;
        var joined = new HashSet<(int, int)>(chosen.Select(Stratum));
        foreach (((int, int) key, List<CpuPair> members) in strata)
        {
            if (joined.Contains(key))
            {
                continue;
            }
            if (chosen.Count == maxPairs)
            {
                leftOut++;
                continue;
            }
            // Within one domain, a pair of cores stands for the L3 better than two threads of one core.
            List<CpuPair> candidates = members.Any(p => p.Relation != CpuRelation.SmtSibling)
                ? [.. members.Where(p => p.Relation != CpuRelation.SmtSibling)]
                : members;
            CpuPair representative = candidates[random.Next(candidates.Count)];
            chosen.Add(representative);
        }

        return new C2cPlan([.. chosen.OrderBy(p => p.First).ThenBy(p => p.Second)], FullMatrix: false, sorted.Length, allPairs, domains, leftOut);
    }

    // Up to PairsPerRelation pairs of the relation, one stratum at a time: strata are visited
    // round robin over the pairs of packages they join (so a cross-package relation on four
    // sockets draws from each pair of sockets in turn), in a seeded order within each, and each
    // visit takes a random pair not yet taken.
    private static IEnumerable<CpuPair> SpreadSample(
        SortedDictionary<(int Low, int High), List<CpuPair>> strata, CpuRelation relation, CpuRelations relations, Random random)
    {
        var byPackages = new SortedDictionary<(int, int), List<List<CpuPair>>>();
        foreach (List<CpuPair> members in strata.Values)
        {
            List<CpuPair> ofRelation = [.. members.Where(p => p.Relation == relation)];
            if (ofRelation.Count == 0)
            {
                continue;
            }
            int a = relations.PackageOf(ofRelation[0].First);
            int b = relations.PackageOf(ofRelation[0].Second);
            (int, int) packages = (Math.Min(a, b), Math.Max(a, b));
            if (!byPackages.TryGetValue(packages, out List<List<CpuPair>>? group))
            {
                byPackages[packages] = group = [];
            }
            group.Add(ofRelation);
        }
        List<List<CpuPair>>[] groups = [.. byPackages.Values];
        foreach (List<List<CpuPair>> group in groups)
        {
            List<CpuPair>[] shuffled = [.. group];
            random.Shuffle(shuffled);
            group.Clear();
            group.AddRange(shuffled);
        }
        List<List<CpuPair>> order = [.. Enumerable.Range(0, groups.Length == 0 ? 0 : groups.Max(g => g.Count))
            .SelectMany(round => groups.Where(g => round < g.Count).Select(g => g[round]))];

        int taken = 0;
        while (taken < C2cPlan.PairsPerRelation && order.Count > 0)
        {
            foreach (List<CpuPair> stratum in order)
            {
                if (taken == C2cPlan.PairsPerRelation || stratum.Count == 0)
                {
                    continue;
                }
                int index = random.Next(stratum.Count);
                CpuPair pair = stratum[index];
                // Swap-remove: a later visit to this stratum takes another pair.
                stratum[index] = stratum[^1];
                stratum.RemoveAt(stratum.Count - 1);
                taken++;
                yield return pair;
            }
            order.RemoveAll(s => s.Count == 0);
        }
    }

    private static CpuPair Pair(CpuRelations relations, int a, int b)
        => new(a, b, relations.Of(a, b), relations.L3DomainOf(a), relations.L3DomainOf(b));

    private static (int, int) Stratum(CpuPair pair) => (Math.Min(pair.FirstDomain, pair.SecondDomain), Math.Max(pair.FirstDomain, pair.SecondDomain));
}
