namespace HwLab.Lab.Scaling;

/// <summary>
/// Nonlinear least squares on the throughputs themselves, from the linear start: the start
/// minimizes errors in N/X, which weighs the points unevenly, while the curve is read in X.
/// Levenberg-Marquardt with Marquardt's scaling (λ, σ and κ differ by orders of magnitude), and
/// σ, κ held at 0 while the slope points below it (a projected step for the bound).
/// </summary>
internal static class UslRefinement
{
    private const int MaxIterations = 1000;
    private const double MaxDamping = 1e16;

    /// <summary>The parameters with the least squared error in X found from <paramref name="start"/>; never worse than it.</summary>
    /// <param name="points">Worker counts and throughputs, the throughputs of order 1 (scaled by the caller).</param>
    public static (double Lambda, double Sigma, double Kappa) Refine(IReadOnlyList<(double N, double X)> points, (double Lambda, double Sigma, double Kappa) start)
    {
        double[] p = [start.Lambda, Math.Max(0, start.Sigma), Math.Max(0, start.Kappa)];
        double sse = SquaredError(points, p);
        double damping = 1e-3;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            (double[,] jtj, double[] jtr) = NormalEquations(points, p);
            // A bounded parameter at 0 whose descent direction is downwards stays there this step.
            int[] free = [.. Enumerable.Range(0, 3).Where(k => k == 0 || p[k] > 0 || jtr[k] > 0)];
            double? decrease = null;
            while (damping <= MaxDamping && decrease is null)
            {
                double[]? trial = Trial(p, jtj, jtr, free, damping);
                double trialSse = trial is null ? double.PositiveInfinity : SquaredError(points, trial);
                if (trial is not null && trialSse < sse)
                {
                    decrease = (sse - trialSse) / sse;
                    (p, sse) = (trial, trialSse);
                    damping = Math.Max(damping / 3, 1e-12);
                }
                else
                {
                    damping *= 4;
                }
            }
            if (decrease is null or < 1e-15 || sse == 0)
            {
                break;
            }
        }
        return (p[0], p[1], p[2]);
    }

    // One damped step on the free parameters: (JᵀJ + μ diag(JᵀJ)) δ = Jᵀr, then σ, κ clamped at 0; null when it cannot be taken.
    private static double[]? Trial(double[] p, double[,] jtj, double[] jtr, int[] free, double damping)
    {
        var matrix = new double[free.Length, free.Length];
        double[] right = new double[free.Length];
        for (int i = 0; i < free.Length; i++)
        {
            for (int j = 0; j < free.Length; j++)
            {
                matrix[i, j] = jtj[free[i], free[j]];
            }
            matrix[i, i] += damping * Math.Max(jtj[free[i], free[i]], 1e-300);
            right[i] = jtr[free[i]];
        }
        if (!SmallLinearSystem.TrySolve(matrix, right, out double[] step))
        {
            return null;
        }
        double[] trial = (double[])p.Clone();
        for (int i = 0; i < free.Length; i++)
        {
            trial[free[i]] += step[i];
        }
        trial[1] = Math.Max(0, trial[1]);
        trial[2] = Math.Max(0, trial[2]);
        return trial[0] > 0 && trial.All(double.IsFinite) ? trial : null;
    }

    // JᵀJ and Jᵀr of the residuals r = X − X(N), J the model's derivatives in λ, σ, κ.
    private static (double[,] JtJ, double[] JtR) NormalEquations(IReadOnlyList<(double N, double X)> points, double[] p)
    {
        var jtj = new double[3, 3];
        double[] jtr = new double[3];
        foreach ((double n, double x) in points)
        {
            double d = 1 + (p[1] * (n - 1)) + (p[2] * n * (n - 1));
            double[] j = [n / d, -p[0] * n * (n - 1) / (d * d), -p[0] * n * n * (n - 1) / (d * d)];
            double r = x - (p[0] * n / d);
            for (int a = 0; a < 3; a++)
            {
                jtr[a] += j[a] * r;
                for (int b = 0; b < 3; b++)
                {
                    jtj[a, b] += j[a] * j[b];
                }
            }
        }
        return (jtj, jtr);
    }

    private static double SquaredError(IReadOnlyList<(double N, double X)> points, double[] p)
        => points.Sum(q => Math.Pow(q.X - UniversalScalabilityLaw.Throughput(p[0], p[1], p[2], q.N), 2));
}
