using HwLab.Lab.Decisions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>
/// An experiment's probes of one kind (placement, memory) by round. A probe is taken once before
/// each round and belongs to every variant's sample of that round, so a sample that does not
/// carry it takes its round's from another point's sample.
/// </summary>
internal sealed class RoundProbes
{
    private readonly Dictionary<int, double> _byRound = [];
    private readonly string _extra;

    private RoundProbes(string extra) => _extra = extra;

    /// <param name="extra">The sample extra the probe is kept in: <see cref="RoundFigures.PlacementExtra"/> or <see cref="RoundFigures.MemoryExtra"/>.</param>
    public static RoundProbes Of(ExperimentResult experiment, string extra = RoundFigures.PlacementExtra)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var probes = new RoundProbes(extra);
        foreach (SampleRecord sample in experiment.Points.SelectMany(p => p.Samples))
        {
            if (probes.Own(sample) is double ns)
            {
                probes._byRound.TryAdd(sample.Index, ns);
            }
        }
        return probes;
    }

    /// <summary>The probes behind the samples <paramref name="point"/>'s figure rests on (<see cref="Statistics.UsedSamples"/>), each sample's own or else its round's.</summary>
    public double[] BehindFigureOf(PointResult point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return [.. Statistics.UsedSamples(point.Samples).Samples
            .Select(s => Own(s) ?? (_byRound.TryGetValue(s.Index, out double ns) ? ns : (double?)null))
            .OfType<double>()];
    }

    private double? Own(SampleRecord sample)
        => sample.Extras.TryGetValue(_extra, out double ns) && double.IsFinite(ns) && ns > 0 ? ns : null;
}
