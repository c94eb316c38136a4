namespace HwLab.Lab.Fleet;

/// <summary>
/// Many machines' results as tables: the machines grouped by CPU model, every claim's verdict per
/// machine with the majority's outcome, the deciding figures side by side, and every point. Pure:
/// documents in, tables out; fleet.md, fleet.html and fleet.csv are rendered from it. Machines
/// that failed to bring results back are listed apart (<see cref="Failures"/>): no column, no vote.
/// </summary>
public sealed class FleetTables
{
    private FleetTables(IReadOnlyList<FleetGroup> groups, IReadOnlyList<FleetFailure> failures)
    {
        Groups = groups;
        Failures = failures;
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

    /// <summary>The machines that left a failure record in place of results, in the order named.</summary>
    public IReadOnlyList<FleetFailure> Failures { get; }

    /// <exception cref="ArgumentException">No input.</exception>
    public static FleetTables From(IReadOnlyList<FleetInput> inputs) => From(inputs, []);

    /// <exception cref="ArgumentException">Neither a results document nor a failure.</exception>
    public static FleetTables From(IReadOnlyList<FleetInput> inputs, IReadOnlyList<FleetFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(failures);
        if (inputs.Count == 0 && failures.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one results document or failure.", nameof(inputs));
        }
        return new FleetTables(FleetMachines.Group(inputs), failures);
    }
}
