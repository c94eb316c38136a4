namespace HwLab.Lab.Fleet;

/// <summary>A figure that decides claims, set side by side for every machine.</summary>
/// <param name="Name">What it is, in words: "false-sharing penalty at 8 bytes (managed)".</param>
/// <param name="Unit">ns, or x for a ratio.</param>
/// <param name="Values">One per machine, in the fleet's column order; null where that machine's results do not carry it.</param>
public sealed record FleetFigure(string Name, string Unit, IReadOnlyList<FleetValue?> Values)
{
    /// <summary>The unit of a ratio: 6.34x.</summary>
    public const string Times = "x";
}

/// <summary>One machine's value of a figure and what it rests on ("against 128 bytes apart", "3 pairs", "4 workers").</summary>
public sealed record FleetValue(double Value, string Basis);
