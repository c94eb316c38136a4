using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

public sealed class StatisticsTests
{
    [Fact]
    public void Median_range_and_spread_of_known_values()
    {
        Statistics s = Statistics.From([.. new[] { 10.0, 12, 11, 13, 14, 12 }.Select((v, i) => SampleDocuments.Sample(i, v))]);
        Assert.Equal(6, s.N);
        Assert.Equal(6, s.Clean);
        Assert.Equal(12, s.Median);
        Assert.Equal(10, s.Min);
        Assert.Equal(14, s.Max);
        Assert.Equal(12, s.Mean, 9);
        Assert.Equal(Math.Sqrt(2), s.StandardDeviation, 9); // sample standard deviation
        Assert.Equal(Math.Sqrt(2) / 12, s.CoefficientOfVariation, 9);
        // Six samples: the order-statistic interval is smallest to largest (96.9% coverage).
        Assert.Equal((10.0, 14.0), (s.MedianCiLower!.Value, s.MedianCiUpper!.Value));
    }

    [Fact]
    public void Five_samples_have_no_95_percent_interval_of_the_median()
    {
        Statistics s = Statistics.From([.. new[] { 10.0, 12, 11, 13, 14 }.Select((v, i) => SampleDocuments.Sample(i, v))]);

        Assert.Equal(12, s.Median);
        Assert.Null(s.MedianCiLower);
        Assert.Null(s.MedianCiUpper);
    }

    [Fact]
    public void Identical_samples_have_the_value_itself_as_interval_never_NaN()
    {
        // A NaN here would be written to results.json and refused on reading.
        Statistics s = Statistics.From([.. Enumerable.Range(0, 6).Select(i => SampleDocuments.Sample(i, 1e300))]);

        Assert.Equal((1e300, 1e300), (s.MedianCiLower!.Value, s.MedianCiUpper!.Value));
    }

    [Fact]
    public void Flagged_samples_are_left_out_while_at_least_half_are_clean()
    {
        SampleRecord[] samples =
        [
            SampleDocuments.Sample(0, 10), SampleDocuments.Sample(1, 10), SampleDocuments.Sample(2, 10),
            SampleDocuments.Sample(3, 500, "Migrated"), SampleDocuments.Sample(4, 900, "GarbageCollected"),
        ];
        Statistics s = Statistics.From(samples);
        Assert.Equal(Statistics.CleanBasis, s.Basis);
        Assert.Equal(3, s.Clean);
        Assert.Equal(10, s.Max);
    }

    [Fact]
    public void With_too_few_clean_samples_all_count_and_the_basis_says_so()
    {
        SampleRecord[] samples = [SampleDocuments.Sample(0, 10), SampleDocuments.Sample(1, 20, "Preempted"), SampleDocuments.Sample(2, 30, "Jitted")];
        Statistics s = Statistics.From(samples);
        Assert.Equal(Statistics.AllBasis, s.Basis);
        Assert.Equal(30, s.Max);
    }

    [Fact]
    public void The_spread_of_bare_values_is_the_one_a_point_gets()
    {
        double[] values = [10, 12, 11, 13, 14, 12];
        Statistics point = Statistics.From([.. values.Select((v, i) => SampleDocuments.Sample(i, v))]);

        Assert.Equal(point.CoefficientOfVariation, Statistics.CoefficientOfVariationOf(values));
        Assert.Equal(point.Median, MedianInterval.Median(values));
        Assert.Equal(0, Statistics.CoefficientOfVariationOf([7]));
        Assert.Equal(0, Statistics.CoefficientOfVariationOf([0, 0, 0]));
    }

    [Fact]
    public void The_median_of_an_even_count_lies_between_the_middle_two_and_of_none_is_not_defined()
    {
        Assert.Equal(2.5, MedianInterval.Median([4, 1, 3, 2]));
        Assert.True(double.IsNaN(MedianInterval.Median([])));
    }

    [Fact]
    public void No_samples_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => Statistics.From([]));
    }
}
