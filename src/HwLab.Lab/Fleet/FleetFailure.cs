namespace HwLab.Lab.Fleet;

/// <summary>
/// A machine of the fleet that left no results to read: its directory holds hwlab-failed.json
/// (<see cref="FleetFailureJson"/>) in their place. It is listed apart from the machines, with no
/// column in any table and no say in any majority.
/// </summary>
/// <param name="Source">The directory as the user named it.</param>
/// <param name="Host">The host the record names (the inventory name the results would have been fetched under).</param>
/// <param name="Stage">Where it failed: check, run, fetch or timeout.</param>
/// <param name="Reason">Why, in one line.</param>
/// <param name="Time">When the failure was recorded.</param>
public sealed record FleetFailure(string Source, string Host, string Stage, string Reason, DateTimeOffset Time);
