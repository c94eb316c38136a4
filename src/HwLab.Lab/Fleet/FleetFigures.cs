using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>The figures behind the seed's claims, side by side: false-sharing penalty, core-to-core latency, swap scaling.</summary>
internal static class FleetFigures
{
    public static IReadOnlyList<FleetFigure> From(IReadOnlyList<FleetMachine> machines)
        => [.. PenaltyFigures.From(machines).Concat(C2cFigures.From(machines)).Concat(ScalingFigures.From(machines)).OfType<FleetFigure>()];

    /// <summary>A figure with each machine's value from its <paramref name="experiment"/>; null when no machine has one.</summary>
    public static FleetFigure? Of(IReadOnlyList<FleetMachine> machines, string experiment, string name, string unit, Func<ExperimentResult, FleetValue?> value)
    {
        FleetValue?[] values = [.. machines.Select(m => m.Document.Experiment(experiment) is { } result ? value(result) : null)];
        return values.Any(v => v is not null) ? new FleetFigure(name, unit, values) : null;
    }

    /// <summary>
    /// The values of <paramref name="key"/> in <paramref name="experiment"/>'s points across the
    /// fleet: those of <paramref name="known"/> that occur, in that order, then any others in the
    /// order first met. A point without the key counts as <paramref name="absent"/>, when given.
    /// </summary>
    public static IReadOnlyList<string> KeyValues(IReadOnlyList<FleetMachine> machines, string experiment, string key, IReadOnlyList<string> known, string? absent = null)
    {
        string[] found = [.. machines
            .SelectMany(m => m.Document.Experiment(experiment)?.Points ?? [])
            .Select(p => p.Keys.TryGetValue(key, out string? value) ? value : absent)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
        return [.. known.Where(found.Contains), .. found.Except(known, StringComparer.Ordinal)];
    }
}
