using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Decisions;

public sealed class RoundFiguresTests
{
    private static SampleRecord Sample(int round, double value, double? placement = null, params string[] flags)
        => new(round, value, 1, 1, flags, 0, 0, [], placement is double ns ? new Dictionary<string, double> { [RoundFigures.PlacementExtra] = ns } : new Dictionary<string, double>());

    private static PointResult Point(string id, params SampleRecord[] samples)
        => new(id, new Dictionary<string, string> { ["v"] = id }, "m", "ns", Statistics.From(samples), samples, new Dictionary<string, double>());

    [Fact]
    public void A_ratio_is_taken_within_each_round_so_drift_between_rounds_cancels()
    {
        // Both variants drift up tenfold over the run; their ratio stays 2.
        PointResult a = Point("a", Sample(0, 2, 25), Sample(1, 20, 26), Sample(2, 200, 24));
        PointResult b = Point("b", Sample(0, 1), Sample(1, 10), Sample(2, 100));

        IReadOnlyList<RoundValue> rounds = RoundFigures.Ratio(a, b);

        Assert.Equal([2.0, 2.0, 2.0], rounds.Select(r => r.Value));
        Assert.Equal([25.0, 26.0, 24.0], rounds.Select(r => r.PlacementNs!.Value));
    }

    [Fact]
    public void Rounds_are_paired_by_index_and_a_round_one_side_lacks_is_left_out()
    {
        PointResult a = Point("a", Sample(0, 2), Sample(1, 4), Sample(2, 6));
        PointResult b = Point("b", Sample(0, 1), Sample(2, 3));

        Assert.Equal([0, 2], RoundFigures.Ratio(a, b).Select(r => r.Round));
    }

    [Fact]
    public void Flagged_rounds_are_left_out_while_at_least_half_are_clean()
    {
        PointResult a = Point("a", Sample(0, 2), Sample(1, 50, null, "Preempted"), Sample(2, 2), Sample(3, 2));
        PointResult b = Point("b", Sample(0, 1), Sample(1, 1), Sample(2, 1), Sample(3, 1));

        Assert.Equal([0, 2, 3], RoundFigures.Ratio(a, b).Select(r => r.Round));

        PointResult noisy = Point("n", Sample(0, 2, null, "Stolen"), Sample(1, 2, null, "Stolen"), Sample(2, 2, null, "Stolen"), Sample(3, 2));
        Assert.Equal(4, RoundFigures.Ratio(noisy, b).Count); // too few clean: every round counts
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_placement_probe_that_is_not_a_positive_number_is_no_probe(double probe)
    {
        PointResult a = Point("a", Sample(0, 2, probe), Sample(1, 2, 40));
        PointResult b = Point("b", Sample(0, 1, 25), Sample(1, 1));

        // Round 0: a's probe is no probe, so b's speaks for the round; round 1 has a's.
        Assert.Equal([25.0, 40.0], RoundFigures.Ratio(a, b).Select(r => r.PlacementNs!.Value));
        Assert.Null(RoundFigures.Ratio(Point("c", Sample(0, 2, probe)), Point("d", Sample(0, 1))).Single().PlacementNs);
    }

    [Fact]
    public void No_points_have_no_rounds()
    {
        Assert.Empty(RoundFigures.PerRound([], s => s[0].Value));
    }

    [Fact]
    public void Exactly_half_the_rounds_clean_is_enough_to_leave_the_others_out()
    {
        PointResult a = Point("a", Sample(0, 2, null, "Stolen"), Sample(1, 2), Sample(2, 2, null, "Preempted"), Sample(3, 2));
        PointResult b = Point("b", Sample(0, 1), Sample(1, 1), Sample(2, 1), Sample(3, 1));

        Assert.Equal([1, 3], RoundFigures.Ratio(a, b).Select(r => r.Round));
    }

    [Fact]
    public void A_round_whose_divisor_is_zero_has_no_ratio()
    {
        IReadOnlyList<RoundValue> rounds = RoundFigures.Ratio(Point("a", Sample(0, 2), Sample(1, 3)), Point("b", Sample(0, 0), Sample(1, 1)));

        Assert.True(double.IsNaN(rounds[0].Value), $"a ratio over 0 came out as {rounds[0].Value}");
        Assert.Equal(3.0, rounds[1].Value);
    }
}
