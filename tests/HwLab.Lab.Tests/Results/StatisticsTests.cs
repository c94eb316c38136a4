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
        var refused = Assert.Throws<ArgumentException>(() => Statistics.From([]));
        Assert.Equal("samples", refused.ParamName);
        Assert.StartsWith("A point needs at least one sample.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_figure_rests_on_the_clean_samples_alone_when_they_are_used()
    {
        SampleRecord[] samples =
        [
            SampleDocuments.Sample(0, 10), SampleDocuments.Sample(1, 1000, "Migrated"),
            SampleDocuments.Sample(2, 12), SampleDocuments.Sample(3, 14), SampleDocuments.Sample(4, 1, "Preempted"),
        ];

        Statistics s = Statistics.From(samples);

        Assert.Equal((5, 3, Statistics.CleanBasis), (s.N, s.Clean, s.Basis));
        Assert.Equal((12.0, 10.0, 14.0), (s.Median, s.Min, s.Max));
        Assert.Equal(12, s.Mean, 9);
        Assert.Equal(2, s.StandardDeviation, 9);
        Assert.Equal(2.0 / 12, s.CoefficientOfVariation, 9);
    }

    [Theory]
    [InlineData(2, 4, true)] // exactly half clean: the clean ones
    [InlineData(1, 3, false)]
    [InlineData(0, 2, false)] // none clean: all, never an empty set
    public void The_clean_samples_are_used_when_at_least_half_are_clean(int clean, int total, bool cleanOnly)
    {
        SampleRecord[] samples = [.. Enumerable.Range(0, total).Select(i => i < clean ? SampleDocuments.Sample(i, 1) : SampleDocuments.Sample(i, 2, "Stolen"))];

        (IReadOnlyList<SampleRecord> used, string basis) = Statistics.UsedSamples(samples);

        Assert.Equal(cleanOnly ? clean : total, used.Count);
        Assert.Equal(cleanOnly ? Statistics.CleanBasis : Statistics.AllBasis, basis);
        Assert.Equal(cleanOnly ? 1.0 : 2.0, Statistics.From(samples).Median);
        Assert.Equal(clean, Statistics.From(samples).Clean);
    }

    [Fact]
    public void One_sample_has_no_spread_and_no_interval()
    {
        Statistics s = Statistics.From([SampleDocuments.Sample(0, 7)]);

        Assert.Equal((1, 7.0, 7.0, 7.0, 7.0), (s.N, s.Median, s.Min, s.Max, s.Mean));
        Assert.Equal((0.0, 0.0), (s.StandardDeviation, s.CoefficientOfVariation));
        Assert.Null(s.MedianCiLower);
    }

    [Fact]
    public void The_coefficient_of_variation_of_bare_values_is_the_sample_deviation_over_the_mean()
    {
        Assert.Equal(Math.Sqrt(2) / 3, Statistics.CoefficientOfVariationOf([2, 4]), 12);
        Assert.Equal(0, Statistics.CoefficientOfVariationOf([]));
        Assert.Equal(0, Statistics.CoefficientOfVariationOf([-1, 1])); // a mean of 0: no relative spread
    }

    [Fact]
    public void No_samples_leave_nothing_to_use_and_the_basis_says_all()
    {
        (IReadOnlyList<SampleRecord> used, string basis) = Statistics.UsedSamples([]);

        Assert.Empty(used);
        Assert.Equal(Statistics.AllBasis, basis);
    }
}
