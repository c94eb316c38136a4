using System.Globalization;

namespace HwLab.Lab.Scaling;

/// <summary>
/// Gunther's Universal Scalability Law: X(N) = λN / (1 + σ(N−1) + κN(N−1)), throughput of N
/// workers together from one worker's λ, contention σ (work that serializes, as under one lock)
/// and coherency κ (every pair of workers exchanging data, as cache lines passed between CPUs).
/// Fitted to a measured curve it says which of the two limits it, and where it would peak.
/// </summary>
public static class UniversalScalabilityLaw
{
    /// <summary>Fewer distinct worker counts than this leave no degree of freedom over the three parameters.</summary>
    public const int MinimumDistinctWorkers = 4;

    /// <summary>X(N) for the given parameters.</summary>
    public static double Throughput(double lambda, double sigma, double kappa, double workers)
        => lambda * workers / (1 + (sigma * (workers - 1)) + (kappa * workers * (workers - 1)));

    /// <summary>
    /// λ, σ, κ (σ, κ at least 0) by least squares on the throughputs, started from the linear
    /// least squares on N/X; or why the points admit no fit: fewer than
    /// <see cref="MinimumDistinctWorkers"/> distinct worker counts, a worker count below 1, or a
    /// throughput that is not positive and finite.
    /// </summary>
    public static UslOutcome Fit(IReadOnlyList<ScalingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (ScalingPoint point in points)
        {
            if (point.Workers < 1)
            {
                return UslOutcome.Refused(Text($"a curve needs 1 worker or more at every point, and one has {point.Workers}"));
            }
            if (!(point.Throughput > 0) || !double.IsFinite(point.Throughput))
            {
                return UslOutcome.Refused(Text($"throughput must be positive and finite, and at {point.Workers} worker{(point.Workers == 1 ? "" : "s")} it is {point.Throughput}"));
            }
        }
        int distinct = points.Select(p => p.Workers).Distinct().Count();
        if (distinct < MinimumDistinctWorkers)
        {
            string counts = distinct == 0 ? "there are none" : $"these are at {distinct}: {string.Join(", ", points.Select(p => p.Workers).Distinct().Order())}";
            return UslOutcome.Refused(Text($"fitting λ, σ and κ needs points at {MinimumDistinctWorkers} or more worker counts, and {counts}"));
        }

        // Throughputs scaled to at most 1, so the three parameters are solved for at comparable sizes.
        double scale = points.Max(p => p.Throughput);
        (double N, double X)[] scaled = [.. points.Select(p => ((double)p.Workers, p.Throughput / scale))];
        (double Lambda, double Sigma, double Kappa) start = UslStart.Linear(scaled) ?? FlatStart(scaled);
        (double lambda, double sigma, double kappa) = UslRefinement.Refine(scaled, start);
        lambda *= scale;
        if (!double.IsFinite(lambda) || !double.IsFinite(sigma) || !double.IsFinite(kappa) || lambda <= 0)
        {
            return UslOutcome.Refused("the fit did not converge to finite parameters");
        }
        return UslOutcome.Fitted(Figures(points, lambda, sigma, kappa));
    }

    // No linear start with a positive λ (a curve that falls steeply): one worker's rate per worker, no contention, no coherency.
    private static (double, double, double) FlatStart((double N, double X)[] points)
    {
        (double n, double x) = points.MinBy(p => p.N);
        return (x / n, 0, 0);
    }

    private static UslFit Figures(IReadOnlyList<ScalingPoint> points, double lambda, double sigma, double kappa)
    {
        double? peak = kappa > 0 ? (sigma < 1 ? Math.Max(1, Math.Sqrt((1 - sigma) / kappa)) : 1)
            : sigma >= 1 ? 1 : null;
        double mean = points.Average(p => p.Throughput);
        double total = points.Sum(p => Math.Pow(p.Throughput - mean, 2));
        double residual = points.Sum(p => Math.Pow(p.Throughput - Throughput(lambda, sigma, kappa, p.Workers), 2));
        return new UslFit(
            lambda,
            sigma,
            kappa,
            peak,
            peak is double n ? Throughput(lambda, sigma, kappa, n) : null,
            total > 0 ? 1 - (residual / total) : null,
            points.Max(p => Math.Abs(p.Throughput - Throughput(lambda, sigma, kappa, p.Workers)) / p.Throughput));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
