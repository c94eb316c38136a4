using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>One machine's point of one experiment: a row of fleet.csv.</summary>
/// <param name="Machine">The machine's label in the fleet (unique, unlike the host).</param>
public sealed record FleetPoint(string Machine, string Host, string CpuModel, string Experiment, PointResult Point)
{
    public static IReadOnlyList<FleetPoint> From(IReadOnlyList<FleetMachine> machines)
    {
        ArgumentNullException.ThrowIfNull(machines);
        return [.. machines.SelectMany(m => m.Document.Experiments.SelectMany(e => e.Points.Select(p => new FleetPoint(m.Label, m.Host, m.CpuModel, e.Name, p))))];
    }
}
