using HwLab.Lab.Fleet;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Fleet;

public sealed class MajorityVoteTests
{
    [Theory]
    [InlineData(VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Refuted)]
    [InlineData(VerdictOutcome.Refuted, VerdictOutcome.Refuted, VerdictOutcome.NotMeasurable, VerdictOutcome.Info)]
    [InlineData(VerdictOutcome.Inconclusive, VerdictOutcome.Inconclusive, VerdictOutcome.Inconclusive, VerdictOutcome.Confirmed)]
    [InlineData(VerdictOutcome.Confirmed, VerdictOutcome.Confirmed)]
    public void The_majority_is_the_outcome_of_more_than_half_of_the_votes(VerdictOutcome expected, params VerdictOutcome[] outcomes)
    {
        Assert.Equal(expected, MajorityVote.Of(Verdicts(outcomes)));
    }

    [Theory]
    [InlineData(VerdictOutcome.Confirmed, VerdictOutcome.Refuted)]
    [InlineData(VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Refuted, VerdictOutcome.Inconclusive)]
    [InlineData(VerdictOutcome.NotMeasurable, VerdictOutcome.Info)]
    [InlineData]
    public void Half_or_less_is_no_majority(params VerdictOutcome[] outcomes)
    {
        Assert.Null(MajorityVote.Of(Verdicts(outcomes)));
    }

    [Fact]
    public void A_claim_voted_two_ways_with_no_majority_is_split_and_marks_no_machine()
    {
        Verdict?[] verdicts = [.. Verdicts(VerdictOutcome.Confirmed, VerdictOutcome.Refuted), null];
        var claim = new FleetClaim("falseshare", "A claim.", verdicts, MajorityVote.Of(verdicts));

        Assert.True(claim.IsSplit);
        Assert.False(claim.HasOffMajority);
        Assert.Equal(2, claim.Votes);
    }

    [Fact]
    public void An_absent_verdict_and_one_that_is_not_measurable_are_never_off_the_majority()
    {
        Verdict?[] verdicts = [.. Verdicts(VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.NotMeasurable), null];
        var claim = new FleetClaim("swap", "A claim.", verdicts, MajorityVote.Of(verdicts));

        Assert.Equal(VerdictOutcome.Confirmed, claim.Majority);
        Assert.Equal([false, false, false, false], Enumerable.Range(0, 4).Select(claim.IsOffMajority));
        Assert.False(claim.IsSplit);
    }

    private static Verdict?[] Verdicts(params VerdictOutcome[] outcomes) => [.. outcomes.Select(o => new Verdict("A claim.", "-", o, "why"))];
}
