using HwLab.Lab.Fleet;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Fleet;

public sealed class FleetTablesTests
{
    private readonly FleetTables _fleet = FleetFixtures.Tables();

    [Fact]
    public void Machines_are_grouped_by_cpu_model_and_two_runs_of_one_host_get_two_labels()
    {
        Assert.Equal(["AMD EPYC", FleetFixtures.OtherCpuModel], _fleet.Groups.Select(g => g.CpuModel));
        Assert.Equal(["vm#1", "vm#2"], _fleet.Groups[0].Machines.Select(m => m.Label));
        Assert.Equal([FleetFixtures.OtherHost], _fleet.Groups[1].Machines.Select(m => m.Label));
        Assert.Equal(["kvm-v1", "kvm-v2", "xeon"], _fleet.Machines.Select(m => m.Source));
    }

    [Fact]
    public void A_cpu_model_named_later_again_joins_its_group()
    {
        FleetInput[] inputs = [.. FleetFixtures.Inputs];
        FleetTables fleet = FleetTables.From([inputs[2], inputs[0], inputs[1]]);

        Assert.Equal([FleetFixtures.OtherCpuModel, "AMD EPYC"], fleet.Groups.Select(g => g.CpuModel));
        Assert.Equal([FleetFixtures.OtherHost, "vm#1", "vm#2"], fleet.Machines.Select(m => m.Label));
        Assert.Equal(["xeon", "kvm-v1", "kvm-v2"], fleet.Machines.Select(m => m.Source));
    }

    [Fact]
    public void Every_verdict_of_every_machine_sits_in_its_column_once()
    {
        for (int column = 0; column < _fleet.Machines.Count; column++)
        {
            Verdict[] own = [.. _fleet.Machines[column].Document.Experiments.SelectMany(e => e.Verdicts)];
            Verdict[] shown = [.. _fleet.Claims.Select(c => c.Verdicts[column]).OfType<Verdict>()];
            Assert.Equal(own.Length, shown.Length);
            Assert.All(own, v => Assert.Contains(shown, s => ReferenceEquals(s, v)));
        }
        // The three runs ran the same suite: every claim has a verdict from every machine.
        Assert.All(_fleet.Claims, c => Assert.DoesNotContain(null, c.Verdicts));
        Assert.Equal(_fleet.Machines[0].Document.Experiments.Sum(e => e.Verdicts.Count), _fleet.Claims.Count);
    }

    [Fact]
    public void The_machine_that_refutes_what_two_confirm_is_off_the_majority()
    {
        FleetClaim claim = ClaimOn(FleetFixtures.FlippedTopic);

        AssertVotes(claim, [VerdictOutcome.Confirmed, VerdictOutcome.Confirmed, VerdictOutcome.Refuted], (VerdictOutcome.Confirmed, 2, 3));
        Assert.Equal([false, false, true], Enumerable.Range(0, 3).Select(claim.IsOffMajority));
        Assert.False(claim.IsSplit);
    }

    [Fact]
    public void The_older_run_that_decided_otherwise_than_both_newer_ones_is_marked_on_those_claims()
    {
        // The captured runs themselves: the version-1 run confirmed that the managed bit lock costs
        // what lock bts costs; the version-2 run (and its copy) refuted it.
        FleetClaim cost = ClaimOn(Topics.ManagedBitLockCost);
        AssertVotes(cost, [VerdictOutcome.Confirmed, VerdictOutcome.Refuted, VerdictOutcome.Refuted], (VerdictOutcome.Refuted, 2, 3));
        Assert.Equal([true, false, false], Enumerable.Range(0, 3).Select(cost.IsOffMajority));

        string[] offTopics = [.. _fleet.Claims.Where(c => c.IsOffMajority(0)).Select(c => c.Verdicts[0]!.Topic!)];
        Assert.Equal([Topics.ManagedFalseSharing, Topics.ManagedBitLockCost, Topics.ReviewBitLockSlow, Topics.SeedNotNoticeableAfterFirstRound], offTopics);
    }

