using HwLab.Lab.Scaling;

namespace HwLab.Lab.Tests.Scaling;

public sealed class UniversalScalabilityLawTests
{
    private static readonly int[] s_powersOfTwo = [1, 2, 4, 8, 16, 32, 64];

    // ±1%, the same every run: alternating in sign, varying in size, no pattern the law can follow.
    private static readonly double[] s_noise = [0.01, -0.01, 0.007, -0.004, 0.01, -0.008, 0.003];

    private static ScalingPoint[] Curve(double lambda, double sigma, double kappa, int[] workers, double[]? noise = null)
        => [.. workers.Select((n, i) => new ScalingPoint(n, UniversalScalabilityLaw.Throughput(lambda, sigma, kappa, n) * (1 + (noise?[i % noise.Length] ?? 0))))];

    private static UslFit Fitted(IReadOnlyList<ScalingPoint> points)
    {
        UslOutcome outcome = UniversalScalabilityLaw.Fit(points);
        Assert.True(outcome.Fit is not null, outcome.NotPossible);
        Assert.Null(outcome.NotPossible);
        return outcome.Fit;
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
        => Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: expected {expected} within {tolerance:P1}, got {actual}");

    [Theory]
    [InlineData(1e6)]
    [InlineData(3.5e9)]
    [InlineData(0.25)]
    public void An_exact_curve_gives_back_its_parameters_and_peak_at_any_scale(double lambda)
    {
        UslFit fit = Fitted(Curve(lambda, 0.05, 0.001, s_powersOfTwo));

        AssertRelative(lambda, fit.Lambda, 1e-6, "λ");
        AssertRelative(0.05, fit.Sigma, 1e-6, "σ");
        AssertRelative(0.001, fit.Kappa, 1e-6, "κ");
        // N* = sqrt((1 − σ) / κ) = sqrt(950) = 30.82...
        AssertRelative(Math.Sqrt(950), fit.PeakWorkers!.Value, 1e-6, "N*");
        AssertRelative(UniversalScalabilityLaw.Throughput(lambda, 0.05, 0.001, Math.Sqrt(950)), fit.PeakThroughput!.Value, 1e-6, "X(N*)");
        Assert.True(fit.RSquared > 0.999999, $"R² {fit.RSquared}");
        Assert.True(fit.MaxRelativeResidual < 1e-6, $"largest residual {fit.MaxRelativeResidual}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void A_curve_with_one_percent_noise_gives_sigma_and_kappa_within_five_percent(int sign)
    {
        ScalingPoint[] points = Curve(2e7, 0.05, 0.001, s_powersOfTwo, [.. s_noise.Select(e => sign * e)]);
        UslFit fit = Fitted(points);

        AssertRelative(0.05, fit.Sigma, 0.05, "σ");
        AssertRelative(0.001, fit.Kappa, 0.05, "κ");
        Assert.True(fit.RSquared > 0.99, $"R² {fit.RSquared}");
        // The fit follows the noisy points about as closely as the noise is large.
        Assert.InRange(fit.MaxRelativeResidual, 0.001, 0.02);
        Assert.Equal(points.Max(p => Math.Abs(p.Throughput - fit.Throughput(p.Workers)) / p.Throughput), fit.MaxRelativeResidual);
    }

    [Fact]
    public void The_refinement_improves_on_the_linear_start_in_throughput()
    {
        ScalingPoint[] points = Curve(2e7, 0.05, 0.001, s_powersOfTwo, s_noise);
        (double N, double X)[] raw = [.. points.Select(p => ((double)p.Workers, p.Throughput))];
        (double lambda, double sigma, double kappa) = UslStart.Linear(raw)!.Value;
        double StartError(ScalingPoint p) => Math.Pow(p.Throughput - UniversalScalabilityLaw.Throughput(lambda, sigma, kappa, p.Workers), 2);
        double FitError(UslFit fit, ScalingPoint p) => Math.Pow(p.Throughput - fit.Throughput(p.Workers), 2);

        UslFit fit = Fitted(points);

        Assert.True(points.Sum(p => FitError(fit, p)) < points.Sum(StartError), "least squares on X should beat least squares on N/X, measured in X");
    }

    [Fact]
    public void A_curve_without_coherency_cost_keeps_rising_and_has_no_peak()
    {
        UslFit fit = Fitted(Curve(1e6, 0.1, 0, [1, 2, 4, 8, 16, 32, 64, 128]));

        AssertRelative(0.1, fit.Sigma, 1e-6, "σ");
        Assert.True(fit.Kappa < 1e-9, $"κ {fit.Kappa}");
        Assert.True(fit.PeakWorkers is null or > 1e3, $"peak {fit.PeakWorkers}");
    }

    [Fact]
    public void A_curve_bending_upwards_holds_kappa_at_zero_and_predicts_no_peak()
    {
        // Faster than linear in N(N−1): the unbounded fit would take κ below 0, which the law does not allow.
        ScalingPoint[] points = [.. s_powersOfTwo.Select(n => new ScalingPoint(n, 1e6 * n / (1 + (0.1 * (n - 1)) - (0.0005 * n * (n - 1)))))];

        UslFit fit = Fitted(points);

        Assert.Equal(0, fit.Kappa);
        Assert.True(fit.Sigma >= 0);
        Assert.Null(fit.PeakWorkers);
        Assert.Null(fit.PeakThroughput);
    }

    [Fact]
    public void A_fully_serialized_curve_peaks_at_one_worker()
    {
        UslFit fit = Fitted(Curve(5e5, 1.0, 0.002, s_powersOfTwo));

        AssertRelative(1.0, fit.Sigma, 1e-6, "σ");
        Assert.Equal(1, fit.PeakWorkers);
        AssertRelative(5e5, fit.PeakThroughput!.Value, 1e-6, "X(1)");
    }

    [Fact]
    public void Three_distinct_worker_counts_are_not_enough_and_say_so()
    {
        ScalingPoint[] points = [new(1, 100), new(2, 190), new(4, 350), new(4, 352), new(2, 188)];

        UslOutcome outcome = UniversalScalabilityLaw.Fit(points);

        Assert.Null(outcome.Fit);
        Assert.Equal("fitting λ, σ and κ needs points at 4 or more worker counts, and these are at 3: 1, 2, 4", outcome.NotPossible);
    }

    [Fact]
    public void No_points_are_not_a_curve()
    {
        Assert.Equal("fitting λ, σ and κ needs points at 4 or more worker counts, and there are none", UniversalScalabilityLaw.Fit([]).NotPossible);
    }

    [Theory]
    [InlineData(0.0, "throughput must be positive and finite, and at 4 workers it is 0")]
    [InlineData(-5.0, "throughput must be positive and finite, and at 4 workers it is -5")]
    [InlineData(double.NaN, "throughput must be positive and finite, and at 4 workers it is NaN")]
    [InlineData(double.PositiveInfinity, "throughput must be positive and finite, and at 4 workers it is Infinity")]
    public void A_throughput_that_is_not_positive_and_finite_is_refused_naming_its_point(double throughput, string expected)
    {
        ScalingPoint[] points = [new(1, 100), new(2, 190), new(4, throughput), new(8, 600), new(16, 800)];

        UslOutcome outcome = UniversalScalabilityLaw.Fit(points);

        Assert.Null(outcome.Fit);
        Assert.Equal(expected, outcome.NotPossible);
    }

    [Fact]
    public void A_point_with_no_workers_is_refused()
    {
        ScalingPoint[] points = [new(0, 50), new(1, 100), new(2, 190), new(4, 350), new(8, 600)];

        Assert.Equal("a curve needs 1 worker or more at every point, and one has 0", UniversalScalabilityLaw.Fit(points).NotPossible);
    }
}
