using System.Globalization;
using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// The swap experiment's scaling per lock mode: ops/s with the most workers measured over ops/s of
/// the same device with one worker, as the experiment derives it for each point, taken where its
/// verdicts take their points (column order, 8-byte layout).
/// </summary>
internal static class ScalingFigures
{
    private const string Experiment = "swap";
    private const string Scaling = "scaling";
    private const string Order = "columns";
    private const string Layout = "8";

    public static IEnumerable<FleetFigure?> From(IReadOnlyList<FleetMachine> machines)
        => FleetFigures.KeyValues(machines, Experiment, "mode", ["device", "bitlock", "spinlock"])
            .Select(mode => FleetFigures.Of(machines, Experiment, $"swap scaling, {mode}: ops/s at the most workers over 1 worker (column order, {Layout}-byte layout)", FleetFigure.Times, e => Value(e, mode)));

    private static FleetValue? Value(ExperimentResult experiment, string mode)
    {
        PointResult? most = experiment.Points
            .Where(p => p.Keys.GetValueOrDefault("mode") == mode && p.Keys.GetValueOrDefault("order") == Order && p.Keys.GetValueOrDefault("layout") == Layout)
            .Where(p => Workers(p) > 1 && p.Derived.TryGetValue(Scaling, out double s) && double.IsFinite(s))
            .MaxBy(Workers);
        return most is null ? null : new FleetValue(most.Derived[Scaling], $"{Workers(most)} workers");
    }

    private static int Workers(PointResult point) => int.Parse(point.Key("workers"), CultureInfo.InvariantCulture);
}
