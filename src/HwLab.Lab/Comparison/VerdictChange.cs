using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>A claim whose outcome differs between the two sides (confirmed on one machine, refuted on the other).</summary>
/// <param name="Key">The verdict's topic, or its claim when it has none.</param>
/// <param name="A">The outcome on side A, or null when A has no such verdict.</param>
/// <param name="B">The outcome on side B, or null when B has no such verdict.</param>
/// <param name="DecidedA">What A's outcome was decided on, when A's verdict carries its decision (results schema 2); null otherwise.</param>
/// <param name="DecidedB">The same for B.</param>
public sealed record VerdictChange(string Key, string Claim, VerdictOutcome? A, VerdictOutcome? B, VerdictFigures? DecidedA, VerdictFigures? DecidedB)
{
    /// <summary>The claims whose outcome differs; verdicts pair up by topic, or by claim text for one without a topic.</summary>
    public static VerdictChange[] Between(IReadOnlyList<Verdict> a, IReadOnlyList<Verdict> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static string KeyOf(Verdict v) => v.Topic ?? v.Claim;
        Dictionary<string, Verdict> byKeyA = a.GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Dictionary<string, Verdict> byKeyB = b.GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. byKeyA.Keys.Union(byKeyB.Keys, StringComparer.Ordinal)
            .Select(key => (key, va: byKeyA.GetValueOrDefault(key), vb: byKeyB.GetValueOrDefault(key)))
            .Where(x => x.va?.Outcome != x.vb?.Outcome)
            .Select(x => new VerdictChange(x.key, (x.va ?? x.vb)!.Claim, x.va?.Outcome, x.vb?.Outcome, VerdictFigures.Of(x.va), VerdictFigures.Of(x.vb)))];
    }
}
