using System.Globalization;
using HwLab.Lab.Results;

namespace HwLab.Lab.Experiments;

/// <summary>
/// Figures the experiments build from their points' statistics: the ratio of two medians, and a
/// point's figure in words with its noise, as verdicts quote them.
/// </summary>
public static class PointFigures
{
    /// <summary>
    /// a's median over b's; NaN, "not defined", when b's is 0. Never an infinity: results.json
    /// allows NaN in derived figures to mean "not defined", but no infinite figure.
    /// </summary>
    public static double Ratio(Statistics a, Statistics b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return b.Median == 0 ? double.NaN : a.Median / b.Median;
    }

    /// <summary>"12.3 ns (11.9 to 12.8, CV 2.1%)".</summary>
    public static string Describe(Statistics s, string unit)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture, $"{s.Median:0.##} {unit} (min {s.Min:0.##}, max {s.Max:0.##}, CV {s.CoefficientOfVariation * 100:0.#}%)");
    }

    public static string Times(double ratio) => double.IsFinite(ratio) ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x") : "n/a (against 0)";
}
