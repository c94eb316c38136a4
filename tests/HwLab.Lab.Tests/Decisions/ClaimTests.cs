using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Decisions;

public sealed class ClaimTests
{
    private static readonly DecisionRule s_rule = DecisionRule.Above("ratio per round", 1.10);

    private static Claim ClaimOf(string topic, IReadOnlyList<RoundValue>? rounds) => new(topic, s_rule, _ => rounds);

    [Fact]
    public void A_claim_is_decided_by_its_rule_on_the_rounds_it_takes_from_the_points()
    {
        IReadOnlyList<RoundValue> rounds = SyntheticRounds.Around(1.6, 0.1, 10);
        IReadOnlyList<PointResult>? seen = null;
        var claim = new Claim("topic", s_rule, points => { seen = points; return rounds; });
        PointResult[] points = [];

        Decision decision = claim.Decide(points)!;

        Assert.Same(points, seen);
        Decision direct = Decider.Decide(s_rule, rounds);
        Assert.Equal((direct.Figure, direct.CiLower, direct.CiUpper, direct.SamplesUsed, direct.Why), (decision.Figure, decision.CiLower, decision.CiUpper, decision.SamplesUsed, decision.Why));
        Assert.Equal(VerdictOutcome.Confirmed, decision.Outcome);
        Assert.Same(s_rule, decision.Rule);
    }

    [Fact]
    public void A_claim_whose_points_were_not_measured_has_no_decision_and_is_left_out_of_all()
    {
        Claim measured = ClaimOf("measured", SyntheticRounds.Around(1.0, 0.01, 10));
        Claim missing = ClaimOf("missing", null);

        Assert.Null(missing.Decide([]));
        Decision only = Assert.Single(Claim.DecideAll([missing, measured, missing], []));
        Assert.Equal(VerdictOutcome.Refuted, only.Outcome);
        Assert.Throws<ArgumentNullException>(() => measured.Decide(null!));
        Assert.Throws<ArgumentNullException>(() => Claim.DecideAll(null!, []));
    }

    [Fact]
    public void A_decision_is_as_wide_as_its_interval_over_its_figure()
    {
        Decision decision = Decider.Decide(s_rule, SyntheticRounds.Around(2.0, 0.5, 6));

        Assert.Equal((decision.CiUpper - decision.CiLower) / 2.0, decision.RelativeWidth, 12);
        Assert.Equal(0.25, (decision with { Figure = -4, CiLower = -4.5, CiUpper = -3.5 }).RelativeWidth, 12);
        Assert.Equal(double.PositiveInfinity, (decision with { Figure = 0 }).RelativeWidth);
        Assert.Equal(double.PositiveInfinity, (decision with { CiLower = double.NaN }).RelativeWidth);
        Assert.False(decision.MachineChanged);
    }

    [Fact]
    public void The_machine_changed_only_when_more_than_one_placement_group_decided()
    {
        Decision decision = Decider.Decide(s_rule, SyntheticRounds.Around(2.0, 0.5, 6));
        GroupDecision group = new("placement ~25 ns", 25, VerdictOutcome.Confirmed, 2, 1.5, 2.5, 6);

        Assert.False((decision with { Groups = [group] }).MachineChanged);
        Assert.True((decision with { Groups = [group, group with { Placement = "placement ~290 ns" }] }).MachineChanged);
    }
}
