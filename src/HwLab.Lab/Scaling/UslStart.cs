namespace HwLab.Lab.Scaling;

/// <summary>
/// Where the fit starts: the Universal Scalability Law is linear in its reciprocal, N/X = a +
/// b(N−1) + cN(N−1) with λ = 1/a, σ = b/a, κ = c/a, so ordinary least squares on N/X gives the
/// parameters near the answer. σ and κ may not be negative: the least squares are taken on each
/// face of that bound (b and c free, either held at 0, both) and the best one that keeps them
/// non-negative wins, which is the bounded least squares solution.
/// </summary>
internal static class UslStart
{
    private static readonly int[][] s_faces = [[0, 1, 2], [0, 1], [0, 2], [0]];

    /// <summary>λ, σ, κ from the points' reciprocals; null when no face gives a positive a.</summary>
    /// <param name="points">Worker counts and throughputs, every throughput positive.</param>
    public static (double Lambda, double Sigma, double Kappa)? Linear(IReadOnlyList<(double N, double X)> points)
    {
        // Columns scaled to at most 1 so that N(N−1) in the thousands does not swamp the constant.
        double scale1 = Math.Max(1, points.Max(p => p.N - 1));
        double scale2 = Math.Max(1, points.Max(p => p.N * (p.N - 1)));
        double[][] rows = [.. points.Select(p => new[] { 1, (p.N - 1) / scale1, p.N * (p.N - 1) / scale2 })];
        double[] y = [.. points.Select(p => p.N / p.X)];

        double[]? best = null;
        double bestSse = double.PositiveInfinity;
        foreach (int[] face in s_faces)
        {
            if (Solve(rows, y, face) is not { } coefficients || coefficients[0] <= 0 || coefficients[1] < 0 || coefficients[2] < 0)
            {
                continue;
            }
            double sse = rows.Select((r, i) => Math.Pow(y[i] - r.Select((v, k) => v * coefficients[k]).Sum(), 2)).Sum();
            if (sse < bestSse)
            {
                (best, bestSse) = (coefficients, sse);
            }
        }
        return best is null ? null : (1 / best[0], best[1] / scale1 / best[0], best[2] / scale2 / best[0]);
    }

    // Least squares on the columns of the face, the others held at 0: the normal equations.
    private static double[]? Solve(double[][] rows, double[] y, int[] face)
    {
        var normal = new double[face.Length, face.Length];
        double[] right = new double[face.Length];
        for (int i = 0; i < face.Length; i++)
        {
            for (int j = 0; j < face.Length; j++)
            {
                normal[i, j] = rows.Sum(r => r[face[i]] * r[face[j]]);
            }
            right[i] = rows.Select((r, n) => r[face[i]] * y[n]).Sum();
        }
        if (!SmallLinearSystem.TrySolve(normal, right, out double[] solved))
        {
            return null;
        }
        double[] coefficients = new double[3];
        for (int i = 0; i < face.Length; i++)
        {
            coefficients[face[i]] = solved[i];
        }
        return coefficients;
    }
}
