namespace HwLab.Lab.Scaling;

/// <summary>
/// A curve fitted by the Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), with
/// where it predicts the throughput to peak and how well it follows the points it was fitted to.
/// </summary>
/// <param name="Lambda">λ: the throughput of one worker, as the curve has it (operations per second).</param>
/// <param name="Sigma">σ, contention: the share of the work that serializes (0 = none, 1 = all of it).</param>
/// <param name="Kappa">κ, coherency: the cost of every pair of workers agreeing on shared data; above 0, throughput peaks and then falls.</param>
/// <param name="PeakWorkers">Where the curve peaks: N* = sqrt((1−σ)/κ), or 1 when that is below 1 or σ is 1 or more (throughput never rises); null when κ is 0 and σ below 1, as throughput then keeps rising.</param>
/// <param name="PeakThroughput">X(N*); null with <paramref name="PeakWorkers"/>.</param>
/// <param name="RSquared">1 − (residual sum of squares over total sum of squares) on X; null when every point has the same throughput.</param>
/// <param name="MaxRelativeResidual">The largest |X − X(N)| / X over the points.</param>
public sealed record UslFit(double Lambda, double Sigma, double Kappa, double? PeakWorkers, double? PeakThroughput, double? RSquared, double MaxRelativeResidual)
{
    /// <summary>The curve's throughput at <paramref name="workers"/> (which need not be whole).</summary>
    public double Throughput(double workers) => UniversalScalabilityLaw.Throughput(Lambda, Sigma, Kappa, workers);
}
