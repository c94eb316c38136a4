using System.Globalization;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Lab.Decisions;

/// <summary>
/// Decides a claim from its figure's rounds: the median over rounds, and its 95% confidence
/// interval (<see cref="MedianInterval"/>), placed against the rule's threshold.
/// When the placement probes split the rounds into machine states, each state is decided on its
/// own and the claim is decided only if every state with enough rounds agrees.
/// </summary>
public static class Decider
{
    /// <summary>Fewer rounds have no 95% interval (<see cref="MedianInterval"/>): the claim stays inconclusive.</summary>
    public const int MinimumRounds = MedianInterval.MinimumValues;

    public static Decision Decide(DecisionRule rule, IReadOnlyList<RoundValue> rounds)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(rounds);
        rule.Validate();
        RoundValue[] finite = [.. rounds.Where(r => double.IsFinite(r.Value))];
        (double figure, double low, double high) = MedianInterval.Of([.. finite.Select(r => r.Value)]);
        if (finite.Length < MinimumRounds)
        {
            return new Decision(VerdictOutcome.Inconclusive, rule, figure, low, high, finite.Length,
                $"Only {finite.Length} round(s) gave the figure; deciding needs at least {MinimumRounds}: more samples (--samples) would.", []);
        }

        IReadOnlyList<PlacementGroup> groups = PlacementGroups.Split(finite.Where(r => r.PlacementNs is not null).Select(r => r.PlacementNs!.Value));
        if (groups.Count <= 1)
        {
            VerdictOutcome outcome = rule.Decide(low, high);
            return new Decision(outcome, rule, figure, low, high, finite.Length, Explain(rule, outcome, low, high), []);
        }

        List<GroupDecision> perGroup = [.. groups.Select(g => DecideGroup(rule, g, finite))];
        GroupDecision[] deciding = [.. perGroup.Where(g => g.SamplesUsed >= MinimumRounds)];
        VerdictOutcome[] outcomes = [.. deciding.Select(g => g.Outcome).Distinct()];
        VerdictOutcome overall = deciding.Length > 0 && outcomes.Length == 1 ? outcomes[0] : VerdictOutcome.Inconclusive;
        // The interval reported is the hull of the deciding groups' intervals: consistent with the
        // outcome, since every group's interval lies on the side decided.
        double hullLow = deciding.Length > 0 ? deciding.Min(g => g.CiLower!.Value) : low;
        double hullHigh = deciding.Length > 0 ? deciding.Max(g => g.CiUpper!.Value) : high;
        return new Decision(overall, rule, figure, hullLow, hullHigh, finite.Length, ExplainGroups(rule, overall, perGroup), perGroup);
    }

    private static GroupDecision DecideGroup(DecisionRule rule, PlacementGroup group, IReadOnlyList<RoundValue> rounds)
    {
        double[] values = [.. rounds.Where(r => r.PlacementNs is double ns && group.Contains(ns)).Select(r => r.Value)];
        (double figure, double low, double high) = MedianInterval.Of(values);
        VerdictOutcome outcome = values.Length >= MinimumRounds ? rule.Decide(low, high) : VerdictOutcome.Inconclusive;
        return new GroupDecision(group.Label, group.Median, outcome, figure, double.IsFinite(low) ? low : null, double.IsFinite(high) ? high : null, values.Length);
    }

    private static string Explain(DecisionRule rule, VerdictOutcome outcome, double low, double high) => outcome switch
    {
        VerdictOutcome.Confirmed => $"The whole 95% interval {Range(low, high)} lies on the claimed side: {rule.ThresholdText}.",
        VerdictOutcome.Refuted when rule.Direction == Direction.Within => $"The whole 95% interval {Range(low, high)} lies outside the claimed band, {rule.ThresholdText}.",
        VerdictOutcome.Refuted => $"The whole 95% interval {Range(low, high)} lies on the other side of the claim, {rule.ThresholdText}.",
        _ => $"The 95% interval {Range(low, high)} straddles the claim's {rule.ThresholdText}: this run does not decide it; more samples (--samples), or a quieter or bare machine, would.",
    };

    private static string ExplainGroups(DecisionRule rule, VerdictOutcome overall, IReadOnlyList<GroupDecision> groups)
    {
        string each = string.Join("; ", groups.Select(g => g.SamplesUsed >= MinimumRounds
            ? string.Create(CultureInfo.InvariantCulture, $"{g.Placement}: {g.SamplesUsed} rounds, {g.Figure:0.00##} ({Range(g.CiLower!.Value, g.CiUpper!.Value)}), {g.Outcome.Text()}")
            : string.Create(CultureInfo.InvariantCulture, $"{g.Placement}: {g.SamplesUsed} round(s), too few to decide")));
        string head = $"The machine changed under the run: the placement probe found {groups.Count} states, decided one by one against {rule.ThresholdText} ({each}).";
        return overall == VerdictOutcome.Inconclusive
            ? $"{head} They do not agree, or too few rounds fell in one: a bare machine, or vCPUs pinned by the host, would decide it."
            : $"{head} Every state with enough rounds agrees.";
    }

    private static string Range(double low, double high) => $"{Numbers.Precise(low)} to {Numbers.Precise(high)}";
}
