using HwLab.Lab.Reports;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// Compares two results documents point by point. A difference is flagged only when it is both
/// statistically clear and large enough to matter: the two sides' noise intervals (95% CI of the
/// median, or the sample range with fewer than three samples) do not overlap, and B's median
/// differs from A's by more than the threshold. Either condition alone flags too much: on a quiet
/// machine intervals are narrow enough that 1% run-to-run drift is "significant", and on a noisy
/// one a 10% swing can be noise.
/// </summary>
public static class ResultsComparer
{
    public const double DefaultThresholdPercent = 5;

    public static string RuleText(double thresholdPercent)
        => $"flagged when the two noise intervals (95% CI of the median; the sample range below 3 samples) do not overlap and B differs from A by more than {Numbers.Format(thresholdPercent)}%";

    /// <exception cref="ComparisonException">The documents share no experiment, or no point within their common experiments.</exception>
    public static ResultsComparison Compare(ResultsDocument a, string sourceA, ResultsDocument b, string sourceB, double thresholdPercent = DefaultThresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!(thresholdPercent >= 0) || double.IsInfinity(thresholdPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent, "The threshold is a percentage, 0 or more.");
        }

        string[] namesA = [.. a.Experiments.Select(e => e.Name)];
        string[] namesB = [.. b.Experiments.Select(e => e.Name)];
        string[] common = [.. namesA.Intersect(namesB, StringComparer.Ordinal)];
        if (common.Length == 0)
        {
            throw new ComparisonException(
                $"{sourceA} and {sourceB} share no experiment ({Listed(namesA)} against {Listed(namesB)}); compare results of the same experiments");
        }

        ExperimentComparison[] experiments = [.. common.Select(name => CompareExperiment(a.Experiment(name)!, b.Experiment(name)!, thresholdPercent))];
        int compared = experiments.Sum(e => e.Points.Count(p => p.Finding is not (PointComparison.NotComparable or PointComparison.NoNoiseEstimate)));
        if (experiments.All(e => e.Points.Count == 0))
        {
            throw new ComparisonException(
                $"{sourceA} and {sourceB} share experiments ({string.Join(", ", common)}) but no measured point; was one of them skipped or failed?");
        }

        return new ResultsComparison(
            ResultsComparison.CurrentSchema,
            SideOf(a, sourceA),
            SideOf(b, sourceB),
            thresholdPercent,
            RuleText(thresholdPercent),
            experiments,
            [.. namesA.Except(namesB, StringComparer.Ordinal)],
            [.. namesB.Except(namesA, StringComparer.Ordinal)],
            compared,
            experiments.Sum(e => e.Points.Count(p => p.Flagged)));
    }

    /// <summary>Compares one point's statistics on the two sides.</summary>
    public static PointComparison ComparePoint(PointResult a, PointResult b, double thresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        SideFigures sideA = SideFigures.From(a.Stats);
        SideFigures sideB = SideFigures.From(b.Stats);
        // B over A: none when A is 0, nor when the quotient leaves the double range (1e300 over 1e-300).
        double quotient = sideB.Median / sideA.Median;
        double? ratio = sideA.Median != 0 && double.IsFinite(quotient) ? quotient : null;

        (string finding, string why) = (a.Unit == b.Unit) switch
        {
            false => (PointComparison.NotComparable, $"units differ: {a.Unit} against {b.Unit}"),
            true when !double.IsFinite(sideA.Median) || !double.IsFinite(sideB.Median) => (PointComparison.NotComparable, "a median is not a finite number"),
            true when sideA.Overlaps(sideB) => (PointComparison.WithinNoise, "the noise intervals overlap"),
            true when sideA.N < 2 || sideB.N < 2 => (PointComparison.NoNoiseEstimate, "one sample on a side: its noise is unknown, so no difference is flagged"),
            true when sideA.Median == 0 => Flag(sideB.Median > 0, "A is 0"),
            true when ratio is null => (PointComparison.NotComparable, $"B over A ({Numbers.Format(sideB.Median)} over {Numbers.Format(sideA.Median)}) is beyond the range of a number"),
            true when Math.Abs(ratio.Value - 1) * 100 <= thresholdPercent => (PointComparison.WithinNoise, $"the intervals are apart but the difference is {Percent(ratio.Value)}, within the {Numbers.Format(thresholdPercent)}% threshold"),
            _ => Flag(ratio.Value > 1, $"{Percent(ratio.Value)}, beyond both sides' noise"),
        };
        return new PointComparison(a.Id, a.Metric, a.Unit, sideA, sideB, ratio, finding, why);

        static (string, string) Flag(bool higher, string why) => (higher ? PointComparison.Higher : PointComparison.Lower, why);
    }

    private static ExperimentComparison CompareExperiment(ExperimentResult a, ExperimentResult b, double thresholdPercent)
    {
        var pointsB = b.Points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pointsA = a.Points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        PointComparison[] points = [.. a.Points.Where(p => pointsB.ContainsKey(p.Id)).Select(p => ComparePoint(p, pointsB[p.Id], thresholdPercent))];

        string status = a.Status == b.Status ? a.Status : $"{a.Status} / {b.Status}";
        return new ExperimentComparison(
            a.Name,
            a.Title,
            status,
            ParameterDifferences(a.Parameters, b.Parameters),
            points,
            [.. a.Points.Where(p => !pointsB.ContainsKey(p.Id)).Select(p => p.Id)],
            [.. b.Points.Where(p => !pointsA.ContainsKey(p.Id)).Select(p => p.Id)],
            VerdictChange.Between(a.Verdicts, b.Verdicts));
    }

    private static string[] ParameterDifferences(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
        => [.. a.Keys.Union(b.Keys, StringComparer.Ordinal)
            .Where(k => !(a.TryGetValue(k, out string? va) && b.TryGetValue(k, out string? vb) && va == vb))
            .Select(k => $"{k}: {(a.TryGetValue(k, out string? va) ? va : "-")} / {(b.TryGetValue(k, out string? vb) ? vb : "-")}")];

    private static ComparedSide SideOf(ResultsDocument document, string source)
        => new(source, document.Machine.Host, document.Machine.CpuModel, document.Profile, document.CreatedUtc, document.Machine.Hypervisor, document.Machine.Usable.Count);

    // The difference in percent of A, signed: +12.3%, -4.0%.
    private static string Percent(double ratio) => ratio > 1 ? "+" + Numbers.Percent(ratio - 1) : Numbers.Percent(ratio - 1);

    private static string Listed(string[] names) => names.Length == 0 ? "none" : string.Join(", ", names);
}
