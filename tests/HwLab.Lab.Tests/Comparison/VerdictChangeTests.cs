using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Decisions;

namespace HwLab.Lab.Tests.Comparison;

public sealed class VerdictChangeTests
{
    private static Verdict Plain(string claim, VerdictOutcome outcome, string? topic = null) => new(claim, "measured", outcome, "why") { Topic = topic };

    [Fact]
    public void Only_claims_whose_outcome_differs_are_changes()
    {
        Verdict[] a = [Plain("same", VerdictOutcome.Confirmed, "t1"), Plain("moved", VerdictOutcome.Confirmed, "t2")];
        Verdict[] b = [Plain("same", VerdictOutcome.Confirmed, "t1"), Plain("moved", VerdictOutcome.Refuted, "t2")];

        VerdictChange change = Assert.Single(VerdictChange.Between(a, b));

        Assert.Equal(new VerdictChange("t2", "moved", VerdictOutcome.Confirmed, VerdictOutcome.Refuted, null, null), change);
    }

    [Fact]
    public void A_claim_on_one_side_only_is_a_change_with_nothing_on_the_other()
    {
        VerdictChange[] changes = VerdictChange.Between([Plain("only a", VerdictOutcome.Inconclusive, "ta")], [Plain("only b", VerdictOutcome.Refuted, "tb")]);

        Assert.Equal(
            [new VerdictChange("ta", "only a", VerdictOutcome.Inconclusive, null, null, null), new VerdictChange("tb", "only b", null, VerdictOutcome.Refuted, null, null)],
            changes);
    }

    [Fact]
    public void Verdicts_pair_by_topic_and_without_one_by_claim_text_the_first_of_a_key_speaking_for_it()
    {
        // The claim's wording changed between versions; the topic still pairs the two.
        Verdict[] a = [Plain("old wording", VerdictOutcome.Confirmed, "topic"), Plain("untopical", VerdictOutcome.Refuted), Plain("untopical", VerdictOutcome.Confirmed)];
        Verdict[] b = [Plain("new wording", VerdictOutcome.Confirmed, "topic"), Plain("untopical", VerdictOutcome.Refuted)];

        Assert.Empty(VerdictChange.Between(a, b));
        Assert.Single(VerdictChange.Between(a, [b[0], Plain("untopical", VerdictOutcome.Confirmed)]));
    }

    [Fact]
    public void A_change_carries_what_each_side_was_decided_on()
    {
        Decision decision = Decider.Decide(DecisionRule.Above("ratio per round", 1.10), SyntheticRounds.Around(1.7, 0.05, 6));
        Verdict decided = Verdict.Decided("claim", "measured", decision) with { Topic = "t" };

        VerdictChange change = Assert.Single(VerdictChange.Between([decided], [Plain("claim", VerdictOutcome.Refuted, "t")]));

        Assert.Equal(new VerdictFigures("ratio per round", decision.Figure, decision.CiLower, decision.CiUpper, "above 1.10", 6), change.DecidedA);
        Assert.Null(change.DecidedB);
    }

    [Fact]
    public void A_change_is_worded_as_side_A_words_its_claim()
    {
        VerdictChange change = Assert.Single(VerdictChange.Between([Plain("as A says it", VerdictOutcome.Confirmed, "t")], [Plain("as B says it", VerdictOutcome.Refuted, "t")]));

        Assert.Equal("as A says it", change.Claim);
    }
}
