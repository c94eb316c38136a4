namespace HwLab.Lab.Fleet;

/// <summary>
/// Many machines' results as tables: the machines grouped by CPU model, every claim's verdict per
/// machine with the majority's outcome, the deciding figures side by side, and every point. Pure:
/// documents in, tables out; fleet.md, fleet.html and fleet.csv are rendered from it.
/// </summary>
public sealed class FleetTables
{
    private FleetTables(IReadOnlyList<FleetGroup> groups)
    {
        Groups = groups;
        Machines = [.. groups.SelectMany(g => g.Machines)];
        Claims = FleetClaims.From(Machines);
        Figures = FleetFigures.From(Machines);
        Points = FleetPoint.From(Machines);
    }

    /// <summary>The machines by CPU model; their order is the order of every table's columns.</summary>
    public IReadOnlyList<FleetGroup> Groups { get; }

    public IReadOnlyList<FleetMachine> Machines { get; }

    public IReadOnlyList<FleetClaim> Claims { get; }

    public IReadOnlyList<FleetFigure> Figures { get; }

    public IReadOnlyList<FleetPoint> Points { get; }

    /// <exception cref="ArgumentException">No input.</exception>
    public static FleetTables From(IReadOnlyList<FleetInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one results document.", nameof(inputs));
        }
        return new FleetTables(FleetMachines.Group(inputs));
    }
}
