namespace HwLab.Lab.Decisions;

/// <summary>
/// One round's value of a deciding figure (for a paired ratio: A_i / B_i of the same round), with
/// the placement probe taken before that round, when there was one.
/// </summary>
/// <param name="Round">The sampling round, shared by every variant's sample of that round.</param>
/// <param name="PlacementNs">The round's placement probe (ns per round trip between the workers' CPUs); null when none ran.</param>
public readonly record struct RoundValue(int Round, double Value, double? PlacementNs);
