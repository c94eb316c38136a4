using System.Globalization;
using HwLab.Lab.Decisions;

namespace HwLab.Lab.Comparison;

/// <summary>
/// Which machine state each side of one point was measured in. The probes of both sides are
/// split together, so that the same group boundaries apply to both; a side is labelled with the
/// group holding more than half of its probes, or as mixed when none does.
/// </summary>
/// <remarks>
/// The probes are the point's own rounds, and only those whose samples the figure rests on (the
/// clean ones when the median uses them): they are the states its values were measured in.
/// Pooling the whole experiment would let rounds this figure dropped, or other points' rounds,
/// speak for it.
/// </remarks>
/// <param name="A">Side A's majority group label, or "placement mixed (...)" when no group holds more than half of its probes; null when A has no probe.</param>
/// <param name="B">Side B's.</param>
/// <param name="Differs">
/// One side was measured mostly in one state and the other side mostly not in it: both in
/// different groups, or one in a group and the other spread over several, most of its rounds
/// outside that group (the host moved the vCPUs during that run). Two mixed sides are not told
/// apart.
/// </param>
public sealed record PointPlacement(string? A, string? B, bool Differs)
{
    /// <summary>No probe on either side: nothing is said about the machine's state.</summary>
    public static PointPlacement None { get; } = new(null, null, false);

    public static PointPlacement Of(IReadOnlyList<double> probesA, IReadOnlyList<double> probesB)
    {
        ArgumentNullException.ThrowIfNull(probesA);
        ArgumentNullException.ThrowIfNull(probesB);
        if (probesA.Count == 0 || probesB.Count == 0)
        {
            return new PointPlacement(Label(probesA), Label(probesB), false);
        }
        IReadOnlyList<PlacementGroup> groups = PlacementGroups.Split(probesA.Concat(probesB));
        PlacementGroup? majorityA = Majority(groups, probesA);
        PlacementGroup? majorityB = Majority(groups, probesB);
        bool differs = (majorityA is not null && MostlyOutside(majorityA, probesB))
            || (majorityB is not null && MostlyOutside(majorityB, probesA));
        return new PointPlacement(Label(groups, majorityA, probesA), Label(groups, majorityB, probesB), differs);
    }

    private static PlacementGroup? Majority(IReadOnlyList<PlacementGroup> groups, IReadOnlyList<double> probes)
        => groups.FirstOrDefault(g => HoldsMost(g, probes));

    private static bool HoldsMost(PlacementGroup group, IReadOnlyList<double> probes)
        => probes.Count(group.Contains) * 2 > probes.Count;

    // Split evenly is not mostly outside: half the side's rounds shared the other's state, and a
    // difference that shows in those too is not the placement's.
    private static bool MostlyOutside(PlacementGroup group, IReadOnlyList<double> probes)
        => probes.Count(p => !group.Contains(p)) * 2 > probes.Count;

    private static string? Label(IReadOnlyList<double> probes)
    {
        if (probes.Count == 0)
        {
            return null;
        }
        IReadOnlyList<PlacementGroup> groups = PlacementGroups.Split(probes);
        return Label(groups, Majority(groups, probes), probes);
    }

    private static string Label(IReadOnlyList<PlacementGroup> groups, PlacementGroup? majority, IReadOnlyList<double> probes)
    {
        if (majority is not null)
        {
            return majority.Label;
        }
        // No group holds most of the probes, so they fall in two groups at least.
        PlacementGroup[] held = [.. groups.Where(g => probes.Any(g.Contains))];
        return string.Create(CultureInfo.InvariantCulture, $"placement mixed (~{held.Min(g => g.Median):0.#} to ~{held.Max(g => g.Median):0.#} ns over {held.Length} groups)");
    }
}
