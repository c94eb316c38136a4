using System.Globalization;
using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// The falseshare experiment's penalty with neighbouring locks 8 bytes apart, per implementation:
/// the median ns per lock/unlock pair at 8 bytes over that at the widest distance measured, as
/// the experiment derives it for each point.
/// </summary>
internal static class PenaltyFigures
{
    private const string Experiment = "falseshare";
    private const string Distance = "8";
    private const string Penalty = "penalty";

    public static IEnumerable<FleetFigure?> From(IReadOnlyList<FleetMachine> machines)
        => FleetFigures.KeyValues(machines, Experiment, "impl", ["managed", "native"])
            .Select(impl => FleetFigures.Of(machines, Experiment, $"false-sharing penalty at {Distance} bytes ({impl})", FleetFigure.Times, e => Value(e, impl)));

    private static FleetValue? Value(ExperimentResult experiment, string impl)
    {
        PointResult[] ofImpl = [.. experiment.Points.Where(p => p.Keys.GetValueOrDefault("impl") == impl)];
        PointResult? nearest = ofImpl.FirstOrDefault(p => p.Keys.GetValueOrDefault("distance") == Distance);
        if (nearest is null || !nearest.Derived.TryGetValue(Penalty, out double penalty) || !double.IsFinite(penalty))
        {
            return null;
        }
        int widest = ofImpl.Max(p => int.Parse(p.Key("distance"), CultureInfo.InvariantCulture));
        return new FleetValue(penalty, $"against {widest} bytes apart");
    }
}