    [Fact]
    public void A_machine_that_cannot_measure_a_claim_has_no_say_in_its_majority()
    {
        // Version 1 of the suite could not decide swap scaling on two CPUs; version 2 left it inconclusive.
        FleetClaim scaling = ClaimOn(Topics.SeedClusterLockScaling);

        AssertVotes(scaling, [VerdictOutcome.NotMeasurable, VerdictOutcome.Inconclusive, VerdictOutcome.Inconclusive], (VerdictOutcome.Inconclusive, 2, 2));
        Assert.False(scaling.HasOffMajority);
    }

    [Fact]
    public void The_penalty_at_8_bytes_is_each_machines_derived_penalty()
    {
        FleetFigure managed = _fleet.Figures.Single(f => f.Name == "false-sharing penalty at 8 bytes (managed)");
        double[] expected = [.. _fleet.Machines.Select(m => m.Document.Experiment("falseshare")!.Point("distance=8 impl=managed").Derived["penalty"])];

        Assert.Equal(expected, managed.Values.Select(v => v!.Value));
        Assert.Equal(FleetFixtures.FlippedPenalty, expected[2]);
        Assert.All(managed.Values, v => Assert.Equal("against 128 bytes apart", v!.Basis));
        Assert.Equal(FleetFigure.Times, managed.Unit);
    }

    [Fact]
    public void C2c_latency_is_given_per_relation_the_results_carry()
    {
        // The guest has one package and no SMT: its only pair is "same-package", written before the
        // relations by cache, when that meant any two cores of one package.
        string[] c2c = [.. _fleet.Figures.Select(f => f.Name).Where(n => n.StartsWith("c2c", StringComparison.Ordinal))];
        Assert.Equal(["c2c one-way latency, one package, any cache (older results) (native)", "c2c one-way latency, one package, any cache (older results) (managed)"], c2c);

        FleetFigure native = _fleet.Figures.Single(f => f.Name == c2c[0]);
        double[] expected = [.. _fleet.Machines.Select(m => m.Document.Experiment("c2c")!.Point("pair=0-1 relation=same-package impl=native").Stats.Median)];
        Assert.Equal(expected, native.Values.Select(v => v!.Value));
        Assert.All(native.Values, v => Assert.Equal("1 pair", v!.Basis));
    }

    [Fact]
    public void Swap_scaling_is_taken_at_the_most_workers_in_column_order_at_8_bytes()
    {
        string[] modes = ["device", "bitlock", "spinlock"];
        Assert.Equal(
            modes.Select(m => $"swap scaling, {m}: ops/s at the most workers over 1 worker (column order, 8-byte layout)"),
            _fleet.Figures.Select(f => f.Name).Where(n => n.StartsWith("swap", StringComparison.Ordinal)));
        foreach (string mode in modes)
        {
            FleetFigure figure = _fleet.Figures.Single(f => f.Name.StartsWith($"swap scaling, {mode}:", StringComparison.Ordinal));
            double[] expected = [.. _fleet.Machines.Select(m => m.Document.Experiment("swap")!.Point($"mode={mode} order=columns layout=8 workers=2").Derived["scaling"])];
            Assert.Equal(expected, figure.Values.Select(v => v!.Value));
            Assert.All(figure.Values, v => Assert.Equal("2 workers", v!.Basis));
        }
    }

    [Fact]
    public void Every_point_of_every_machine_is_a_row()
    {
        Assert.Equal(_fleet.Machines.Sum(m => m.Document.Experiments.Sum(e => e.Points.Count)), _fleet.Points.Count);
        Assert.Equal(_fleet.Machines.Select(m => m.Label), _fleet.Points.Select(p => p.Machine).Distinct());
        FleetPoint first = _fleet.Points[0];
        Assert.Equal(("vm#1", "vm", "AMD EPYC", "c2c"), (first.Machine, first.Host, first.CpuModel, first.Experiment));
    }

    private FleetClaim ClaimOn(string topic) => _fleet.Claims.Single(c => c.Verdicts[0]!.Topic == topic);

    private static void AssertVotes(FleetClaim claim, VerdictOutcome[] outcomes, (VerdictOutcome Outcome, int Of, int Votes) majority)
    {
        Assert.Equal(outcomes, claim.Verdicts.Select(v => v!.Outcome));
        Assert.Equal(majority, (claim.Majority!.Value, claim.MajorityVotes, claim.Votes));
    }

    [Fact]
    public void An_empty_fleet_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FleetTables.From([]));
    }
}
