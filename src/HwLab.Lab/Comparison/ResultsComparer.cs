using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// Compares two results documents point by point. A point changed only when the 95% interval of
/// B/A (from each side's samples, <see cref="PointComparer"/>) lies wholly outside the no-change
/// band of the threshold: neither condition alone will do, since on a quiet machine intervals are
/// narrow enough that 1% run-to-run drift is "significant", and on a noisy one a 10% swing of the
/// medians can be noise. When the placement probes put the two sides in different machine states,
/// such a difference is reported as the machine's, not the code's.
/// </summary>
public static class ResultsComparer
{
    public const double DefaultThresholdPercent = 5;

    public static string RuleText(double thresholdPercent)
        => string.Create(CultureInfo.InvariantCulture,
            $"changed when the whole 95% interval of B/A (B's median interval over A's, end against end; at least {Decider.MinimumRounds} samples a side) lies outside the no-change band {NoChangeBand.FromPercent(thresholdPercent)} ({thresholdPercent:0.###}% either way); put down to the machine instead when the placement probes put the two sides mostly in different states");

    /// <exception cref="ComparisonException">The documents share no experiment, or no point within their common experiments.</exception>
    public static ResultsComparison Compare(ResultsDocument a, string sourceA, ResultsDocument b, string sourceB, double thresholdPercent = DefaultThresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        NoChangeBand band = NoChangeBand.FromPercent(thresholdPercent);

        string[] namesA = [.. a.Experiments.Select(e => e.Name)];
        string[] namesB = [.. b.Experiments.Select(e => e.Name)];
        string[] common = [.. namesA.Intersect(namesB, StringComparer.Ordinal)];
        if (common.Length == 0)
        {
            throw new ComparisonException(
                $"{sourceA} and {sourceB} share no experiment ({Listed(namesA)} against {Listed(namesB)}); compare results of the same experiments");
        }

        ExperimentComparison[] experiments = [.. common.Select(name => CompareExperiment(a.Experiment(name)!, b.Experiment(name)!, band))];
        if (experiments.All(e => e.Points.Count == 0))
        {
            throw new ComparisonException(
                $"{sourceA} and {sourceB} share experiments ({string.Join(", ", common)}) but no measured point; was one of them skipped or failed?");
        }

        PointComparison[] points = [.. experiments.SelectMany(e => e.Points)];
        int Count(string state) => points.Count(p => p.State == state);
        return new ResultsComparison(
            ResultsComparison.CurrentSchema,
            SideOf(a, sourceA),
            SideOf(b, sourceB),
            thresholdPercent,
            band.Low,
            band.High,
            RuleText(thresholdPercent),
            experiments,
            [.. namesA.Except(namesB, StringComparer.Ordinal)],
            [.. namesB.Except(namesA, StringComparer.Ordinal)],
            points.Count(p => p.Judged),
            Count(PointComparison.Changed),
            Count(PointComparison.MachineStateDiffered),
            Count(PointComparison.WithinNoise),
            Count(PointComparison.Unchanged));
    }

    private static ExperimentComparison CompareExperiment(ExperimentResult a, ExperimentResult b, NoChangeBand band)
    {
        var pointsB = b.Points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pointsA = a.Points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        RoundProbes probesA = RoundProbes.Of(a);
        RoundProbes probesB = RoundProbes.Of(b);
        RoundProbes memoryA = RoundProbes.Of(a, RoundFigures.MemoryExtra);
        RoundProbes memoryB = RoundProbes.Of(b, RoundFigures.MemoryExtra);
        PointComparison[] points = [.. a.Points
            .Where(p => pointsB.ContainsKey(p.Id))
            .Select(p => PointComparer.Compare(
                p,
                pointsB[p.Id],
                band,
                PointPlacement.Of(probesA.BehindFigureOf(p), probesB.BehindFigureOf(pointsB[p.Id])),
                PointMemory.Of(memoryA.BehindFigureOf(p), memoryB.BehindFigureOf(pointsB[p.Id]), band)))];

        string status = a.Status == b.Status ? a.Status.Text() : $"{a.Status.Text()} / {b.Status.Text()}";
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

    private static string Listed(string[] names) => names.Length == 0 ? "none" : string.Join(", ", names);
}
