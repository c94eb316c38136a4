namespace HwLab.Lab.Scaling;

/// <summary>A x = b for the few unknowns of a curve fit, by Gaussian elimination with partial pivoting.</summary>
internal static class SmallLinearSystem
{
    /// <summary>The solution, or false when the matrix is singular (a pivot vanishes against the matrix's largest entry).</summary>
    /// <param name="matrix">n x n, row by row; left as it was.</param>
    public static bool TrySolve(double[,] matrix, double[] right, out double[] solution)
    {
        int n = right.Length;
        double[,] a = (double[,])matrix.Clone();
        double[] b = (double[])right.Clone();
        solution = new double[n];
        double largest = 0;
        foreach (double entry in a)
        {
            largest = Math.Max(largest, Math.Abs(entry));
        }
        if (largest == 0 || !double.IsFinite(largest))
        {
            return false;
        }
        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(a[pivot, column]) <= largest * 1e-13)
            {
                return false;
            }
            Swap(a, b, pivot, column);
            for (int row = column + 1; row < n; row++)
            {
                double factor = a[row, column] / a[column, column];
                for (int k = column; k < n; k++)
                {
                    a[row, k] -= factor * a[column, k];
                }
                b[row] -= factor * b[column];
            }
        }
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = b[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * solution[k];
            }
            solution[row] = sum / a[row, row];
        }
        return solution.All(double.IsFinite);
    }

    private static void Swap(double[,] a, double[] b, int i, int j)
    {
        if (i == j)
        {
            return;
        }
        for (int k = 0; k < b.Length; k++)
        {
            (a[i, k], a[j, k]) = (a[j, k], a[i, k]);
        }
        (b[i], b[j]) = (b[j], b[i]);
    }
}
