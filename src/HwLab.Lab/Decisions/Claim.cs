using HwLab.Lab.Results;

namespace HwLab.Lab.Decisions;

/// <summary>
/// A claim an experiment decides by interval, declared before it measures: its topic, its rule,
/// and how its figure's rounds come out of the points. The sampler asks every claim after each
/// round past the minimum; the verdicts ask them once more at the end, so the two never disagree.
/// </summary>
/// <param name="Rounds">The figure per round; null when the points this claim needs were not measured.</param>
public sealed record Claim(string Topic, DecisionRule Rule, Func<IReadOnlyList<PointResult>, IReadOnlyList<RoundValue>?> Rounds)
{
    /// <summary>The claim's decision on <paramref name="points"/>; null when it cannot be decided from them at all.</summary>
    public Decision? Decide(IReadOnlyList<PointResult> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Rounds(points) is { } rounds ? Decider.Decide(Rule, rounds) : null;
    }

    /// <summary>Every claim's decision that can be made from <paramref name="points"/>.</summary>
    public static IReadOnlyList<Decision> DecideAll(IEnumerable<Claim> claims, IReadOnlyList<PointResult> points)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return [.. claims.Select(c => c.Decide(points)).OfType<Decision>()];
    }
}
