using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

public sealed class MedianIntervalTests
{
    // n values 1..n: the interval is [x(k), x(n - k + 1)], k the largest with P(Binomial(n, 1/2) <= k - 1) <= 2.5%,
    // worked out exactly from binomial sums (for n = 17, P(X <= 4) = 0.02452: k = 5, the edge closest to 2.5%).
    [Theory]
    [InlineData(6, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(10, 2)]
    [InlineData(12, 3)]
    [InlineData(15, 4)]
    [InlineData(17, 5)]
    [InlineData(20, 6)]
    [InlineData(30, 10)]
    [InlineData(50, 18)]
    [InlineData(100, 40)]
    public void The_interval_runs_from_the_kth_smallest_to_the_kth_largest(int n, int k)
    {
        // Shuffled, so the ends come from sorting and not from the order given.
        double[] values = [.. Enumerable.Range(1, n).Select(i => (double)(i * 7 % n + 1))];

        (double median, double low, double high) = MedianInterval.Of(values);

        Assert.Equal((n + 1) / 2.0, median);
        Assert.Equal((double)k, low);
        Assert.Equal((double)(n - k + 1), high);
    }

    [Fact]
    public void Below_six_values_there_is_a_median_but_no_interval()
    {
        (double median, double low, double high) = MedianInterval.Of([3, 1, 2]);

        Assert.Equal(2, median);
        Assert.True(double.IsNaN(low) && double.IsNaN(high));
        Assert.Equal(6, MedianInterval.MinimumValues);
    }

    [Fact]
    public void No_values_have_no_median_and_no_interval()
    {
        (double median, double low, double high) = MedianInterval.Of([]);

        Assert.True(double.IsNaN(median) && double.IsNaN(low) && double.IsNaN(high));
    }
}
