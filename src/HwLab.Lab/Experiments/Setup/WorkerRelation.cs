using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// What a point's workers are to each other, for its "relation" key: the relation of the farthest
/// two (what a line they share has to cross), or "alone" for one worker; so results group by it.
/// </summary>
public static class WorkerRelation
{
    public const string Key = "relation";

    public const string Alone = "alone";

    /// <summary>The relation of the farthest two of <paramref name="cpus"/>; SMT siblings for fewer than two.</summary>
    public static CpuRelation Farthest(CpuRelations relations, IReadOnlyList<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(cpus);
        CpuRelation farthest = CpuRelation.SmtSibling;
        for (int i = 0; i < cpus.Count; i++)
        {
            for (int j = i + 1; j < cpus.Count; j++)
            {
                CpuRelation relation = relations.Of(cpus[i], cpus[j]);
                farthest = relation > farthest ? relation : farthest;
            }
        }
        return farthest;
    }

    /// <summary>The key's value for workers on <paramref name="cpus"/>: "alone", or the farthest relation's name.</summary>
    public static string Name(CpuRelations relations, IReadOnlyList<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        return cpus.Distinct().Count() < 2 ? Alone : Farthest(relations, cpus).Name();
    }
}
