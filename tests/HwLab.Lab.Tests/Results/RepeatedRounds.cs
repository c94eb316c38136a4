using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

/// <summary>
/// A results document with every sample taken again as a further round: same value, same flags,
/// round numbers continuing after the experiment's last. The captured run has five rounds a point,
/// one short of an order-statistic interval (<see cref="Decisions.Decider.MinimumRounds"/>), so it
/// decides nothing; tests about decided points on its figures use this copy. Synthetic: the repeats
/// are no measurement, and over ten such rounds the interval is the five values' minimum to maximum.
/// </summary>
/// <remarks>Linked into HwLab.Cli.Tests, whose compare tests use it too.</remarks>
internal static class RepeatedRounds
{
    public static ResultsDocument Of(ResultsDocument document) => document with { Experiments = [.. document.Experiments.Select(Of)] };

    public static ExperimentResult Of(ExperimentResult experiment)
    {
        int next = experiment.Points.SelectMany(p => p.Samples).Select(s => s.Index + 1).DefaultIfEmpty(0).Max();
        return experiment with { Points = [.. experiment.Points.Select(p => Of(p, next))] };
    }

    private static PointResult Of(PointResult point, int next)
    {
        SampleRecord[] samples = [.. point.Samples, .. point.Samples.Select(s => s with { Index = s.Index + next })];
        return point with { Samples = samples, Stats = Statistics.From(samples) };
    }
}
