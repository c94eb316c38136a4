using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

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
}
