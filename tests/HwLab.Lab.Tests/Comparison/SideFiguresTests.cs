using HwLab.Lab.Comparison;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Comparison;

public sealed class SideFiguresTests
{
    [Fact]
    public void A_side_rests_on_its_clean_samples_when_at_least_half_are_clean()
    {
        SampleRecord[] samples = [.. Enumerable.Range(0, 6).Select(i => SampleDocuments.Sample(i, 10 + i)), SampleDocuments.Sample(6, 900, "Preempted"), SampleDocuments.Sample(7, 950, "Migrated")];

        SideFigures side = SideFigures.From(ComparisonDocuments.PointWith("p", samples), "placement ~25 ns");

        Assert.Equal(new SideFigures(12.5, 10, 15, 8, 6, 6, Statistics.CleanBasis, "placement ~25 ns"), side);
    }

    [Fact]
    public void A_side_with_too_few_clean_samples_rests_on_all_of_them()
    {
        SampleRecord[] samples = [SampleDocuments.Sample(0, 10), .. Enumerable.Range(1, 5).Select(i => SampleDocuments.Sample(i, 10 + i, "Stolen"))];

        SideFigures side = SideFigures.From(ComparisonDocuments.PointWith("p", samples), null);

        Assert.Equal(new SideFigures(12.5, 10, 15, 6, 1, 6, Statistics.AllBasis, null), side);
    }

    [Fact]
    public void A_point_without_samples_has_no_figure_and_one_without_a_finite_median_none_either()
    {
        PointResult measured = ComparisonDocuments.PointWith("p", [SampleDocuments.Sample(0, 1)]);

        Assert.Equal(new SideFigures(null, null, null, 0, 0, 0, Statistics.AllBasis, "p"), SideFigures.From(measured with { Samples = [] }, "p"));
        Assert.Null(SideFigures.From(ComparisonDocuments.PointWith("p", [SampleDocuments.Sample(0, double.PositiveInfinity)]), null).Median);
        Assert.Equal(1, SideFigures.From(measured, null).Median);
    }
}
