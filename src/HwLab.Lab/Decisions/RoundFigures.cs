using HwLab.Lab.Results;

namespace HwLab.Lab.Decisions;

/// <summary>
/// Deciding figures, round by round. The sampler interleaves variants (round 1: A B, round 2: A B,
/// ...), so the samples of one round were taken within moments of each other; a ratio computed
/// within each round cancels whatever drifted between rounds, and its median's interval says how
/// stable the ratio itself is, not how stable the machine was.
/// </summary>
public static class RoundFigures
{
    /// <summary>The sample extra holding the round's placement probe, ns per round trip.</summary>
    public const string PlacementExtra = "placementNs";

    /// <summary>The sample extra holding the memory probe taken just before the sample, ns per page swapped out and in on the first worker CPU.</summary>
    public const string MemoryExtra = "memoryNsPerPage";

    /// <summary>Per round: <paramref name="a"/>'s value over <paramref name="b"/>'s (NaN where b's is 0).</summary>
    public static IReadOnlyList<RoundValue> Ratio(PointResult a, PointResult b)
        => PerRound([a, b], s => s[1].Value == 0 ? double.NaN : s[0].Value / s[1].Value);

    /// <summary>
    /// Per round in which every point has a sample: <paramref name="value"/> of those samples, in
    /// the points' order. Rounds where any sample was flagged are left out when at least half of
    /// the rounds are clean (as <see cref="Statistics"/> does for a point).
    /// </summary>
    public static IReadOnlyList<RoundValue> PerRound(IReadOnlyList<PointResult> points, Func<IReadOnlyList<SampleRecord>, double> value)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(value);
        if (points.Count == 0)
        {
            return [];
        }
        Dictionary<int, SampleRecord>[] byRound = [.. points.Select(p => p.Samples.GroupBy(s => s.Index).ToDictionary(g => g.Key, g => g.First()))];
        List<SampleRecord[]> rounds = [.. byRound[0].Keys.Order()
            .Where(r => byRound.All(d => d.ContainsKey(r)))
            .Select(r => byRound.Select(d => d[r]).ToArray())];
        SampleRecord[][] clean = [.. rounds.Where(r => r.All(s => s.IsClean))];
        IEnumerable<SampleRecord[]> used = clean.Length > 0 && clean.Length * 2 >= rounds.Count ? clean : rounds;
        return [.. used.Select(r => new RoundValue(r[0].Index, value(r), Placement(r)))];
    }

    // Every variant of a round shares the probe taken before the round; the first that has one speaks for it.
    private static double? Placement(IReadOnlyList<SampleRecord> round)
        => round.Select(s => s.Extras.TryGetValue(PlacementExtra, out double ns) && double.IsFinite(ns) && ns > 0 ? ns : (double?)null)
            .FirstOrDefault(ns => ns is not null);
}
