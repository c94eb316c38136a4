using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// Which outcome most machines reached on a claim. Confirmed, refuted and inconclusive vote; "not
/// measurable" and "info" do not, since a machine without a second socket or SMT has no view on a
/// claim that needs one, and an info line decides nothing. The majority is the outcome of more
/// than half of the votes; with no such outcome (one machine each way) there is none.
/// </summary>
internal static class MajorityVote
{
    public static bool Votes(string outcome) => outcome is Verdict.Confirmed or Verdict.Refuted or Verdict.Inconclusive;

    /// <summary>The outcome of more than half of the voting verdicts; null when none has that many, or none votes.</summary>
    public static string? Of(IEnumerable<Verdict?> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        string[] votes = [.. verdicts.OfType<Verdict>().Select(v => v.Outcome).Where(Votes)];
        return votes.GroupBy(o => o, StringComparer.Ordinal).FirstOrDefault(g => g.Count() * 2 > votes.Length)?.Key;
    }
}
