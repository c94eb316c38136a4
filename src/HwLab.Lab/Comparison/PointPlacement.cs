using HwLab.Lab.Decisions;

namespace HwLab.Lab.Comparison;

/// <summary>
/// Which machine state each side of one point was measured in. The probes of both sides are
/// split together, so that the same group boundaries apply to both, and each side is labelled
/// with the group holding more than half of its probes.
/// </summary>
/// <remarks>
/// The probes are the point's own rounds, and only those whose samples the figure rests on (the
/// clean ones when the median uses them): they are the states its values were measured in.
/// Pooling the whole experiment would let rounds this figure dropped, or other points' rounds,
/// speak for it.
/// </remarks>
/// <param name="A">Side A's majority group label; null when A has no probe, or no group holds more than half of them.</param>
/// <param name="B">Side B's.</param>
public sealed record PointPlacement(string? A, string? B)
{
    /// <summary>Both sides were measured mostly in one machine state each, and not the same one.</summary>
    public bool Differs => A is not null && B is not null && A != B;

    /// <summary>No probe on either side: nothing is said about the machine's state.</summary>
    public static PointPlacement None { get; } = new(null, null);

    public static PointPlacement Of(IReadOnlyList<double> probesA, IReadOnlyList<double> probesB)
    {
        ArgumentNullException.ThrowIfNull(probesA);
        ArgumentNullException.ThrowIfNull(probesB);
        IReadOnlyList<PlacementGroup> groups = PlacementGroups.Split(probesA.Concat(probesB));
        return new PointPlacement(Majority(groups, probesA), Majority(groups, probesB));
    }

    private static string? Majority(IReadOnlyList<PlacementGroup> groups, IReadOnlyList<double> probes)
        => groups.FirstOrDefault(g => probes.Count(g.Contains) * 2 > probes.Count)?.Label;
}
