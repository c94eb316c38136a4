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

    [Fact]
    public void A_margin_belongs_to_an_equivalence_claim_only()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRule.Within("f", 1, 0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionRule("f", Direction.Above, 1, 0.1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRule.Above("f", double.NaN).Validate());
    }

    [Fact]
    public void The_threshold_reads_as_the_claim_puts_it()
    {
        Assert.Equal("above 1.10", DecisionRule.Above("f", 1.1).ThresholdText);
        Assert.Equal("at most 1.05", DecisionRule.AtMost("f", 1.05).ThresholdText);
        Assert.Equal("within 0.95 to 1.05", DecisionRule.Within("f", 1, 0.05).ThresholdText);
    }
}
