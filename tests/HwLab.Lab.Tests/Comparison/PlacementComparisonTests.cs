using HwLab.Lab.Comparison;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;
using static HwLab.Lab.Tests.Comparison.ComparisonDocuments;

namespace HwLab.Lab.Tests.Comparison;

/// <summary>
/// A difference that came with another machine state (the placement probes of the 2-vCPU KVM
/// guest: about 25 ns with the vCPUs on neighbouring cores, about 290 ns far apart) is the
/// machine's, not the code's.
/// </summary>
public sealed class PlacementComparisonTests
{
    private static readonly double[] s_near = [24, 25, 26, 25, 27, 25];
    private static readonly double[] s_far = [280, 290, 300, 285, 295, 290];
    private static readonly double[] s_nearValues = [24.2, 24.5, 24.1, 24.3, 24.4, 24.3];
    private static readonly double[] s_farValues = [281, 290, 279, 285, 288, 284];

    [Fact]
    public void A_difference_with_different_placement_groups_is_reported_as_machine_state()
    {
        ResultsDocument a = Document(Probed("p", s_nearValues, s_near));
        ResultsDocument b = Document(Probed("p", s_farValues, s_far));

        ResultsComparison comparison = ResultsComparer.Compare(a, "a", b, "b");
        PointComparison point = Only(comparison);

        Assert.Equal(PointComparison.MachineStateDiffered, point.State);
        Assert.False(point.Flagged);
        Assert.Equal(("placement ~25 ns", "placement ~290 ns"), (point.A.Placement, point.B.Placement));
        Assert.True(point.CiLower > 1.05, point.Why);
        Assert.Contains("A ran at placement ~25 ns and B at placement ~290 ns", point.Why, StringComparison.Ordinal);
        Assert.Equal((0, 1), (comparison.Changed, comparison.MachineStateDiffered));
        Assert.Equal("placement ~25 ns vs placement ~290 ns", point.MachineState);
    }

    [Theory]
    // The same difference on one placement is a change.
    [InlineData(new[] { 48.1, 48.6, 48.2, 48.3, 48.4, 48.3 }, new double[] { 26, 25, 24, 27, 25, 26 }, PointComparison.Changed, "placement ~25 ns")]
    // Another placement without a difference is not flagged: a figure that passes no line between the CPUs does not follow it.
    [InlineData(new[] { 24.3, 24.4, 24.2, 24.5, 24.1, 24.3 }, new double[] { 280, 290, 300, 285, 295, 290 }, PointComparison.Unchanged, "placement ~290 ns")]
    public void Only_a_difference_that_came_with_another_placement_is_put_down_to_the_machine(double[] valuesB, double[] probesB, string state, string placementB)
    {
        PointComparison point = ComparePoints(Probed("p", s_nearValues, s_near), Probed("p", valuesB, probesB));

        Assert.Equal(state, point.State);
        Assert.Equal(("placement ~25 ns", placementB), (point.A.Placement, point.B.Placement));
    }

    [Fact]
    public void A_side_is_labelled_by_the_group_holding_most_of_its_rounds()
    {
        PointComparison point = ComparePoints(
            Probed("p", s_nearValues, s_near),
            Probed("p", s_farValues, [280, 26, 300, 25, 295, 295]));

        Assert.Equal(PointComparison.MachineStateDiffered, point.State);
        Assert.Equal("placement ~295 ns", point.B.Placement);
    }

    [Fact]
    public void A_side_split_evenly_between_states_is_mixed_and_its_difference_stands()
    {
        // Half of B's rounds ran where all of A's did, and B's figure is apart in those too.
        PointComparison point = ComparePoints(
            Probed("p", s_nearValues, s_near),
            Probed("p", s_farValues, [25, 290, 26, 300, 27, 295]));

        Assert.Equal("placement mixed (~25 to ~295 ns over 2 groups)", point.B.Placement);
        Assert.Equal(PointComparison.Changed, point.State);
    }

    [Fact]
    public void A_side_spread_mostly_outside_the_others_state_is_a_machine_state_difference()
    {
        // The host moved the vCPUs during B: most of its rounds are away from A's ~25 ns, in
        // groups of their own (the 2-vCPU KVM guest's probes went up to ~690 us when a vCPU was
        // not running).
        PointComparison point = ComparePoints(
            Probed("p", s_nearValues, s_near),
            Probed("p", s_farValues, [25, 5800, 26, 140_000, 27, 690_000]));

        Assert.Equal(PointComparison.Changed, point.State); // half inside: not mostly outside

        point = ComparePoints(
            Probed("p", s_nearValues, s_near),
            Probed("p", s_farValues, [25, 5800, 290, 140_000, 1300, 690_000]));

        Assert.Equal(PointComparison.MachineStateDiffered, point.State);
        Assert.StartsWith("placement mixed (~25 to ~", point.B.Placement, StringComparison.Ordinal);
        Assert.Equal($"placement ~25 ns vs {point.B.Placement}", point.MachineState);
    }

    [Fact]
    public void Probes_on_one_side_only_make_no_placement_statement()
    {
        PointComparison point = ComparePoints(
            Point("p", s_nearValues),
            Probed("p", s_farValues, s_far));

        Assert.Equal(PointComparison.Changed, point.State);
        Assert.Equal((null, "placement ~290 ns"), (point.A.Placement, point.B.Placement));
    }

    [Fact]
    public void A_sample_without_its_own_probe_takes_its_round_s_from_another_point()
    {
        // The probe is taken once before a round; here only the first point's samples carry it.
        PointResult probedA = Probed("first", [1, 1, 1, 1, 1, 1], s_near);
        PointResult probedB = Probed("first", [1, 1, 1, 1, 1, 1], s_far);
        ResultsDocument a = Document(probedA, Point("second", s_nearValues));
        ResultsDocument b = Document(probedB, Point("second", s_farValues));

        PointComparison second = Assert.Single(Assert.Single(ResultsComparer.Compare(a, "a", b, "b").Experiments).Points, p => p.Id == "second");

        Assert.Equal(PointComparison.MachineStateDiffered, second.State);
        Assert.Equal(("placement ~25 ns", "placement ~290 ns"), (second.A.Placement, second.B.Placement));
    }

    [Fact]
    public void The_probes_of_samples_the_figure_leaves_out_do_not_speak_for_it()
    {
        // B's six preempted rounds ran near; its six clean rounds, the ones its median rests on, far.
        // Counted all together the two states would hold half each, and B no placement.
        SampleRecord[] samplesB =
        [
            .. s_farValues.Select((v, i) => WithProbe(SampleDocuments.Sample(2 * i, v), s_far[i])),
            .. s_near.Select((probe, i) => WithProbe(SampleDocuments.Sample((2 * i) + 1, probe, "Preempted"), probe)),
        ];
        PointComparison point = ComparePoints(
            Probed("p", s_nearValues, s_near),
            PointWith("p", samplesB));

        Assert.Equal(6, point.B.Used);
        Assert.Equal(("placement ~25 ns", "placement ~290 ns"), (point.A.Placement, point.B.Placement));
        Assert.Equal(PointComparison.MachineStateDiffered, point.State);
    }
}
