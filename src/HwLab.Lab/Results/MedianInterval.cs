using Perfolizer.Mathematics.Distributions.DiscreteDistributions;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace HwLab.Lab.Results;

/// <summary>
/// The median of some values and its 95% confidence interval, the one interval every figure of
/// HwLab uses (a point's statistics, a claim's deciding figure, a side of `hwlab compare`): the
/// distribution-free interval of order statistics, from the k-th smallest to the k-th largest
/// value, k the largest for which a binomial(n, 1/2) tail leaves at least 95% coverage
/// (Perfolizer's BinomialDistribution). It needs no assumption about the values' distribution,
/// which on a shared machine has outliers and steps, and it never leaves the range measured; the
/// Harrell-Davis interval with the Maritz-Jarrett error, tried first, gave -3.7 to 5.8 for eight
/// ratios near 0.95 with one outlier.
/// </summary>
public static class MedianInterval
{
    /// <summary>Below 6 values no order-statistic interval reaches 95% (5 values: min to max covers 93.75%).</summary>
    public const int MinimumValues = 6;

    private static readonly Probability s_half = Probability.Half;

    /// <summary>The median alone; NaN for no values.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? double.NaN : SimpleQuantileEstimator.Instance.Median(new Sample([.. values])).NominalValue;
    }

    /// <summary>The median and its 95% interval; NaN ends below <see cref="MinimumValues"/> values, all NaN for none.</summary>
    public static (double Median, double Low, double High) Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
        double median = Median(values);
        if (values.Count < MinimumValues)
        {
            return (median, double.NaN, double.NaN);
        }
        double[] sorted = [.. values.Order()];
        int k = OrderStatistic(sorted.Length);
        return (median, sorted[k - 1], sorted[^k]);
    }

    // The largest k (1-based) with P(Binomial(n, 1/2) <= k - 1) <= 2.5%: [x(k), x(n - k + 1)] then
    // covers the median with probability at least 95%.
    private static int OrderStatistic(int n)
    {
        var binomial = new BinomialDistribution(n, s_half);
        int k = 1;
        while (k < n / 2 && binomial.Cdf(k) <= 0.025)
        {
            k++;
        }
        return k;
    }
}
