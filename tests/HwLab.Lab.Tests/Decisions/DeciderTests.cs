using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Decisions;

public sealed class DeciderTests
{
    private static readonly DecisionRule s_penalty = DecisionRule.Above("penalty per round", 1.10);

    [Fact]
    public void A_clear_effect_is_confirmed()
    {
        Decision decision = Decider.Decide(s_penalty, SyntheticRounds.Around(1.6, 0.1, 10));

        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.True(decision.CiLower > 1.10);
        Assert.InRange(decision.Figure, 1.5, 1.7);
        Assert.Equal(10, decision.SamplesUsed);
        Assert.Empty(decision.Groups);
    }

    [Fact]
    public void A_clear_non_effect_is_refuted()
    {
        Decision decision = Decider.Decide(s_penalty, SyntheticRounds.Around(1.00, 0.03, 10));

        Assert.Equal(VerdictOutcome.Refuted, decision.Outcome);
        Assert.True(decision.CiUpper <= 1.10);
    }

    [Fact]
    public void No_effect_inside_the_margin_confirms_an_equivalence_claim_and_an_effect_beyond_it_refutes_it()
    {
        DecisionRule padding = DecisionRule.Within("64 over 128 bytes", 1.0, 0.05);

        Assert.Equal(VerdictOutcome.Confirmed, Decider.Decide(padding, SyntheticRounds.Around(1.01, 0.02, 10)).Outcome);
        Assert.Equal(VerdictOutcome.Refuted, Decider.Decide(padding, SyntheticRounds.Around(1.30, 0.05, 10)).Outcome);
    }

    [Fact]
    public void A_wide_noisy_spread_around_the_threshold_is_inconclusive_and_says_what_would_decide_it()
    {
        Decision decision = Decider.Decide(s_penalty, SyntheticRounds.Around(1.10, 0.8, 10));

        Assert.Equal(VerdictOutcome.Inconclusive, decision.Outcome);
        Assert.True(decision.CiLower <= 1.10 && decision.CiUpper > 1.10);
        Assert.Contains("straddles", decision.Why);
        Assert.Contains("more samples", decision.Why);
    }

    [Fact]
    public void Too_few_rounds_decide_nothing()
    {
        Decision decision = Decider.Decide(s_penalty, SyntheticRounds.Around(5.0, 0.01, 2));

        Assert.Equal(VerdictOutcome.Inconclusive, decision.Outcome);
        Assert.Contains("at least 6", decision.Why);
    }

