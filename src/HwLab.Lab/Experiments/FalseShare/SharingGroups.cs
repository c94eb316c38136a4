using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.FalseShare;

/// <summary>
/// Chooses the CPUs of k workers whose clusters share one line, for each placement the machine has:
/// one CPU per core (SMT siblings share an L1, which would measure the core's own cache), from the
/// candidate CPUs, in the order of their ids.
/// </summary>
internal static class SharingGroups
{
    /// <summary>Every k (each once, smallest first) in every placement (each once, in the order given) this machine has; for the rest why not.</summary>
    public static (IReadOnlyList<SharingGroup> Groups, IReadOnlyList<string> Missing) PlaceAll(
        CpuTopology topology, IReadOnlyList<int> candidates, IEnumerable<int> sharers, IEnumerable<SharingPlacement> placements)
    {
        var relations = new CpuRelations(topology);
        var groups = new List<SharingGroup>();
        var missing = new List<string>();
        SharingPlacement[] where = [.. placements.Distinct()];
        foreach (int k in sharers.Distinct().Order())
        {
            foreach (SharingPlacement placement in where)
            {
                (IReadOnlyList<int>? cpus, string? why) = Choose(topology, relations, candidates, k, placement);
                if (cpus is null)
                {
                    missing.Add($"k = {k} {placement.Name()}: {why}");
                }
                else
                {
                    groups.Add(new SharingGroup(k, placement, cpus, WorkerRelation.Farthest(relations, cpus)));
                }
            }
        }
        return (groups, missing);
    }

    /// <summary>k CPUs placed as <paramref name="placement"/> asks, or null with why the machine cannot.</summary>
    public static (IReadOnlyList<int>? Cpus, string? Why) Choose(CpuTopology topology, CpuRelations relations, IReadOnlyList<int> candidates, int k, SharingPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(relations);
        int[] cores = [.. OnePerCore(topology, candidates).Where(relations.Contains)];
        switch (placement)
        {
            case SharingPlacement.SameL3:
                int[]? domain = cores.GroupBy(relations.L3DomainOf).Select(g => g.ToArray()).FirstOrDefault(g => g.Length >= k);
                return domain is null ? (null, $"no L3 domain has {k} cores among the CPUs") : (domain[..k], null);
            case SharingPlacement.OtherL3:
                foreach (IGrouping<int, int> package in cores.GroupBy(relations.PackageOf))
                {
                    int[][] domains = [.. package.GroupBy(relations.L3DomainOf).Select(g => g.ToArray())];
                    if (domains.Length >= 2 && domains.Sum(d => d.Length) >= k)
                    {
                        return (RoundRobin(domains, k), null);
                    }
                }
                return (null, $"no package has two L3 domains with {k} cores between them");
            default:
                int[][] packages = [.. cores.GroupBy(relations.PackageOf).Select(g => g.ToArray())];
                return packages.Length >= 2 && packages.Sum(p => p.Length) >= k
                    ? (RoundRobin(packages, k), null)
                    : (null, packages.Length < 2 ? "the CPUs are on one package" : $"the packages have fewer than {k} cores among the CPUs");
        }
    }

    private static IEnumerable<int> OnePerCore(CpuTopology topology, IReadOnlyList<int> candidates)
    {
        Dictionary<int, CpuSet> siblings = topology.Cpus.ToDictionary(c => c.Id, c => c.ThreadSiblings);
        var taken = new HashSet<int>();
        foreach (int cpu in candidates.Distinct().Order())
        {
            // A core is taken once: by the first of its threads among the candidates.
            if (siblings.TryGetValue(cpu, out CpuSet? core) && core.Any(taken.Contains))
            {
                continue;
            }
            taken.Add(cpu);
            yield return cpu;
        }
    }

    // One from each group in turn, so the workers spread over every group.
    private static int[] RoundRobin(int[][] groups, int k)
    {
        var chosen = new List<int>(k);
        for (int round = 0; chosen.Count < k; round++)
        {
            foreach (int[] group in groups)
            {
                if (round < group.Length && chosen.Count < k)
                {
                    chosen.Add(group[round]);
                }
            }
        }
        return [.. chosen];
    }
}

/// <summary>k workers placed one way: the CPUs, and what the farthest two of them are to each other.</summary>
internal sealed record SharingGroup(int Sharers, SharingPlacement Placement, IReadOnlyList<int> Cpus, CpuRelation Relation)
{
    /// <summary>These workers making lock/unlock pairs on <paramref name="workload"/>: keyed by the variant's own key, the lock, then k, placement and relation.</summary>
    public Variant LockPairs(string key, string value, string impl, IWorkload workload, long operationsPerWorker) => new(
        new Dictionary<string, string>
        {
            [key] = value,
            [FalseShareKeys.Impl] = impl,
            [FalseShareKeys.Sharers] = Sharers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [FalseShareKeys.Placement] = Placement.Name(),
            [FalseShareKeys.Relation] = Relation.Name(),
        },
        "ns per lock/unlock pair (mean of the workers)",
        "ns",
        Cpus,
        workload,
        RunLimit.ForOperations(operationsPerWorker),
        run => run.Workers.Average(w => w.NanosecondsPerOperation));
}
