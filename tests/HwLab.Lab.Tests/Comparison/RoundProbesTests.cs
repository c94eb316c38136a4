using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;
using static HwLab.Lab.Tests.Comparison.ComparisonDocuments;

namespace HwLab.Lab.Tests.Comparison;

public sealed class RoundProbesTests
{
    [Fact]
    public void A_sample_speaks_with_its_own_probe_and_else_with_the_first_its_round_has()
    {
        PointResult probed = PointWith("probed", [
            WithExtra(SampleDocuments.Sample(0, 1), RoundFigures.PlacementExtra, 25),
            WithExtra(SampleDocuments.Sample(1, 1), RoundFigures.PlacementExtra, 26),
            SampleDocuments.Sample(2, 1)]);
        PointResult other = PointWith("other", [
            WithExtra(SampleDocuments.Sample(0, 1), RoundFigures.PlacementExtra, 99),
            SampleDocuments.Sample(1, 1),
            WithExtra(SampleDocuments.Sample(2, 1), RoundFigures.PlacementExtra, 27),
            SampleDocuments.Sample(3, 1)]);

        var probes = RoundProbes.Of(Experiment("locks", probed, other));

        Assert.Equal([25.0, 26.0, 27.0], probes.BehindFigureOf(probed));
        Assert.Equal([99.0, 26.0, 27.0], probes.BehindFigureOf(other)); // round 3 has no probe anywhere
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void A_probe_that_is_not_a_positive_number_is_no_probe(double probe)
    {
        PointResult point = PointWith("p", [WithExtra(SampleDocuments.Sample(0, 1), RoundFigures.PlacementExtra, probe), WithExtra(SampleDocuments.Sample(1, 1), RoundFigures.PlacementExtra, 30)]);
        PointResult other = PointWith("q", [WithExtra(SampleDocuments.Sample(0, 1), RoundFigures.PlacementExtra, 40)]);

        Assert.Equal([40.0, 30.0], RoundProbes.Of(Experiment("locks", point, other)).BehindFigureOf(point));
    }

    [Fact]
    public void Each_kind_of_probe_is_read_from_its_own_extra()
    {
        SampleRecord sample = WithExtra(WithExtra(SampleDocuments.Sample(0, 1), RoundFigures.PlacementExtra, 25), RoundFigures.MemoryExtra, 300);
        PointResult point = PointWith("p", [sample]);
        ExperimentResult experiment = Experiment("swap", point);

        Assert.Equal([25.0], RoundProbes.Of(experiment).BehindFigureOf(point));
        Assert.Equal([300.0], RoundProbes.Of(experiment, RoundFigures.MemoryExtra).BehindFigureOf(point));
    }
}
