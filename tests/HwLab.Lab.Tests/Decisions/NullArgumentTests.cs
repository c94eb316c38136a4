using HwLab.Lab.Comparison;
using HwLab.Lab.Decisions;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Comparison;

namespace HwLab.Lab.Tests.Decisions;

/// <summary>Every entry of the decision and comparison code names the argument it was given as null, rather than failing somewhere inside.</summary>
public sealed class NullArgumentTests
{
    private static readonly PointResult s_point = ComparisonDocuments.Point("p", 1, 2, 3);
    private static readonly NoChangeBand s_band = NoChangeBand.FromPercent(5);

    public static TheoryData<string, Action> Calls => new()
    {
        { "values", () => MedianInterval.Of(null!) },
        { "values", () => MedianInterval.Median(null!) },
        { "samples", () => Statistics.From(null!) },
        { "samples", () => Statistics.UsedSamples(null!) },
        { "values", () => Statistics.CoefficientOfVariationOf(null!) },
        { "probes", () => PlacementGroups.Split(null!) },
        { "verdict", () => DecisionRule.Of(null!) },
        { "points", () => RoundFigures.PerRound(null!, s => 0) },
        { "value", () => RoundFigures.PerRound([s_point], null!) },
        { "a", () => PointComparer.Compare(null!, s_point, s_band, PointPlacement.None) },
        { "b", () => PointComparer.Compare(s_point, null!, s_band, PointPlacement.None) },
        { "placement", () => PointComparer.Compare(s_point, s_point, s_band, null!) },
        { "probesA", () => PointMemory.Of(null!, [], s_band) },
        { "probesB", () => PointMemory.Of([], null!, s_band) },
        { "probesA", () => PointPlacement.Of(null!, []) },
        { "probesB", () => PointPlacement.Of([], null!) },
        { "point", () => SideFigures.From(null!, null) },
        { "experiment", () => RoundProbes.Of(null!) },
        { "point", () => RoundProbes.Of(ComparisonDocuments.Experiment("locks", s_point)).BehindFigureOf(null!) },
        { "a", () => ResultsComparer.Compare(null!, "a", ComparisonDocuments.Document(s_point), "b") },
        { "b", () => ResultsComparer.Compare(ComparisonDocuments.Document(s_point), "a", null!, "b") },
        { "a", () => VerdictChange.Between(null!, []) },
        { "b", () => VerdictChange.Between([], null!) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_null_argument_is_named(string parameter, Action call)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentNullException>(call).ParamName);
    }
}
