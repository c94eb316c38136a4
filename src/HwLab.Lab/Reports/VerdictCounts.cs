using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>
/// The one-line tally both reports print: "3 confirmed, 1 refuted, 2 inconclusive, 0 not measurable".
/// It counts the verdicts on named claims (those with a <see cref="Verdict.Topic"/>); a verdict
/// of its own (a fairness figure, an info line) answers no claim and is left out of the tally.
/// </summary>
public static class VerdictCounts
{
    public static string Summary(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Verdict[] onClaims = [.. document.Experiments.SelectMany(e => e.Verdicts).Where(v => v.Topic is not null)];
        int Count(VerdictOutcome outcome) => onClaims.Count(v => v.Outcome == outcome);
        return $"{Count(VerdictOutcome.Confirmed)} confirmed, {Count(VerdictOutcome.Refuted)} refuted, {Count(VerdictOutcome.Inconclusive)} inconclusive, {Count(VerdictOutcome.NotMeasurable)} not measurable";
    }
}
