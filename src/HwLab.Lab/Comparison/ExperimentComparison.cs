namespace HwLab.Lab.Comparison;

/// <summary>One experiment present on both sides: its points compared, and what could not be.</summary>
/// <param name="Status">The experiment's status on each side, as "completed" or "completed / failed".</param>
/// <param name="ParameterDifferences">Settings that differ, as "name: A value / B value"; points measured under different settings compare machines as well as settings.</param>
/// <param name="OnlyInA">Point ids measured only on side A (a CPU count, a distance B's machine could not reach).</param>
/// <param name="OnlyInB">Point ids measured only on side B.</param>
public sealed record ExperimentComparison(
    string Name,
    string Title,
    string Status,
    IReadOnlyList<string> ParameterDifferences,
    IReadOnlyList<PointComparison> Points,
    IReadOnlyList<string> OnlyInA,
    IReadOnlyList<string> OnlyInB,
    IReadOnlyList<VerdictChange> VerdictChanges);