    [Fact]
    public void No_rounds_or_only_undefined_ones_decide_nothing()
    {
        IReadOnlyList<RoundValue>[] cases = [[], [.. Enumerable.Range(0, 8).Select(i => new RoundValue(i, double.NaN, null))]];
        foreach (IReadOnlyList<RoundValue> rounds in cases)
        {
            Decision decision = Decider.Decide(s_penalty, rounds);

            Assert.Equal(VerdictOutcome.Inconclusive, decision.Outcome);
            Assert.Equal(0, decision.SamplesUsed);
            Assert.True(double.IsNaN(decision.Figure) && double.IsNaN(decision.CiLower) && double.IsNaN(decision.CiUpper));
            Assert.StartsWith("Only 0 round(s) gave the figure", decision.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bimodal_set_is_decided_per_placement_group_with_the_machine_changed_note()
    {
        // Half the rounds on one placement (25 ns probes, penalty 1.7x), half on another (290 ns, 5.6x).
        IReadOnlyList<RoundValue> rounds = [.. SyntheticRounds.Around(1.7, 0.05, 6, placementNs: 25), .. SyntheticRounds.Around(5.6, 0.2, 6, placementNs: 290, firstRound: 6)];

        Decision agreeing = Decider.Decide(s_penalty, rounds);

        Assert.Equal(VerdictOutcome.Confirmed, agreeing.Outcome);
        Assert.True(agreeing.MachineChanged);
        Assert.Equal(2, agreeing.Groups.Count);
        Assert.Equal(["placement ~25 ns", "placement ~290 ns"], agreeing.Groups.Select(g => g.Placement));
        Assert.All(agreeing.Groups, g => Assert.Equal(6, g.SamplesUsed));
        Assert.InRange(agreeing.Groups[0].Figure, 1.6, 1.8);
        Assert.InRange(agreeing.Groups[1].Figure, 5.3, 5.9);
        Assert.StartsWith("The machine changed under the run", agreeing.Why);

        // Against a threshold between the two, the groups disagree: nothing is decided.
        Decision split = Decider.Decide(DecisionRule.Above("penalty per round", 3.0), rounds);

        Assert.Equal(VerdictOutcome.Inconclusive, split.Outcome);
        Assert.Equal([VerdictOutcome.Refuted, VerdictOutcome.Confirmed], split.Groups.Select(g => g.Outcome));
        Assert.Contains("do not agree", split.Why);
    }

    [Fact]
    public void A_group_too_small_to_decide_is_reported_but_does_not_decide()
    {
        IReadOnlyList<RoundValue> rounds = [.. SyntheticRounds.Around(1.7, 0.05, 8, placementNs: 25), .. SyntheticRounds.Around(0.9, 0.01, 2, placementNs: 290, firstRound: 8)];

        Decision decision = Decider.Decide(s_penalty, rounds);

        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.Null(decision.Groups[1].CiLower);
        Assert.Null(decision.Groups[1].CiUpper);
        Assert.Contains("too few to decide", decision.Why);
    }

    [Fact]
    public void A_verdict_decided_by_interval_carries_its_rule_and_figures()
    {
        Decision decision = Decider.Decide(s_penalty, SyntheticRounds.Around(1.6, 0.1, 10));

        Verdict verdict = Verdict.Decided("claim", "measured", decision, "context");

        Assert.Equal(VerdictOutcome.Confirmed, verdict.Outcome);
        Assert.Equal(1.10, verdict.Threshold);
        Assert.Equal(0, verdict.Margin);
        Assert.Equal(Direction.Above, verdict.Direction);
        Assert.Equal(decision.CiLower, verdict.CiLower);
        Assert.Equal(decision.CiUpper, verdict.CiUpper);
        Assert.Equal(10, verdict.SamplesUsed);
        Assert.Equal("penalty per round", verdict.FigureName);
        Assert.Null(verdict.Groups);
        Assert.EndsWith("context", verdict.Why);
    }

    [Fact]
    public void The_interval_is_of_order_statistics_and_never_leaves_the_range_measured()
    {
        // Ten rounds: the 2nd smallest to the 2nd largest covers the median with 97.9%; one wild round moves nothing.
        (double median, double low, double high) = MedianInterval.Of([0.95, 0.93, 0.97, 0.96, 0.94, 0.95, 0.11, 0.96, 0.94, 0.95]);

        Assert.Equal((0.95, 0.93, 0.96), (median, low, high));
        Assert.True(double.IsNaN(MedianInterval.Of([1, 2, 3, 4, 5]).Low)); // no 95% interval from 5 rounds
        Assert.Equal((1.0, 6.0), (MedianInterval.Of([1, 2, 3, 4, 5, 6]).Low, MedianInterval.Of([1, 2, 3, 4, 5, 6]).High));
    }

    [Fact]
    public void Exact_values_give_a_point_interval()
    {
        (double median, double low, double high) = MedianInterval.Of([4096, 4096, 4096, 4096, 4096, 4096]);

        Assert.Equal((4096.0, 4096.0, 4096.0), (median, low, high));
    }

    [Fact]
    public void Each_outcome_says_where_the_interval_lies_against_the_rule()
    {
        // Six rounds 1.65 to 1.75 and 0.95 to 1.05: the interval is their whole range.
        Assert.Equal("The whole 95% interval 1.65 to 1.75 lies on the claimed side: above 1.10.",
            Decider.Decide(s_penalty, SyntheticRounds.Around(1.7, 0.05, 6)).Why);
        Assert.Equal("The whole 95% interval 0.95 to 1.05 lies on the other side of the claim, above 1.10.",
            Decider.Decide(s_penalty, SyntheticRounds.Around(1.0, 0.05, 6)).Why);
        Assert.Equal("The whole 95% interval 1.65 to 1.75 lies outside the claimed band, within 0.95 to 1.05.",
            Decider.Decide(DecisionRule.Within("ratio", 1.0, 0.05), SyntheticRounds.Around(1.7, 0.05, 6)).Why);
        Assert.Equal("The whole 95% interval 0.95 to 1.05 lies on the claimed side: within 0.90 to 1.10.",
            Decider.Decide(DecisionRule.Within("ratio", 1.0, 0.1), SyntheticRounds.Around(1.0, 0.05, 6)).Why);
    }

    [Fact]
    public void Undefined_rounds_are_left_out_and_the_rest_decide()
    {
        IReadOnlyList<RoundValue> rounds = [.. SyntheticRounds.Around(1.7, 0.05, 6), new RoundValue(6, double.NaN, null), new RoundValue(7, double.PositiveInfinity, null)];

        Decision decision = Decider.Decide(s_penalty, rounds);

        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.Equal(6, decision.SamplesUsed);
        Assert.Equal((1.65, 1.75), (Math.Round(decision.CiLower, 9), Math.Round(decision.CiUpper, 9)));
    }

    [Fact]
    public void Agreeing_placement_groups_report_the_hull_of_their_intervals_and_each_group_its_own()
    {
        // 1.65 to 1.75 on one placement, 5.4 to 5.8 on the other; four rounds with no probe count toward the figure only.
        IReadOnlyList<RoundValue> rounds =
        [
            .. SyntheticRounds.Around(1.7, 0.05, 6, placementNs: 25),
            .. SyntheticRounds.Around(5.6, 0.2, 6, placementNs: 290, firstRound: 6),
            .. Enumerable.Range(12, 4).Select(r => new RoundValue(r, 9.0, null)),
        ];

        Decision decision = Decider.Decide(s_penalty, rounds);

        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.Equal(16, decision.SamplesUsed);
        Assert.Equal(5.52, decision.Figure, 9); // the median of all sixteen rounds
        // The hull of the groups' intervals, not the interval of all sixteen rounds (1.71 to 9).
        Assert.Equal((1.65, 5.8), (Math.Round(decision.CiLower, 9), Math.Round(decision.CiUpper, 9)));
        GroupDecision first = decision.Groups[0];
        Assert.Equal((25.0, VerdictOutcome.Confirmed, 6), (first.PlacementNs, first.Outcome, first.SamplesUsed));
        Assert.Equal((1.7, 1.65, 1.75), (Math.Round(first.Figure, 9), Math.Round(first.CiLower!.Value, 9), Math.Round(first.CiUpper!.Value, 9)));
        Assert.Equal(
            "The machine changed under the run: the placement probe found 2 states, decided one by one against above 1.10 "
            + "(placement ~25 ns: 6 rounds, 1.70 (1.65 to 1.75), confirmed; placement ~290 ns: 6 rounds, 5.60 (5.40 to 5.80), confirmed). "
            + "Every state with enough rounds agrees.",
            decision.Why);
    }

    [Fact]
    public void Placement_groups_none_of_which_has_enough_rounds_decide_nothing()
    {
        IReadOnlyList<RoundValue> rounds = [.. SyntheticRounds.Around(1.7, 0.05, 5, placementNs: 25), .. SyntheticRounds.Around(1.8, 0.05, 5, placementNs: 290, firstRound: 5)];

        Decision decision = Decider.Decide(s_penalty, rounds);

        Assert.Equal(VerdictOutcome.Inconclusive, decision.Outcome);
        Assert.All(decision.Groups, g => Assert.Equal(VerdictOutcome.Inconclusive, g.Outcome));
        (double _, double low, double high) = MedianInterval.Of([.. rounds.Select(r => r.Value)]);
        Assert.Equal((low, high), (decision.CiLower, decision.CiUpper)); // no group's interval: the interval of all rounds
        Assert.Contains("placement ~25 ns: 5 round(s), too few to decide", decision.Why, StringComparison.Ordinal);
        Assert.EndsWith("a bare machine, or vCPUs pinned by the host, would decide it.", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_cannot_decide_anything_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Decider.Decide(DecisionRule.Above("x", double.NaN), SyntheticRounds.Around(1, 0.1, 6)));
        Assert.Throws<ArgumentNullException>(() => Decider.Decide(null!, []));
        Assert.Throws<ArgumentNullException>(() => Decider.Decide(s_penalty, null!));
    }

    [Fact]
    public void Rounds_all_on_one_placement_are_decided_together_without_groups()
    {
        Decision decision = Decider.Decide(s_penalty, SyntheticRounds.Around(1.7, 0.05, 8, placementNs: 25));

        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.Empty(decision.Groups);
        Assert.False(decision.MachineChanged);
    }

    [Fact]
    public void A_rule_read_back_from_a_verdict_keeps_the_figures_name()
    {
        DecisionRule? rule = DecisionRule.Of(DecidedDocuments.Above(VerdictOutcome.Confirmed, 1.15, 1.3));

        Assert.Equal(new DecisionRule(DecidedDocuments.FigureName, Direction.Above, 1.10), rule);
        Assert.Equal("", DecisionRule.Of(DecidedDocuments.Above(VerdictOutcome.Confirmed, 1.15, 1.3) with { FigureName = null })!.Figure);
    }
}
