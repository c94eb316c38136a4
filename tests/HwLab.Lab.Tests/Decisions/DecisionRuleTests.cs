using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Decisions;

public sealed class DecisionRuleTests
{
    [Theory]
    [InlineData(1.11, 1.30, VerdictOutcome.Confirmed)]
    [InlineData(0.90, 1.10, VerdictOutcome.Refuted)] // at the threshold is not above it
    [InlineData(1.05, 1.20, VerdictOutcome.Inconclusive)]
    public void Above(double low, double high, VerdictOutcome outcome)
        => Assert.Equal(outcome, DecisionRule.Above("f", 1.10).Decide(low, high));

    [Theory]
    [InlineData(0.90, 1.10, VerdictOutcome.Confirmed)]
    [InlineData(1.11, 1.30, VerdictOutcome.Refuted)]
    [InlineData(1.00, 1.20, VerdictOutcome.Inconclusive)]
    public void At_most(double low, double high, VerdictOutcome outcome)
        => Assert.Equal(outcome, DecisionRule.AtMost("f", 1.10).Decide(low, high));

    [Theory]
    [InlineData(0.96, 1.04, VerdictOutcome.Confirmed)]
    [InlineData(1.06, 1.20, VerdictOutcome.Refuted)]
    [InlineData(0.80, 0.94, VerdictOutcome.Refuted)]
    [InlineData(1.00, 1.10, VerdictOutcome.Inconclusive)]
    public void Within(double low, double high, VerdictOutcome outcome)
        => Assert.Equal(outcome, DecisionRule.Within("f", 1.0, 0.05).Decide(low, high));

    [Fact]
    public void An_interval_that_is_not_one_decides_nothing()
    {
        Assert.Equal(VerdictOutcome.Inconclusive, DecisionRule.Above("f", 1).Decide(double.NaN, 2));
        Assert.Equal(VerdictOutcome.Inconclusive, DecisionRule.Above("f", 1).Decide(3, 2));
    }

    // Every effect claim is decided by "above": only an interval wholly past the threshold confirms,
    // one wholly at or under it refutes, and one that reaches both sides decides nothing.
    [Theory]
    [InlineData(1.20, 1.40, VerdictOutcome.Confirmed)]    // wholly above
    [InlineData(0.80, 1.00, VerdictOutcome.Refuted)]      // wholly below
    [InlineData(1.00, 1.20, VerdictOutcome.Inconclusive)] // overlapping the threshold
    [InlineData(1.10, 1.20, VerdictOutcome.Inconclusive)] // low end touching it: the threshold is not above itself
    [InlineData(1.10, 1.10, VerdictOutcome.Refuted)]      // a point interval on it
    [InlineData(double.NegativeInfinity, double.PositiveInfinity, VerdictOutcome.Inconclusive)]
    public void Above_confirms_only_an_interval_wholly_past_the_threshold(double low, double high, VerdictOutcome outcome)
        => Assert.Equal(outcome, DecisionRule.Above("f", 1.10).Decide(low, high));

    [Theory]
    [InlineData(1.10, 1.10, VerdictOutcome.Confirmed)]    // at the bound is within it
    [InlineData(1.10, 1.20, VerdictOutcome.Inconclusive)] // low end touching it
    public void At_most_includes_its_bound(double low, double high, VerdictOutcome outcome)
        => Assert.Equal(outcome, DecisionRule.AtMost("f", 1.10).Decide(low, high));

    [Theory]
    [InlineData(0.75, 1.25, VerdictOutcome.Confirmed)]    // the band's own edges are inside it
    [InlineData(1.25, 1.50, VerdictOutcome.Inconclusive)] // touching the top edge from outside
    [InlineData(0.50, 0.75, VerdictOutcome.Inconclusive)] // touching the bottom edge from outside
    public void Within_includes_the_edges_of_its_band(double low, double high, VerdictOutcome outcome)
        => Assert.Equal(outcome, DecisionRule.Within("f", 1.0, 0.25).Decide(low, high)); // 0.75 to 1.25, exact in binary

    [Theory]
    [InlineData(double.NaN, 2.0)]
    [InlineData(2.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    public void No_direction_decides_an_interval_with_a_missing_end(double low, double high)
    {
        Assert.Equal(VerdictOutcome.Inconclusive, DecisionRule.Above("f", 1).Decide(low, high));
        Assert.Equal(VerdictOutcome.Inconclusive, DecisionRule.AtMost("f", 1).Decide(low, high));
        Assert.Equal(VerdictOutcome.Inconclusive, DecisionRule.Within("f", 1, 0.5).Decide(low, high));
    }

    [Fact]
    public void A_margin_belongs_to_an_equivalence_claim_only()
    {
        const string MarginMessage = "A margin belongs to a 'within' claim, and is positive there.";
        Assert.StartsWith(MarginMessage, Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRule.Within("f", 1, 0).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith(MarginMessage, Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionRule("f", Direction.Above, 1, 0.1).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "A threshold must be finite.", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRule.Above("f", double.NaN).Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_threshold_reads_as_the_claim_puts_it()
    {
        Assert.Equal("above 1.10", DecisionRule.Above("f", 1.1).ThresholdText);
        Assert.Equal("at most 1.05", DecisionRule.AtMost("f", 1.05).ThresholdText);
        Assert.Equal("within 0.95 to 1.05", DecisionRule.Within("f", 1, 0.05).ThresholdText);
    }
}
