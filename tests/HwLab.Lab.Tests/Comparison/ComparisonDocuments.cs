using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Results;

namespace HwLab.Lab.Tests.Comparison;

/// <summary>Small results documents for comparisons: points with known samples, and placement probes where a test wants them.</summary>
internal static class ComparisonDocuments
{
    /// <summary>A point in ns whose samples are <paramref name="values"/>, round by round from 0.</summary>
    public static PointResult Point(string id, params double[] values) => PointWith(id, [.. values.Select((v, i) => SampleDocuments.Sample(i, v))]);

    /// <summary>A point whose sample of round i carries <paramref name="probes"/>[i] as its placement probe.</summary>
    public static PointResult Probed(string id, double[] values, double[] probes)
    {
        Assert.Equal(values.Length, probes.Length);
        return PointWith(id, [.. values.Select((v, i) => WithProbe(SampleDocuments.Sample(i, v), probes[i]))]);
    }

    public static SampleRecord WithProbe(SampleRecord sample, double probeNs) => WithExtra(sample, RoundFigures.PlacementExtra, probeNs);

    /// <summary><paramref name="sample"/> carrying <paramref name="value"/> as its extra <paramref name="name"/> (a probe of either kind).</summary>
    public static SampleRecord WithExtra(SampleRecord sample, string name, double value)
        => sample with { Extras = new Dictionary<string, double>(sample.Extras) { [name] = value } };

    public static PointResult PointWith(string id, SampleRecord[] samples)
    {
        var keys = new Dictionary<string, string> { ["point"] = id };
        return new PointResult(id, keys, "ns per operation", "ns", Statistics.From(samples), samples, new Dictionary<string, double>());
    }

    public static ExperimentResult Experiment(string name, params PointResult[] points)
        => SampleDocuments.Experiment(name) with { Points = points, Verdicts = [] };

    /// <summary>A document with one experiment, "locks", holding <paramref name="points"/>.</summary>
    public static ResultsDocument Document(params PointResult[] points) => SampleDocuments.Document(Experiment("locks", points));

    /// <summary><paramref name="b"/> against <paramref name="a"/>, each alone in a document.</summary>
    public static PointComparison ComparePoints(PointResult a, PointResult b, double thresholdPercent = ResultsComparer.DefaultThresholdPercent)
        => Only(ResultsComparer.Compare(Document(a), "a", Document(b), "b", thresholdPercent));

    /// <summary>The one point of a comparison of one-point documents.</summary>
    public static PointComparison Only(ResultsComparison comparison) => Assert.Single(Assert.Single(comparison.Experiments).Points);
}
