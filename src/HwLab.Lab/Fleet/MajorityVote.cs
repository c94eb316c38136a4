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
    public static bool Votes(VerdictOutcome outcome) => outcome is VerdictOutcome.Confirmed or VerdictOutcome.Refuted or VerdictOutcome.Inconclusive;

    /// <summary>The outcome of more than half of the voting verdicts; null when none has that many, or none votes.</summary>
    public static VerdictOutcome? Of(IEnumerable<Verdict?> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        VerdictOutcome[] votes = [.. verdicts.OfType<Verdict>().Select(v => v.Outcome).Where(Votes)];
        IGrouping<VerdictOutcome, VerdictOutcome>? most = votes.GroupBy(o => o).FirstOrDefault(g => g.Count() * 2 > votes.Length);
        return most?.Key;
    }
}
