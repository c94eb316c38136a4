using HwLab.Lab.Reports.Svg;
using HwLab.Lab.Results;

namespace HwLab.Lab.Reports;

/// <summary>
/// Throughput against workers, one colour per curve: the measured medians as dots and the
/// Universal Scalability Law fitted to them as a line, or, for a curve without a fit, the dots
/// joined by a dashed line and the caption saying why.
/// </summary>
internal static class ScalingChart
{
    // Enough points that the fitted curve looks smooth between worker counts far apart.
    private const int CurveSteps = 64;

    /// <summary>Why a document's points are drawn without a fit when it holds no curves.</summary>
    public const string WrittenBeforeFits = "these results were written before HwLab fitted scaling curves";

    /// <param name="name">A curve's name in the legend.</param>
    /// <param name="what">The caption's first sentence: what the curves are of.</param>
    public static ReportFigure Figure(string id, string description, IReadOnlyList<ScalingCurve> curves, Func<ScalingCurve, string> name, string what)
    {
        string unit = curves.Count == 0 ? "ops/s" : curves[0].Unit;
        var chart = new LineChart(id, description, "workers", $"throughput, all workers ({unit})") { IntegerX = true };
        foreach (ScalingCurve curve in curves)
        {
            (double X, double Y)[] measured = [.. curve.Points.Select(p => ((double)p.Workers, p.Throughput))];
            chart.AddFitted(name(curve), measured, curve.Fit is { } fit && measured.Length > 0 ? Sampled(fit.Throughput, measured.Min(p => p.X), measured.Max(p => p.X)) : null);
        }
        var caption = new List<string> { what, "Dots: the measured medians." };
        if (curves.Any(c => c.Fit is not null))
        {
            caption.Add("Solid lines: the Universal Scalability Law fitted to them (σ, κ and the predicted peak in the table of fits).");
        }
        if (curves.Any(c => c.Fit is null))
        {
            caption.Add("Dashed lines join the dots of a curve without a fit.");
            caption.AddRange(ScalingTable.Unfitted(curves));
        }
        return new ReportFigure(chart.Render(), string.Join(' ', caption));
    }

    private static (double X, double Y)[] Sampled(Func<double, double> curve, double from, double to)
        => [.. Enumerable.Range(0, CurveSteps + 1).Select(i => from + ((to - from) * i / CurveSteps)).Select(n => (n, curve(n)))];
}
